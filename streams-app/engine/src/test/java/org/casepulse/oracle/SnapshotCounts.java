package org.casepulse.oracle;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;

/**
 * The counts of a snapshot measure at a date T for one area (COUNTING.md section 3): every case
 * is examined afresh and kept when it is open at T and its area at T rolls up into the area.
 */
final class SnapshotCounts {
    private final List<CaseHistory> allCases;
    private final WorkingDays wd;
    private final AreaRollup rollup;

    SnapshotCounts(List<CaseHistory> allCases, WorkingDays wd, AreaRollup rollup) {
        this.allCases = allCases;
        this.wd = wd;
        this.rollup = rollup;
    }

    Counts at(IndicatorDefinition indicator, LocalDate t, String areaCode) {
        if (countsChildren(indicator)) {
            return children(indicator, t, areaCode);
        }
        List<CaseHistory> open = allCases.stream()
                .filter(c -> Filters.keepsCase(indicator.filter(), c))
                .filter(c -> !c.closedBeforeReferral() && c.openAt(t))
                .filter(c -> rollup.rollsUpTo(c.areaAt(t), areaCode))
                .toList();
        MeasureParameters p = indicator.parameters();
        return switch (indicator.measure()) {
            case WORKLOAD_ALLOCATED -> new Counts(count(open, c -> c.workerAt(t).isPresent()), open.size());
            case UNALLOCATED_CASES -> new Counts(
                    count(open, c -> c.workerAt(t).isEmpty() && wd.between(c.referralDate(), t) > p.overWorkingDays()),
                    open.size());
            case ASSESSMENTS_OPEN_OVER -> assessmentsOpenOver(open, t, p);
            case VISIT_TIMELINESS -> privateFosteringVisits(open, t, p);
            case OPEN_CASES -> new Counts(count(open, c -> p.allocation() == MeasureParameters.Allocation.ANY
                    || (p.allocation() == MeasureParameters.Allocation.ALLOCATED) == c.workerAt(t).isPresent()),
                    open.size());
            case AVERAGE_CASELOAD -> averageCaseload(open, t);
            case CASELOAD_PER_FTE -> new Counts(count(open, c -> c.workerAt(t).isPresent()
                    && (p.posts().teamTypes() == null || p.posts().teamTypes().contains(teamTypeAt(c, t)))), 0);
            case PLANS_VISITED_IN_MONTH -> plansVisitedInMonth(open, t, p);
            default -> throw new IllegalArgumentException(indicator.id() + " is not a snapshot measure");
        };
    }

    /**
     * COUNTING.md 14.9: the occurrences of the element (audit completions, the earliest of each
     * audit) dated a with T - W < a <= T, at the completion's area, in the cases the filter keeps.
     */
    long auditsInWindow(IndicatorDefinition indicator, LocalDate t, String areaCode) {
        LocalDate windowStart = t.minus(indicator.parameters().within()); // exclusive
        long audits = 0;
        for (CaseHistory c : allCases) {
            if (!Filters.keepsCase(indicator.filter(), c)) {
                continue;
            }
            for (CaseHistory.Occurrence o : c.occurrences(indicator.parameters().element())) {
                LocalDate a = o.date();
                if (!a.isAfter(t) && windowStart.isBefore(a) && Filters.keepsOn(indicator.filter(), c, a)
                        && rollup.rollsUpTo(o.dated().getAreaCode(), areaCode)) {
                    audits++;
                }
            }
        }
        return audits;
    }

    /**
     * COUNTING.md 14.8: the team that holds the case at T by its stage, the first that applies:
     * in care (a CLA plan active at T), on a CP or CIN plan active at T, assessed (an assessment
     * started by T), else the front door.
     */
    private static org.casepulse.workforce.TeamType teamTypeAt(CaseHistory c, LocalDate t) {
        List<CaseHistory.Plan> active = c.countablePlans().stream().filter(plan -> plan.activeAt(t)).toList();
        if (active.stream().anyMatch(plan -> plan.type() == org.casepulse.events.PlanType.CLA)) {
            return org.casepulse.workforce.TeamType.CHILDREN_IN_CARE;
        }
        if (!active.isEmpty()) {
            return org.casepulse.workforce.TeamType.SAFEGUARDING; // CP and CIN are the only other types
        }
        boolean assessed = c.assessments().stream()
                .anyMatch(a -> a.start() != null && !a.start().getOccurredOn().isAfter(t));
        return assessed ? org.casepulse.workforce.TeamType.ASSESSMENT : org.casepulse.workforce.TeamType.FRONT_DOOR;
    }

    /** COUNTING.md 8.4: open assessments of the types; the numerator over the limit from the anchor, in cases allocated as asked. */
    private Counts assessmentsOpenOver(List<CaseHistory> open, LocalDate t, MeasureParameters p) {
        long openAssessments = 0;
        long overdue = 0;
        for (CaseHistory c : open) {
            boolean allocated = c.workerAt(t).isPresent();
            boolean allocationAsAsked = p.caseAllocation() == MeasureParameters.Allocation.ANY
                    || (p.caseAllocation() == MeasureParameters.Allocation.ALLOCATED) == allocated;
            for (CaseHistory.Assessment a : c.assessments()) {
                boolean started = a.start() != null && !a.start().getOccurredOn().isAfter(t);
                boolean completed = a.completion() != null && !a.completion().getOccurredOn().isAfter(t);
                boolean typed = p.assessmentTypes() == null || p.assessmentTypes().contains(a.type());
                if (started && !completed && typed) {
                    openAssessments++;
                    LocalDate from = p.anchor() == org.casepulse.indicators.AssessmentAnchor.ASSESSMENT_START
                            ? a.start().getOccurredOn() : c.referralDate();
                    if (wd.between(from, t) > p.overWorkingDays() && allocationAsAsked) {
                        overdue++;
                    }
                }
            }
        }
        return new Counts(overdue, openAssessments);
    }

    /** A case counts as overdue when any of its active CP plans has gone too long without a visit. */
    private Counts cpVisitOverdue(List<CaseHistory> open, LocalDate t, int interval) {
        long onPlan = 0;
        long overdue = 0;
        for (CaseHistory c : open) {
            List<CaseHistory.Plan> active = c.countableCpPlans().stream().filter(plan -> plan.activeAt(t)).toList();
            if (active.isEmpty()) {
                continue;
            }
            onPlan++;
            boolean anyOverdue = false;
            for (CaseHistory.Plan plan : active) {
                if (wd.between(lastVisit(c, plan, t), t) > interval) {
                    anyOverdue = true;
                }
            }
            if (anyOverdue) {
                overdue++;
            }
        }
        return new Counts(overdue, onPlan);
    }

    /** The latest visit of the case dated in [plan start, T], or the plan's start. */
    private static LocalDate lastVisit(CaseHistory c, CaseHistory.Plan plan, LocalDate t) {
        LocalDate last = plan.startDate();
        for (var visit : c.visits()) {
            LocalDate date = visit.getOccurredOn();
            if (!date.isBefore(plan.startDate()) && !date.isAfter(t) && date.isAfter(last)) {
                last = date;
            }
        }
        return last;
    }

    /**
     * COUNTING.md 9, read at T (a month's last day, or today): plans of the type started on or
     * before the 1st of T's month and not ended on or before T, in cases open at T; the numerator
     * those with a visit of type absent, STATUTORY or CP inside the plan, dated from the 1st to T.
     */
    private static Counts plansVisitedInMonth(List<CaseHistory> open, LocalDate t, MeasureParameters p) {
        LocalDate first = t.withDayOfMonth(1);
        long due = 0;
        long visited = 0;
        for (CaseHistory c : open) {
            for (CaseHistory.Plan plan : c.countablePlans()) {
                if (plan.type() != p.planType() || plan.startDate().isAfter(first) || !plan.activeAt(t)) {
                    continue;
                }
                due++;
                boolean seen = false;
                for (CaseEvent visit : c.visits()) {
                    org.casepulse.events.VisitType type = visit.getVisitType();
                    boolean forPlans = type == null || type == org.casepulse.events.VisitType.STATUTORY
                            || type == org.casepulse.events.VisitType.CP;
                    LocalDate date = visit.getOccurredOn();
                    seen |= forPlans && !date.isBefore(first) && !date.isAfter(t) && plan.contains(date);
                }
                if (seen) {
                    visited++;
                }
            }
        }
        return new Counts(visited, due);
    }

    /** Workers are counted distinctly within the area, whatever lowest areas their cases sit in. */
    private static Counts averageCaseload(List<CaseHistory> open, LocalDate t) {
        long allocated = 0;
        Set<String> workers = new HashSet<>();
        for (CaseHistory c : open) {
            if (c.workerAt(t).isPresent()) {
                allocated++;
                workers.add(c.workerAt(t).get());
            }
        }
        return new Counts(allocated, workers.size());
    }

    private static boolean countsChildren(IndicatorDefinition indicator) {
        return indicator.measure() == org.casepulse.indicators.MeasureKind.ACTIVE_PLANS
                || indicator.measure() == org.casepulse.indicators.MeasureKind.CP_VISIT_OVERDUE
                || indicator.measure() == org.casepulse.indicators.MeasureKind.ACTIVE_PLAN_DURATION
                || indicator.measure() == org.casepulse.indicators.MeasureKind.PLACEMENT_MOVES
                || indicator.measure() == org.casepulse.indicators.MeasureKind.PLACEMENT_STABILITY
                || indicator.measure() == org.casepulse.indicators.MeasureKind.CHILD_CHECK_CURRENT
                || indicator.measure() == org.casepulse.indicators.MeasureKind.REVIEWS_IN_TIMESCALE
                || (indicator.measure() == org.casepulse.indicators.MeasureKind.OPEN_CASES
                        && indicator.parameters().count() == MeasureParameters.Counted.CHILDREN);
    }

    /**
     * COUNTING.md 8.2: each child once, through the case that represents it at T (of its open cases
     * that pass the filters and qualify, the latest referral, then the greatest caseId), at that
     * case's area.
     */
    private Counts children(IndicatorDefinition indicator, LocalDate t, String areaCode) {
        java.util.Map<String, CaseHistory> representative = new java.util.HashMap<>();
        java.util.Map<String, Boolean> inNumerator = new java.util.HashMap<>();
        for (CaseHistory c : allCases) {
            if (!Filters.keepsCase(indicator.filter(), c) || c.closedBeforeReferral() || !c.openAt(t)
                    || !Filters.keepsOn(indicator.filter(), c, t)) {
                continue;
            }
            Boolean counted = childState(indicator, c, t);
            if (counted == null) {
                continue;
            }
            CaseHistory held = representative.get(c.childId());
            boolean later = held == null || c.referralDate().isAfter(held.referralDate())
                    || (c.referralDate().equals(held.referralDate()) && c.caseId().compareTo(held.caseId()) > 0);
            if (later) {
                representative.put(c.childId(), c);
                inNumerator.put(c.childId(), counted);
            }
        }
        long numerator = 0;
        long denominator = 0;
        for (var entry : representative.entrySet()) {
            if (rollup.rollsUpTo(entry.getValue().areaAt(t), areaCode)) {
                denominator++;
                numerator += inNumerator.get(entry.getKey()) ? 1 : 0;
            }
        }
        return new Counts(numerator, denominator);
    }

    /** Whether the case qualifies for the kind at T (null: it does not) and, if so, counts in the numerator. */
    private Boolean childState(IndicatorDefinition indicator, CaseHistory c, LocalDate t) {
        MeasureParameters p = indicator.parameters();
        if (indicator.measure() == org.casepulse.indicators.MeasureKind.CP_VISIT_OVERDUE) {
            // On an active CP plan: qualifies; overdue when any active CP plan went too long unvisited.
            return cpVisitOverdue(List.of(c), t, p.intervalWorkingDays()).denominator() == 0 ? null
                    : cpVisitOverdue(List.of(c), t, p.intervalWorkingDays()).numerator() == 1;
        }
        switch (indicator.measure()) {
            case ACTIVE_PLAN_DURATION -> {
                CaseHistory.Plan plan = firstActive(c, p.planType(), t);
                return plan == null ? null : !plan.startDate().isAfter(t.minus(p.minimumDuration()));
            }
            case PLACEMENT_MOVES -> {
                if (firstActive(c, org.casepulse.events.PlanType.CLA, t) == null) {
                    return null;
                }
                LocalDate from = t.minus(p.window());
                long placements = c.placements().stream().filter(pl -> {
                    LocalDate start = pl.start().getOccurredOn();
                    return (start.isAfter(from) && !start.isAfter(t))
                            || (!start.isAfter(from) && (pl.end() == null || pl.end().getOccurredOn().isAfter(from)));
                }).count();
                return placements >= p.minimumPlacements();
            }
            case PLACEMENT_STABILITY -> {
                CaseHistory.Plan plan = firstActive(c, org.casepulse.events.PlanType.CLA, t);
                if (plan == null || plan.startDate().isAfter(t.minus(p.minimumInCare()))) {
                    return null;
                }
                var placed = c.placementStartAt(t);
                if (placed == null) {
                    return false;
                }
                LocalDate needed = t.minus(p.minimumInPlacement());
                if (!placed.getOccurredOn().isAfter(needed)) {
                    return true;
                }
                if (placed.getPlacementType() != org.casepulse.events.PlacementType.ADOPTION) {
                    return false;
                }
                // The placement before the adoption placement: the latest start before its start.
                return c.placements().stream().map(CaseHistory.Placement::start)
                        .filter(s -> s.getOccurredOn().isBefore(placed.getOccurredOn()))
                        .map(CaseEvent::getOccurredOn).max(LocalDate::compareTo)
                        .map(previous -> !previous.isAfter(needed)).orElse(false);
            }
            case REVIEWS_IN_TIMESCALE -> {
                CaseHistory.Plan plan = firstActive(c, p.planType(), t);
                if (plan == null || dueAfter(plan.startDate(), p.intervals(), 0).isAfter(t)) {
                    return null;
                }
                // CP: review conferences (each conference once, dated by its first sitting); CLA: CLA reviews.
                List<LocalDate> reviews = (p.planType() == org.casepulse.events.PlanType.CP
                        ? c.occurrences(new org.casepulse.indicators.Element(org.casepulse.indicators.Element.Name.CONFERENCE,
                                null, java.util.Set.of(org.casepulse.events.ConferenceType.REVIEW), null, null, null))
                        : c.occurrences(new org.casepulse.indicators.Element(org.casepulse.indicators.Element.Name.REVIEW,
                                null, null, java.util.Set.of(org.casepulse.events.ReviewType.CLA_REVIEW), null, null)))
                        .stream().map(CaseHistory.Occurrence::date)
                        .filter(d -> plan.contains(d) && !d.isAfter(t)).sorted().toList();
                LocalDate previous = plan.startDate();
                for (int k = 0; k < reviews.size(); k++) {
                    if (reviews.get(k).isAfter(dueAfter(previous, p.intervals(), k))) {
                        return false;
                    }
                    previous = reviews.get(k);
                }
                return !t.isAfter(dueAfter(previous, p.intervals(), reviews.size()));
            }
            case CHILD_CHECK_CURRENT -> {
                CaseHistory.Plan plan = firstActive(c, org.casepulse.events.PlanType.CLA, t);
                if (plan == null || (p.inCareAtLeast() != null && plan.startDate().isAfter(t.minus(p.inCareAtLeast())))) {
                    return null;
                }
                LocalDate born = c.latestValue(CaseEvent::getChildDateOfBirth);
                boolean under5 = born != null && !t.isBefore(born) && java.time.Period.between(born, t).getYears() < 5;
                LocalDate from = t.minus(p.withinUnder5() != null && under5 ? p.withinUnder5() : p.within());
                return c.events().stream().anyMatch(e -> e.getType() == org.casepulse.events.EventType.CHILD_CHECK_RECORDED
                        && e.getCheckType() == p.checkType() && e.getOccurredOn().isAfter(from) && !e.getOccurredOn().isAfter(t));
            }
            default -> { }
        }
        if (indicator.measure() == org.casepulse.indicators.MeasureKind.OPEN_CASES) {
            boolean allocated = c.workerAt(t).isPresent();
            return p.allocation() == MeasureParameters.Allocation.ANY
                    || (p.allocation() == MeasureParameters.Allocation.ALLOCATED) == allocated;
        }
        boolean onPlan = c.countablePlans().stream().anyMatch(plan -> plan.type() == p.planType() && plan.activeAt(t));
        if (!onPlan) {
            return null;
        }
        var placement = c.placementStartAt(t);
        if (p.placementTypes() != null && (placement == null || !p.placementTypes().contains(placement.getPlacementType()))) {
            return null;
        }
        MeasureParameters.Subset subset = p.subset();
        if (subset == null) {
            return true;
        }
        if (subset.ageBand() != null && !Filters.keepsOn(
                new org.casepulse.indicators.CaseFilter(null, java.util.Set.of(), subset.ageBand(), false, false), c, t)) {
            return false;
        }
        if (subset.onlyAsylumSeeking()
                && !Boolean.TRUE.equals(c.latestValue(org.casepulse.events.CaseEvent::getUnaccompaniedAsylumSeeking))) {
            return false;
        }
        if (subset.placementTypes() != null
                && (placement == null || !subset.placementTypes().contains(placement.getPlacementType()))) {
            return false;
        }
        return subset.maxDistanceMiles() == null || (placement != null && placement.getDistanceFromHomeMiles() != null
                && placement.getDistanceFromHomeMiles() <= subset.maxDistanceMiles());
    }

    /**
     * COUNTING.md 9, visit-timeliness with population current: the visits (absent, STATUTORY or
     * PRIVATE_FOSTERING type) dated up to T inside the arrangements active at T, each visit in the
     * arrangement with the latest start holding it (then the smallest id), of the chosen year.
     */
    private Counts privateFosteringVisits(List<CaseHistory> open, LocalDate t, MeasureParameters p) {
        long visits = 0;
        long timely = 0;
        for (CaseHistory c : open) {
            List<CaseHistory.Occurrence> starts = c.occurrences(org.casepulse.indicators.Element.of(
                    org.casepulse.indicators.Element.Name.ARRANGEMENT_START));
            List<CaseHistory.Occurrence> ends = c.occurrences(org.casepulse.indicators.Element.of(
                    org.casepulse.indicators.Element.Name.ARRANGEMENT_END));
            java.util.Map<String, LocalDate[]> spans = new java.util.TreeMap<>();
            starts.forEach(o -> spans.computeIfAbsent(o.dated().getArrangementId(), k -> new LocalDate[2])[0] = o.date());
            ends.forEach(o -> {
                LocalDate[] span = spans.get(o.dated().getArrangementId());
                if (span != null) {
                    span[1] = o.date();
                }
            });
            for (var arrangement : spans.entrySet()) {
                LocalDate start = arrangement.getValue()[0];
                LocalDate end = arrangement.getValue()[1];
                if (start.isAfter(t) || (end != null && !end.isAfter(t))) {
                    continue;
                }
                LocalDate previous = null;
                for (CaseEvent visit : c.visits()) {
                    LocalDate on = visit.getOccurredOn();
                    org.casepulse.events.VisitType type = visit.getVisitType();
                    boolean counts = type == null || type == org.casepulse.events.VisitType.STATUTORY
                            || type == org.casepulse.events.VisitType.PRIVATE_FOSTERING;
                    if (!counts || on.isAfter(t) || !arrangement.getKey().equals(holder(spans, on))) {
                        continue;
                    }
                    boolean inTime = previous == null && p.firstWithinWorkingDays() != null
                            ? wd.between(start, on) <= p.firstWithinWorkingDays()
                            : !on.isAfter((previous == null ? start : previous).plus(p.interval()));
                    boolean firstYear = on.isBefore(start.plusYears(1));
                    if (firstYear == p.arrangementYear().equals("first")) {
                        visits++;
                        timely += inTime ? 1 : 0;
                    }
                    previous = on;
                }
            }
        }
        return new Counts(timely, visits);
    }

    /** The id of the arrangement a visit on this date is inside with the latest start (then the smallest id). */
    private static String holder(java.util.Map<String, LocalDate[]> spans, LocalDate on) {
        String chosen = null;
        LocalDate chosenStart = null;
        for (var span : spans.entrySet()) {
            LocalDate start = span.getValue()[0];
            LocalDate end = span.getValue()[1];
            if (!on.isBefore(start) && (end == null || !on.isAfter(end))
                    && (chosen == null || start.isAfter(chosenStart))) {
                chosen = span.getKey();
                chosenStart = start;
            }
        }
        return chosen;
    }

    /** When the (k+1)th review is due after {@code previous}: the k-th interval (the last repeating). */
    private LocalDate dueAfter(LocalDate previous, List<org.casepulse.indicators.ReviewInterval> intervals, int k) {
        org.casepulse.indicators.ReviewInterval interval = intervals.get(Math.min(k, intervals.size() - 1));
        if (interval.calendar() != null) {
            return previous.plus(interval.calendar());
        }
        LocalDate due = previous;
        while (wd.between(previous, due.plusDays(1)) <= interval.workingDays()) {
            due = due.plusDays(1);
        }
        return due;
    }

    /** The case's active plan of the type with the earliest start, then the smallest planId; null when none. */
    private static CaseHistory.Plan firstActive(CaseHistory c, org.casepulse.events.PlanType type, LocalDate t) {
        return c.countablePlans().stream().filter(plan -> plan.type() == type && plan.activeAt(t))
                .min(java.util.Comparator.comparing(CaseHistory.Plan::startDate).thenComparing(CaseHistory.Plan::planId))
                .orElse(null);
    }

    private static long count(List<CaseHistory> cases, Predicate<CaseHistory> predicate) {
        return cases.stream().filter(predicate).count();
    }
}
