package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Children on an active child protection plan whose last visit (or the plan's start) is more
 * than the interval ago, over children on an active plan. A case counts once, however many plans.
 */
final class CpVisitOverdue implements SnapshotMeasure {

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
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
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
        if (active) {
            state.add(indicator.id(), openCase.areaOn(date), CaseMeasure.oneIf(overdue), 1);
        }
    }
}
