package org.casepulse.oracle;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
        List<CaseHistory> open = allCases.stream()
                .filter(c -> c.matches(indicator.caseType()))
                .filter(c -> !c.closedBeforeReferral() && c.openAt(t))
                .filter(c -> rollup.rollsUpTo(c.areaAt(t), areaCode))
                .toList();
        MeasureParameters p = indicator.parameters();
        return switch (indicator.measure()) {
            case WORKLOAD_ALLOCATED -> new Counts(count(open, c -> c.workerAt(t).isPresent()), open.size());
            case UNALLOCATED_CASES -> new Counts(
                    count(open, c -> c.workerAt(t).isEmpty() && wd.between(c.referralDate(), t) > p.overWorkingDays()),
                    open.size());
            case ASSESSMENTS_OPEN_OVER -> assessmentsOpenOver(open, t, p.overWorkingDays());
            case CP_VISIT_OVERDUE -> cpVisitOverdue(open, t, p.intervalWorkingDays());
            case AVERAGE_CASELOAD -> averageCaseload(open, t);
            default -> throw new IllegalArgumentException(indicator.id() + " is not a snapshot measure");
        };
    }

    private Counts assessmentsOpenOver(List<CaseHistory> open, LocalDate t, int over) {
        long openAssessments = 0;
        long overdue = 0;
        for (CaseHistory c : open) {
            for (CaseHistory.Assessment a : c.assessments()) {
                boolean started = a.start() != null && !a.start().getOccurredOn().isAfter(t);
                boolean completed = a.completion() != null && !a.completion().getOccurredOn().isAfter(t);
                if (started && !completed) {
                    openAssessments++;
                    if (wd.between(c.referralDate(), t) > over) {
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

    private static long count(List<CaseHistory> cases, Predicate<CaseHistory> predicate) {
        return cases.stream().filter(predicate).count();
    }
}
