package org.casepulse.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.ClosureReason;
import org.casepulse.events.ConferenceOutcome;
import org.casepulse.events.ConferenceType;
import org.casepulse.events.PlacementType;
import org.casepulse.events.PlanEndReason;
import org.casepulse.events.PlanType;
import org.casepulse.events.ReviewType;

/**
 * A deliberately simple count of a clean event history (no faults), written from DOMAIN.md and
 * COUNTING.md sections 7-11 without the engine's code, to check what the simulation produces.
 * Figures cover the facts dated within a window, nationally ({@code "NATIONAL"}) and per lowest
 * area. The referral measures of v1 count statutory referrals: early-help cases are not referrals
 * to children's social care (the seeds count them apart, as CAFs).
 */
final class IndicatorTally {
    static final String NATIONAL = "NATIONAL";

    private final WorkingDayCalendar calendar;
    private final Map<String, CaseRecord> cases = new TreeMap<>();

    IndicatorTally(WorkingDayCalendar calendar, Iterable<CaseEvent> events) {
        this.calendar = calendar;
        for (CaseEvent event : events) {
            cases.computeIfAbsent(event.getCaseId(), id -> new CaseRecord()).add(event);
        }
    }

    /** A proportion: numerator over denominator. */
    record Ratio(long numerator, long denominator) {
        double value() {
            return denominator == 0 ? Double.NaN : (double) numerator / denominator;
        }
    }

    Map<String, Ratio> reReferrals(LocalDate from, LocalDate to) {
        return reReferrals(statutory(), from, to);
    }

    /** Re-referrals over every referral, early help included: what today's catalogue counts. */
    Map<String, Ratio> reReferralsOfEveryCase(LocalDate from, LocalDate to) {
        return reReferrals(List.copyOf(cases.values()), from, to);
    }

    /** A referral counts when the child had another referral, of any case type, in the 12 months before. */
    private Map<String, Ratio> reReferrals(List<CaseRecord> counted, LocalDate from, LocalDate to) {
        Map<String, List<LocalDate>> byChild = new HashMap<>();
        cases.values().forEach(c -> byChild.computeIfAbsent(c.referral.getChildId(), k -> new ArrayList<>())
                .add(c.referral.getOccurredOn()));
        Counter counter = new Counter();
        for (CaseRecord c : counted) {
            LocalDate date = c.referral.getOccurredOn();
            if (within(date, from, to)) {
                boolean again = byChild.get(c.referral.getChildId()).stream()
                        .anyMatch(e -> !e.isBefore(date.minusMonths(12)) && e.isBefore(date));
                counter.count(c.referral.getAreaCode(), again);
            }
        }
        return counter.ratios;
    }

    /** Statutory referrals followed by the start of a single (or initial) assessment. */
    Map<String, Ratio> referralToAssessment(LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : statutory()) {
            LocalDate date = c.referral.getOccurredOn();
            if (within(date, from, to)) {
                counter.count(c.referral.getAreaCode(), c.assessmentStarts.stream()
                        .anyMatch(s -> (typeOf(s) == AssessmentType.SINGLE || typeOf(s) == AssessmentType.INITIAL)
                                && !s.getOccurredOn().isBefore(date)));
            }
        }
        return counter.ratios;
    }

    /** Assessments of the type completed within the window, within the working days of the referral. */
    Map<String, Ratio> assessmentsWithin(int workingDays, AssessmentType type, LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (CaseEvent completion : c.completions) {
                if (typeOf(completion) == type && within(completion.getOccurredOn(), from, to)) {
                    counter.count(completion.getAreaCode(),
                            wd(c.referral.getOccurredOn(), completion.getOccurredOn()) <= workingDays);
                }
            }
        }
        return counter.ratios;
    }

    Map<String, Ratio> childrenSeen(AssessmentType type, LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (CaseEvent completion : c.completions) {
                if (typeOf(completion) == type && within(completion.getOccurredOn(), from, to)) {
                    counter.count(completion.getAreaCode(), completion.getChildSeen());
                }
            }
        }
        return counter.ratios;
    }

    Map<String, Ratio> allocationsWithin(int workingDays, LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            if (!c.allocations.isEmpty()) {
                CaseEvent first = c.allocations.get(0);
                if (within(first.getOccurredOn(), from, to)) {
                    counter.count(first.getAreaCode(), wd(c.referral.getOccurredOn(), first.getOccurredOn()) <= workingDays);
                }
            }
        }
        return counter.ratios;
    }

    /** Visits inside a CP plan within {@code interval} working days of the previous one (or the plan start). */
    Map<String, Ratio> cpVisitsInTimescale(int interval, LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (Plan plan : c.plans.values()) {
                if (plan.type != PlanType.CP || plan.start == null) {
                    continue;
                }
                LocalDate previous = plan.start;
                for (CaseEvent visit : c.visits) {
                    LocalDate date = visit.getOccurredOn();
                    if (date.isBefore(plan.start) || (plan.end != null && date.isAfter(plan.end))) {
                        continue;
                    }
                    if (within(date, from, to)) {
                        counter.count(visit.getAreaCode(), wd(previous, date) <= interval);
                    }
                    previous = date;
                }
            }
        }
        return counter.ratios;
    }

    Map<String, Ratio> repeatCpPlans(LocalDate from, LocalDate to) {
        Map<String, List<LocalDate>> starts = new HashMap<>();
        for (CaseRecord c : cases.values()) {
            for (Plan plan : c.plans.values()) {
                if (plan.type == PlanType.CP && plan.start != null) {
                    starts.computeIfAbsent(c.referral.getChildId(), k -> new ArrayList<>()).add(plan.start);
                }
            }
        }
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (Plan plan : c.plans.values()) {
                if (plan.type == PlanType.CP && plan.start != null && within(plan.start, from, to)) {
                    boolean repeat = starts.get(c.referral.getChildId()).stream().anyMatch(s -> s.isBefore(plan.start));
                    counter.count(plan.startArea, repeat);
                }
            }
        }
        return counter.ratios;
    }

    /** Open allocated cases over distinct workers holding them, at the end of {@code date}, by the case's area then. */
    Map<String, Ratio> averageCaseload(LocalDate date) {
        Map<String, Long> casesByArea = new TreeMap<>();
        Map<String, Set<String>> workersByArea = new TreeMap<>();
        for (CaseRecord c : cases.values()) {
            if (!c.openAt(date)) {
                continue;
            }
            CaseEvent allocation = c.allocations.stream().filter(a -> !a.getOccurredOn().isAfter(date))
                    .reduce((a, b) -> b).orElse(null);
            if (allocation == null) {
                continue;
            }
            for (String area : List.of(c.areaAt(date), NATIONAL)) {
                casesByArea.merge(area, 1L, Long::sum);
                workersByArea.computeIfAbsent(area, a -> new HashSet<>()).add(allocation.getWorkerId());
            }
        }
        Map<String, Ratio> ratios = new TreeMap<>();
        casesByArea.forEach((area, count) -> ratios.put(area, new Ratio(count, workersByArea.get(area).size())));
        return ratios;
    }

    /** Open cases with an allocation over open cases, at the end of {@code date}. */
    Map<String, Ratio> workloadAllocated(LocalDate date) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            if (c.openAt(date)) {
                counter.count(c.areaAt(date), c.allocations.stream().anyMatch(a -> !a.getOccurredOn().isAfter(date)));
            }
        }
        return counter.ratios;
    }

    // ---- Contract v2 rows (COUNTING.md section 11) ----------------------------------------------

    /** CP10: section 47 enquiries started in the window that an initial conference pairs with. */
    Map<String, Ratio> enquiriesToInitialConference(LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            List<CaseEvent> enquiries = c.starts(AssessmentType.S47_ENQUIRY);
            for (CaseEvent enquiry : enquiries) {
                if (within(enquiry.getOccurredOn(), from, to)) {
                    boolean paired = c.initialConferences().stream()
                            .anyMatch(conference -> latestOnOrBefore(enquiries, conference) == enquiry);
                    counter.count(enquiry.getAreaCode(), paired);
                }
            }
        }
        return counter.ratios;
    }

    /** CP13: initial conferences in the window held within 15 working days of the latest enquiry start before them. */
    Map<String, Ratio> initialConferencesWithin15(LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            List<CaseEvent> enquiries = c.starts(AssessmentType.S47_ENQUIRY);
            for (CaseEvent conference : c.initialConferences()) {
                CaseEvent enquiry = latestOnOrBefore(enquiries, conference);
                if (enquiry != null && within(conference.getOccurredOn(), from, to)) {
                    counter.count(conference.getAreaCode(), wd(enquiry.getOccurredOn(), conference.getOccurredOn()) <= 15);
                }
            }
        }
        return counter.ratios;
    }

    /** CP14: initial conferences in the window that decided on a plan. */
    Map<String, Ratio> initialConferencesToPlan(LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (CaseEvent conference : c.initialConferences()) {
                if (within(conference.getOccurredOn(), from, to)) {
                    counter.count(conference.getAreaCode(), conference.getConferenceOutcome() == ConferenceOutcome.PLAN);
                }
            }
        }
        return counter.ratios;
    }

    /**
     * LA3: children in care at the end of {@code date} (a CLA plan active in an open case) whose
     * case had 3 or more placements in the 12 months to it.
     */
    Map<String, Ratio> threeOrMorePlacements(LocalDate date) {
        LocalDate windowStart = date.minusMonths(12);
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            if (c.openAt(date) && c.inCareAt(date)) {
                long placements = c.placements.values().stream()
                        .filter(p -> p.start != null && !p.start.isAfter(date)
                                && (p.start.isAfter(windowStart) || p.end == null || p.end.isAfter(windowStart)))
                        .count();
                counter.count(c.areaAt(date), placements >= 3);
            }
        }
        return counter.ratios;
    }

    /** LA5: children in care at the end of {@code date} whose placement then is foster care. */
    Map<String, Ratio> fostered(LocalDate date) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            if (c.openAt(date) && c.inCareAt(date)) {
                PlacementType type = c.placementAt(date);
                counter.count(c.areaAt(date), type == PlacementType.FOSTER_CARE || type == PlacementType.FOSTER_CARE_CONNECTED);
            }
        }
        return counter.ratios;
    }

    /** LA14, LA15: CLA plans ended in the window with the reason, over all CLA plans ended in it. */
    Map<String, Ratio> leftCare(PlanEndReason reason, LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (Plan plan : c.plans.values()) {
                if (plan.type == PlanType.CLA && plan.start != null && plan.end != null && within(plan.end, from, to)) {
                    counter.count(plan.endArea, plan.endReason == reason);
                }
            }
        }
        return counter.ratios;
    }

    /** LA8: CLA reviews in the window in which the child participated. */
    Map<String, Ratio> careReviewParticipation(LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (CaseEvent review : c.reviews) {
                if (review.getReviewType() == ReviewType.CLA_REVIEW && within(review.getOccurredOn(), from, to)) {
                    counter.count(review.getAreaCode(), Boolean.TRUE.equals(review.getChildParticipated()));
                }
            }
        }
        return counter.ratios;
    }

    /** RF12: closures of early-help cases in the window with outcomes achieved or stepped down to universal services. */
    Map<String, Ratio> earlyHelpClosedWithOutcomes(LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            if ("EARLY_HELP".equals(c.referral.getCaseType()) && c.closure != null
                    && within(c.closure.getOccurredOn(), from, to)) {
                ClosureReason reason = c.closure.getClosureReason();
                counter.count(c.closure.getAreaCode(),
                        reason == ClosureReason.OUTCOMES_ACHIEVED || reason == ClosureReason.STEPPED_DOWN_TO_UNIVERSAL);
            }
        }
        return counter.ratios;
    }

    /** Open cases at the end of {@code date} with an active plan of the type, by the case's area then. */
    Map<String, Long> casesWithActivePlan(PlanType type, LocalDate date) {
        Map<String, Long> counts = new TreeMap<>();
        for (CaseRecord c : cases.values()) {
            if (c.openAt(date) && c.plans.values().stream().anyMatch(p -> p.type == type && p.activeAt(date))) {
                for (String area : List.of(c.areaAt(date), NATIONAL)) {
                    counts.merge(area, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** Referrals (of the case types, null for statutory ones) dated in the window. */
    long referrals(String caseType, LocalDate from, LocalDate to) {
        return cases.values().stream()
                .filter(c -> caseType == null ? !"EARLY_HELP".equals(c.referral.getCaseType())
                        : caseType.equals(c.referral.getCaseType()))
                .filter(c -> within(c.referral.getOccurredOn(), from, to))
                .count();
    }

    private List<CaseRecord> statutory() {
        return cases.values().stream().filter(c -> !"EARLY_HELP".equals(c.referral.getCaseType())).toList();
    }

    private static AssessmentType typeOf(CaseEvent assessmentEvent) {
        return assessmentEvent.getAssessmentType() == null ? AssessmentType.SINGLE : assessmentEvent.getAssessmentType();
    }

    /** The latest of {@code elements} dated on or before {@code event} (COUNTING.md 7, pairing). */
    private static CaseEvent latestOnOrBefore(List<CaseEvent> elements, CaseEvent event) {
        CaseEvent latest = null;
        for (CaseEvent element : elements) {
            if (!element.getOccurredOn().isAfter(event.getOccurredOn())
                    && (latest == null || !element.getOccurredOn().isBefore(latest.getOccurredOn()))) {
                latest = element;
            }
        }
        return latest;
    }

    private int wd(LocalDate a, LocalDate b) {
        return calendar.workingDaysBetween(a, b);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Counts facts by area and nationally. */
    private static final class Counter {
        final Map<String, Ratio> ratios = new TreeMap<>();

        void count(String area, boolean numerator) {
            for (String key : List.of(area, NATIONAL)) {
                ratios.merge(key, new Ratio(numerator ? 1 : 0, 1),
                        (a, b) -> new Ratio(a.numerator + b.numerator, a.denominator + b.denominator));
            }
        }
    }

    private static final class Plan {
        PlanType type;
        LocalDate start;
        String startArea;
        LocalDate end;
        String endArea;
        PlanEndReason endReason;

        boolean activeAt(LocalDate date) {
            return start != null && !start.isAfter(date) && (end == null || end.isAfter(date));
        }
    }

    private static final class Placement {
        LocalDate start;
        PlacementType type;
        LocalDate end;
    }

    private static final class CaseRecord {
        CaseEvent referral;
        final List<CaseEvent> all = new ArrayList<>();
        final List<CaseEvent> allocations = new ArrayList<>();
        final List<CaseEvent> assessmentStarts = new ArrayList<>();
        final List<CaseEvent> completions = new ArrayList<>();
        final List<CaseEvent> visits = new ArrayList<>();
        final Map<String, Plan> plans = new TreeMap<>();
        final Map<String, Placement> placements = new TreeMap<>();
        final Map<String, CaseEvent> conferences = new TreeMap<>();
        final List<CaseEvent> reviews = new ArrayList<>();
        CaseEvent closure;
        LocalDate closed;

        void add(CaseEvent event) {
            all.add(event);
            switch (event.getType()) {
                case REFERRAL_RECEIVED -> referral = event;
                case ALLOCATION_MADE -> {
                    allocations.add(event);
                    allocations.sort(Comparator.comparing(CaseEvent::getOccurredOn));
                }
                case ASSESSMENT_STARTED -> assessmentStarts.add(event);
                case ASSESSMENT_COMPLETED -> completions.add(event);
                case VISIT_RECORDED -> {
                    visits.add(event);
                    visits.sort(Comparator.comparing(CaseEvent::getOccurredOn));
                }
                case PLAN_STARTED -> {
                    Plan plan = plans.computeIfAbsent(event.getPlanId(), id -> new Plan());
                    plan.type = event.getPlanType();
                    plan.start = event.getOccurredOn();
                    plan.startArea = event.getAreaCode();
                }
                case PLAN_ENDED -> {
                    Plan plan = plans.computeIfAbsent(event.getPlanId(), id -> new Plan());
                    plan.end = event.getOccurredOn();
                    plan.endArea = event.getAreaCode();
                    plan.endReason = event.getPlanEndReason();
                }
                case PLACEMENT_STARTED -> {
                    Placement placement = placements.computeIfAbsent(event.getPlacementId(), id -> new Placement());
                    placement.start = event.getOccurredOn();
                    placement.type = event.getPlacementType();
                }
                case PLACEMENT_ENDED -> placements.computeIfAbsent(event.getPlacementId(), id -> new Placement()).end =
                        event.getOccurredOn();
                // Events of one conference id are one conference: the earliest dates it, the latest decides.
                case CONFERENCE_HELD -> conferences.merge(event.getConferenceId(), event, (first, later) -> first);
                case REVIEW_HELD -> reviews.add(event);
                case CASE_CLOSED -> {
                    closure = event;
                    closed = event.getOccurredOn();
                }
                case EVENT_RETRACTED -> throw new IllegalArgumentException("the tally counts clean histories only");
            }
        }

        List<CaseEvent> starts(AssessmentType type) {
            return assessmentStarts.stream().filter(start -> typeOf(start) == type).toList();
        }

        List<CaseEvent> initialConferences() {
            return conferences.values().stream().filter(c -> c.getConferenceType() == ConferenceType.INITIAL).toList();
        }

        boolean inCareAt(LocalDate date) {
            return plans.values().stream().anyMatch(p -> p.type == PlanType.CLA && p.activeAt(date));
        }

        /** The type of the placement in force at the end of {@code date} with the latest start, or null. */
        PlacementType placementAt(LocalDate date) {
            return placements.values().stream()
                    .filter(p -> p.start != null && !p.start.isAfter(date) && (p.end == null || p.end.isAfter(date)))
                    .max(Comparator.comparing(p -> p.start))
                    .map(p -> p.type).orElse(null);
        }

        boolean openAt(LocalDate date) {
            return referral != null && !referral.getOccurredOn().isAfter(date) && (closed == null || closed.isAfter(date));
        }

        String areaAt(LocalDate date) {
            return all.stream().filter(e -> !e.getOccurredOn().isAfter(date))
                    .max(Comparator.comparing(CaseEvent::getOccurredOn).thenComparing(CaseEvent::getRecordedAt))
                    .orElseThrow().getAreaCode();
        }
    }
}
