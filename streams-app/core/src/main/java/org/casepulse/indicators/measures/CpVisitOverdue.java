package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Children on an active child protection plan whose last visit (or the plan's start) is more
 * than the interval ago, over children on an active plan. Each child counts once (COUNTING.md
 * 8.2, from issue 12 on): a case qualifies while it has an active CP plan, and is overdue when any
 * of its active CP plans is; the child's representative case decides.
 */
final class CpVisitOverdue implements ChildCountedMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        int interval = indicator.parameters().intervalWorkingDays();
        for (CaseHistory.Plan plan : openCase.cpPlans()) {
            UnallocatedCases.addIfKnown(dates, openCase.dayPassing(plan.startDate(), interval));
            for (CaseEvent visit : openCase.history().visits()) {
                if (plan.covers(visit.getOccurredOn())) {
                    UnallocatedCases.addIfKnown(dates, openCase.dayPassing(visit.getOccurredOn(), interval));
                }
            }
        }
    }

    @Override
    public int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date) {
        int interval = indicator.parameters().intervalWorkingDays();
        boolean active = false;
        boolean overdue = false;
        for (CaseHistory.Plan plan : openCase.cpPlans()) {
            if (!plan.activeOn(date)) {
                continue;
            }
            active = true;
            CaseEvent lastVisit = CaseHistory.latestOnOrBefore(openCase.history().visits(), date);
            LocalDate last = lastVisit == null || lastVisit.getOccurredOn().isBefore(plan.startDate())
                    ? plan.startDate()
                    : lastVisit.getOccurredOn();
            overdue |= OpenCase.reached(openCase.dayPassing(last, interval), date);
        }
        return active ? (overdue ? 1 : 0) : NOT_QUALIFYING;
    }
}
