package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.VisitType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * plans-visited-in-month (COUNTING.md 9): on a date T, each plan of the type due a visit in T's
 * month (started on or before its 1st, not ended on or before T, in a case open on T) at the
 * case's area on T; the numerator those with a visit inside the plan dated from the 1st to T. Read
 * on a month's last day, that is the month's figure; read today, the month so far. The state
 * changes on event dates, on the 1st after a plan starts (it falls due) and on the 1st after a
 * month with a visit (the count starts again), so a case adds a few dates per month it was visited.
 */
final class PlansVisitedInMonth implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        List<CaseHistory.Plan> plans = openCase.history().plansOfType(indicator.parameters().planType());
        for (CaseHistory.Plan plan : plans) {
            dates.add(firstDue(plan));
        }
        if (plans.isEmpty()) {
            return;
        }
        for (CaseEvent visit : openCase.history().visits()) {
            dates.add(firstOfNextMonth(visit.getOccurredOn()));
        }
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        LocalDate first = date.withDayOfMonth(1);
        List<CaseEvent> visits = openCase.history().visits();
        int latest = -2; // looked up once, when a plan is due
        for (CaseHistory.Plan plan : openCase.history().plansOfType(indicator.parameters().planType())) {
            if (plan.startDate().isAfter(first) || !plan.activeOn(date)) {
                continue;
            }
            if (latest == -2) {
                latest = CaseHistory.indexOfLatestOnOrBefore(visits, date);
            }
            boolean visited = false;
            // Only this month's visits: walk back from the latest on or before T.
            for (int i = latest; i >= 0 && !visited; i--) {
                CaseEvent visit = visits.get(i);
                if (visit.getOccurredOn().isBefore(first)) {
                    break;
                }
                visited = countsForPlan(visit) && plan.covers(visit.getOccurredOn());
            }
            state.add(indicator.id(), openCase.areaOn(date), visited ? 1 : 0, 1);
        }
    }

    /** The 1st of the first month the plan is active on every day of: its start's month if it started on the 1st. */
    static LocalDate firstDue(CaseHistory.Plan plan) {
        LocalDate start = plan.startDate();
        return start.getDayOfMonth() == 1 ? start : firstOfNextMonth(start);
    }

    private static LocalDate firstOfNextMonth(LocalDate date) {
        return YearMonth.from(date).plusMonths(1).atDay(1);
    }

    /** COUNTING.md 7: a visit of type absent, STATUTORY or CP counts for a CP plan. */
    private static boolean countsForPlan(CaseEvent visit) {
        VisitType type = visit.getVisitType();
        return type == null || type == VisitType.STATUTORY || type == VisitType.CP;
    }
}
