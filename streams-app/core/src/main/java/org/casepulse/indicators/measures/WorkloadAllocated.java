package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.IndicatorDefinition;

/** Open cases with an allocated worker, over open cases. */
final class WorkloadAllocated implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        // Changes only on event dates (allocation, closure, area moves).
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        state.add(indicator.id(), openCase.areaOn(date), CaseMeasure.oneIf(openCase.allocationOn(date) != null), 1);
    }
}
