package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.IndicatorDefinition;

/** Open cases still unallocated more than N working days after receipt (over open cases). */
final class UnallocatedCases implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        addIfKnown(dates, openCase.dayPassing(openCase.referralDate(), indicator.parameters().overWorkingDays()));
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        LocalDate overdue = openCase.dayPassing(openCase.referralDate(), indicator.parameters().overWorkingDays());
        boolean unallocated = openCase.allocationOn(date) == null;
        state.add(indicator.id(), openCase.areaOn(date), CaseMeasure.oneIf(unallocated && OpenCase.reached(overdue, date)), 1);
    }

    static void addIfKnown(Collection<LocalDate> dates, LocalDate date) {
        if (date != null) {
            dates.add(date);
        }
    }
}
