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
        List<CaseHistory> counted = allCases.stream().filter(c -> c.matches(indicator.caseType())).toList();
        MeasureParameters p = indicator.parameters();
        return switch (indicator.measure()) {
            case ALLOCATION_TIMELINESS -> allocationTimeliness(counted, p.withinWorkingDays());
            case RE_REFERRAL -> reReferral(counted, p.lookback());
            case REFERRAL_TO_ASSESSMENT -> referralToAssessment(counted);
            case ASSESSMENT_TIMELINESS -> assessmentTimeliness(counted, p.withinWorkingDays(), p.anchor());
            case CHILDREN_SEEN_AT_ASSESSMENT -> childrenSeen(counted);
            case CP_VISIT_TIMELINESS -> cpVisitTimeliness(counted, p.intervalWorkingDays());
            case REPEAT_CP_PLAN -> repeatCpPlan(counted, p.lookback());
            case CP_PLAN_DURATION_AT_END -> cpPlanDurationAtEnd(counted, p.minimumDuration());
            case REFERRAL_RATE, DEMAND_CHANGE -> referrals(counted);
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

    private List<Fact> referralToAssessment(List<CaseHistory> cases) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            boolean assessed = false;
            for (CaseHistory.Assessment a : c.assessments()) {
                if (a.start() != null && !a.start().getOccurredOn().isBefore(c.referralDate())) {
                    assessed = true;
                }
            }
            facts.add(Fact.of(c.referral(), assessed));
        }
        return facts;
    }

    private List<Fact> assessmentTimeliness(List<CaseHistory> cases, int within, AssessmentAnchor anchor) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            for (CaseHistory.Assessment a : c.assessments()) {
                if (a.completion() == null) {
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

    private List<Fact> childrenSeen(List<CaseHistory> cases) {
        List<Fact> facts = new ArrayList<>();
        for (CaseHistory c : cases) {
            for (CaseHistory.Assessment a : c.assessments()) {
                if (a.completion() != null) {
                    facts.add(Fact.of(a.completion(), Boolean.TRUE.equals(a.completion().getChildSeen())));
                }
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

    private List<Fact> referrals(List<CaseHistory> cases) {
        return cases.stream().map(c -> Fact.counted(c.referral())).toList();
    }

    /** {@code date - lookback <= earlier}; no lookback: any earlier date. */
    private static boolean withinLookback(Lookback lookback, LocalDate earlier, LocalDate date) {
        return lookback == null || !earlier.isBefore(lookback.earliest(date));
    }
}
