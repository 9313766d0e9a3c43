package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.IndicatorDefinition;

/** Open cases, the numerator those whose allocation at T is the one asked for (any: all of them). */
final class OpenCases implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        // Changes only on event dates (referral, allocation, closure, area moves).
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        boolean allocated = openCase.allocationOn(date) != null;
        state.add(indicator.id(), openCase.areaOn(date),
                CaseMeasure.oneIf(indicator.parameters().allocation().admits(allocated)), 1);
    }
}
