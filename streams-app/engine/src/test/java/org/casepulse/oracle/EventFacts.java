package org.casepulse.oracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.AssessmentAnchor;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.Lookback;
import org.casepulse.indicators.MeasureParameters;

/** The facts of every event measure (COUNTING.md section 2), one case element at a time. */
final class EventFacts {
    private final List<CaseHistory> allCases;
    private final WorkingDays wd;

    EventFacts(List<CaseHistory> allCases, WorkingDays wd) {
        this.allCases = allCases;
        this.wd = wd;
    }

    List<Fact> of(IndicatorDefinition indicator) {
        // Cross-case measures look at every case of the child; only the counted case is filtered.
        List<CaseHistory> counted = allCases.stream().filter(c -> Filters.keepsCase(indicator.filter(), c)).toList();
        MeasureParameters p = indicator.parameters();
        return switch (indicator.measure()) {
            case ALLOCATION_TIMELINESS -> allocationTimeliness(counted, p.withinWorkingDays());
            case RE_REFERRAL -> reReferral(counted, p.lookback());
            case REFERRAL_TO_ASSESSMENT -> referralToAssessment(counted, p);
            case ASSESSMENT_TIMELINESS -> assessmentTimeliness(counted, p);
            case CHILDREN_SEEN_AT_ASSESSMENT -> childrenSeen(counted, indicator);
            case EVENT_RATE -> eventRate(counted, indicator);
            case EVENT_SHARE -> eventShare(counted, indicator);
            case INTERVAL_TIMELINESS -> intervalTimeliness(counted, indicator);
            case FOLLOWED_BY -> followedBy(counted, indicator);
            case CP_VISIT_TIMELINESS -> cpVisitTimeliness(counted, p.intervalWorkingDays());
            case REPEAT_CP_PLAN -> repeatCpPlan(counted, p.lookback());
            case CP_PLAN_DURATION_AT_END -> cpPlanDurationAtEnd(counted, p.minimumDuration());
            case REFERRAL_RATE -> referrals(counted);
            case DEMAND_CHANGE -> p.element() == null ? referrals(counted) : elementCounts(counted, p);
            case PARTICIPANT_CHECKS -> participantChecks(counted, indicator);
            case INTERVAL_AVERAGE -> intervalAverage(counted, indicator);
            default -> throw new IllegalArgumentException(indicator.id() + " is not an event measure");
        };
    }

    private List<Fact> allocationTimeliness(List<CaseHistory> cases, int within) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            Optional<CaseEvent> first = c.firstAllocation();
            // The first allocation is the earliest one; dated before the referral, the pair is left out.
            if (first.isPresent() && !first.get().getOccurredOn().isBefore(c.referralDate())) {
                facts.add(Fact.of(first.get(), wd.between(c.referralDate(), first.get().getOccurredOn()) <= within));
            }
        }
        return facts;
    }

    private List<Fact> reReferral(List<CaseHistory> cases, Lookback lookback) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            LocalDate date = c.referralDate();
            boolean again = false;
            for (CaseHistory other : allCases) {
                LocalDate earlier = other.referralDate();
                if (!other.caseId().equals(c.caseId()) && other.childId().equals(c.childId())
                        && earlier.isBefore(date) && withinLookback(lookback, earlier, date)) {
                    again = true;
                }
            }
            facts.add(Fact.of(c.referral(), again));
        }
        return facts;
    }

    private List<Fact> referralToAssessment(List<CaseHistory> cases, MeasureParameters p) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            boolean assessed = false;
            for (CaseHistory.Assessment a : c.assessments()) {
                if (a.start() != null && typed(p, a) && !a.start().getOccurredOn().isBefore(c.referralDate())) {
                    assessed = true;
                }
            }
            facts.add(Fact.of(c.referral(), assessed));
        }
        return facts;
    }

    private List<Fact> assessmentTimeliness(List<CaseHistory> cases, MeasureParameters p) {
        int within = p.withinWorkingDays();
        AssessmentAnchor anchor = p.anchor();
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            for (CaseHistory.Assessment a : c.assessments()) {
                if (a.completion() == null || !typed(p, a)) {
                    continue;
                }
                // startedInSameMonth: a start in the completion's calendar month, or no fact.
                if (Boolean.TRUE.equals(p.startedInSameMonth()) && (a.start() == null
                        || !java.time.YearMonth.from(a.start().getOccurredOn())
                                .equals(java.time.YearMonth.from(a.completion().getOccurredOn())))) {
                    continue;
                }
                LocalDate from = switch (anchor) {
                    case REFERRAL -> c.referralDate();
                    case ASSESSMENT_START -> a.start() == null ? null : a.start().getOccurredOn();
                };
                LocalDate completed = a.completion().getOccurredOn();
                if (from != null && !completed.isBefore(from)) {
                    facts.add(Fact.of(a.completion(), wd.between(from, completed) <= within));
                }
            }
        }
        return facts;
    }

    private List<Fact> childrenSeen(List<CaseHistory> cases, IndicatorDefinition indicator) {
        MeasureParameters p = indicator.parameters();
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            for (CaseHistory.Assessment a : c.assessments()) {
                if (a.completion() == null || !typed(p, a)
                        || !Filters.keepsOn(indicator.filter(), c, a.completion().getOccurredOn())) {
                    continue;
                }
                if (Boolean.TRUE.equals(p.excludeProgressedToStrategy()) && wentToStrategy(c, a)) {
                    continue;
                }
                facts.add(Fact.of(a.completion(), Boolean.TRUE.equals(a.completion().getChildSeen())));
            }
        }
        return facts;
    }

    private List<Fact> cpVisitTimeliness(List<CaseHistory> cases, int interval) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            List<CaseHistory.Plan> plans = c.countableCpPlans();
            // Each visit inside a CP plan belongs to the one with the latest start, then the smallest planId.
            Comparator<CaseHistory.Plan> owner = Comparator.comparing(CaseHistory.Plan::startDate)
                    .thenComparing(CaseHistory.Plan::planId, Comparator.reverseOrder());
            Map<CaseHistory.Plan, List<CaseEvent>> visitsByPlan = new LinkedHashMap<>();
            for (CaseEvent visit : c.visits()) {
                plans.stream()
                        .filter(plan -> plan.contains(visit.getOccurredOn()))
                        .max(owner)
                        .ifPresent(plan -> visitsByPlan.computeIfAbsent(plan, key -> new ArrayList<>()).add(visit));
            }
            visitsByPlan.forEach((plan, visits) -> {
                LocalDate previous = plan.startDate();
                for (CaseEvent visit : visits) {
                    facts.add(Fact.of(visit, wd.between(previous, visit.getOccurredOn()) <= interval));
                    previous = visit.getOccurredOn();
                }
            });
        }
        return facts;
    }

    private List<Fact> repeatCpPlan(List<CaseHistory> cases, Lookback lookback) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            for (CaseHistory.Plan plan : c.countableCpPlans()) {
                boolean repeat = false;
                for (CaseHistory other : allCases) {
                    if (!other.childId().equals(c.childId())) {
                        continue;
                    }
                    for (CaseHistory.Plan earlier : other.countableCpPlans()) {
                        if (earlier.startDate().isBefore(plan.startDate())
                                && withinLookback(lookback, earlier.startDate(), plan.startDate())) {
                            repeat = true;
                        }
                    }
                }
                facts.add(Fact.of(plan.start(), repeat));
            }
        }
        return facts;
    }

    private List<Fact> cpPlanDurationAtEnd(List<CaseHistory> cases, java.time.Period minimum) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            for (CaseHistory.Plan plan : c.countableCpPlans()) {
                if (plan.end() != null) {
                    LocalDate end = plan.end().getOccurredOn();
                    facts.add(Fact.of(plan.end(), !end.isBefore(plan.startDate().plus(minimum))));
                }
            }
        }
        return facts;
    }

    /** A strategy discussion dated from the assessment's start (or completion, without one) to its completion. */
    private static boolean wentToStrategy(CaseHistory c, CaseHistory.Assessment a) {
        LocalDate end = a.completion().getOccurredOn();
        LocalDate begin = a.start() == null ? end : a.start().getOccurredOn();
        return c.occurrences(org.casepulse.indicators.Element.of(org.casepulse.indicators.Element.Name.STRATEGY_DISCUSSION))
                .stream().anyMatch(s -> !s.date().isBefore(begin) && !s.date().isAfter(end));
    }

    private static boolean typed(MeasureParameters p, CaseHistory.Assessment a) {
        return p.assessmentTypes() == null || p.assessmentTypes().contains(a.type());
    }

    private List<Fact> eventRate(List<CaseHistory> cases, IndicatorDefinition indicator) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            for (CaseHistory.Occurrence o : c.occurrences(indicator.parameters().element())) {
                if (Filters.keepsOn(indicator.filter(), c, o.date())) {
                    facts.add(Fact.counted(o.dated()));
                }
            }
        }
        return facts;
    }

    private List<Fact> eventShare(List<CaseHistory> cases, IndicatorDefinition indicator) {
        org.casepulse.indicators.Condition condition = indicator.parameters().condition();
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            for (CaseHistory.Occurrence o : c.occurrences(indicator.parameters().element())) {
                if (!Filters.keepsOn(indicator.filter(), c, o.date())) {
                    continue;
                }
                CaseEvent e = o.decided();
                boolean holds;
                if (condition.childSeen() != null) {
                    holds = Boolean.TRUE.equals(e.getChildSeen());
                } else if (condition.childParticipated() != null) {
                    holds = Boolean.TRUE.equals(e.getChildParticipated());
                } else if (condition.conferenceOutcome() != null) {
                    holds = condition.conferenceOutcome().equals(e.getConferenceOutcome());
                } else if (condition.caseHas() != null) {
                    holds = !c.occurrences(condition.caseHas()).isEmpty();
                } else if (condition.agreements() != null) {
                    holds = e.getAgreement() != null && condition.agreements().contains(e.getAgreement());
                } else if (condition.referredForReport() != null) {
                    holds = e.getReferredForReport() != null && e.getReferredForReport() == condition.referredForReport();
                } else if (condition.auditGrades() != null) {
                    holds = e.getAuditGrade() != null && condition.auditGrades().contains(e.getAuditGrade());
                } else if (condition.satisfied() != null) {
                    holds = Boolean.TRUE.equals(e.getSatisfied());
                } else if (condition.planEndReasons() != null) {
                    holds = e.getPlanEndReason() != null && condition.planEndReasons().contains(e.getPlanEndReason());
                } else {
                    holds = e.getClosureReason() != null && condition.closureReasons().contains(e.getClosureReason());
                }
                facts.add(Fact.of(o.dated(), holds));
            }
        }
        return facts;
    }

    /**
     * COUNTING.md 7: the latest from dated on or before the to; at equal dates the later in event
     * order. COUNTING.md 13: a report's elements pair only within the report, an audit's within the audit.
     */
    private static CaseHistory.Occurrence pairedFrom(CaseHistory.Occurrence to, List<CaseHistory.Occurrence> froms) {
        return froms.stream().filter(f -> !f.date().isAfter(to.date()))
                .filter(f -> samePairing(f.dated(), to.dated()))
                .max(Comparator.comparing(CaseHistory.Occurrence::dated, EffectiveEvents.ORDER)).orElse(null);
    }

    private List<Fact> intervalTimeliness(List<CaseHistory> cases, IndicatorDefinition indicator) {
        MeasureParameters p = indicator.parameters();
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            List<CaseHistory.Occurrence> froms = c.occurrences(p.from());
            for (CaseHistory.Occurrence to : c.occurrences(p.to())) {
                CaseHistory.Occurrence from = pairedFrom(to, froms);
                if (from == null || !Filters.keepsOn(indicator.filter(), c, to.date())) {
                    continue;
                }
                boolean timely;
                if (p.withinWorkingDays() != null) {
                    timely = wd.between(from.date(), to.date()) <= p.withinWorkingDays();
                } else if (p.within() != null) {
                    timely = !to.date().isAfter(from.date().plus(p.within()));
                } else {
                    timely = to.date().isBefore(from.date().plus(p.lessThan()));
                }
                facts.add(Fact.of(to.dated(), timely));
            }
        }
        return facts;
    }

    private static boolean samePairing(CaseEvent a, CaseEvent b) {
        String keyA = pairing(a);
        String keyB = pairing(b);
        return keyA == null || keyB == null || keyA.equals(keyB);
    }

    private static String pairing(CaseEvent e) {
        return switch (e.getType()) {
            case REPORT_ORDERED, REPORT_FILED -> "r/" + e.getReportId();
            case AUDIT_ASSIGNED, AUDIT_COMPLETED -> "a/" + e.getAuditId();
            default -> null;
        };
    }

    private List<Fact> followedBy(List<CaseHistory> cases, IndicatorDefinition indicator) {
        MeasureParameters p = indicator.parameters();
        int lag = p.lagMonths() == null ? 0 : p.lagMonths();
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            List<CaseHistory.Occurrence> froms = c.occurrences(p.from());
            List<CaseHistory.Occurrence> tos = c.occurrences(p.to());
            for (CaseHistory.Occurrence from : froms) {
                if (!Filters.keepsOn(indicator.filter(), c, from.date())) {
                    continue;
                }
                // A cohort lagged L months: the fact is in the month L after the from's, a to counts by its end.
                LocalDate end = java.time.YearMonth.from(from.date()).plusMonths(lag).atEndOfMonth();
                boolean followed = tos.stream().anyMatch(to -> pairedFrom(to, froms) == from
                        && (lag == 0 || !to.date().isAfter(end)));
                Fact fact = Fact.of(from.dated(), followed);
                facts.add(lag == 0 ? fact : fact.movedTo(end.withDayOfMonth(1)));
            }
        }
        return facts;
    }

    /** COUNTING.md 13: each participant, in the referral's month plus lagMonths, at the referral's area. */
    private List<Fact> participantChecks(List<CaseHistory> cases, IndicatorDefinition indicator) {
        MeasureParameters p = indicator.parameters();
        int lag = p.lagMonths() == null ? 0 : p.lagMonths();
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            LocalDate received = c.referralDate();
            if (!Filters.keepsOn(indicator.filter(), c, received)) {
                continue;
            }
            LocalDate end = java.time.YearMonth.from(received).plusMonths(lag).atEndOfMonth();
            for (List<CaseEvent> checks : c.participants().values()) {
                boolean harm = checks.stream().anyMatch(e -> Boolean.TRUE.equals(e.getHarmIndicated()));
                if (Boolean.TRUE.equals(p.harmIndicated()) && !harm) {
                    continue;
                }
                boolean done = checks.stream().anyMatch(e -> e.getSafeguardingCheck() == p.check()
                        && !e.getOccurredOn().isBefore(received)
                        && (lag == 0 || !e.getOccurredOn().isAfter(end))
                        && (p.withinWorkingDays() == null
                                || wd.between(received, e.getOccurredOn()) <= p.withinWorkingDays()));
                facts.add(Fact.of(c.referral(), done).movedTo(end.withDayOfMonth(1)));
            }
        }
        return facts;
    }

    /** COUNTING.md 13: each paired to, numerator its calendar days from the from, denominator 1. */
    private List<Fact> intervalAverage(List<CaseHistory> cases, IndicatorDefinition indicator) {
        MeasureParameters p = indicator.parameters();
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            List<CaseHistory.Occurrence> froms = c.occurrences(p.from());
            for (CaseHistory.Occurrence to : c.occurrences(p.to())) {
                CaseHistory.Occurrence from = pairedFrom(to, froms);
                if (from != null && Filters.keepsOn(indicator.filter(), c, to.date())) {
                    facts.add(Fact.summing(to.dated(), java.time.temporal.ChronoUnit.DAYS.between(from.date(), to.date())));
                }
            }
        }
        return facts;
    }

    /** demand-change with an element: each occurrence counted in its own month and area. */
    private List<Fact> elementCounts(List<CaseHistory> cases, MeasureParameters p) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            c.occurrences(p.element()).forEach(o -> facts.add(Fact.counted(o.dated())));
        }
        return facts;
    }

    private List<Fact> referrals(List<CaseHistory> cases) {
        return cases.stream().map(c -> Fact.counted(c.referral())).toList();
    }

    /** {@code date - lookback <= earlier}; no lookback: any earlier date. */
    private static boolean withinLookback(Lookback lookback, LocalDate earlier, LocalDate date) {
        return lookback == null || !earlier.isBefore(lookback.earliest(date));
    }
}
