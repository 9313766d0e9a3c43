package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Open allocated cases over the distinct workers holding them. The case adds itself to the
 * numerator and a holding for its worker; holdings become distinct-worker counts downstream,
 * per area at every level (a worker with cases in two teams counts once in their region).
 */
final class AverageCaseload implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        // Changes only on event dates (allocation, reallocation, closure, area moves).
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        CaseEvent allocation = openCase.allocationOn(date);
        if (allocation != null) {
            String area = openCase.areaOn(date);
            state.add(indicator.id(), area, 1, 0);
            state.addHolding(indicator.id(), area, allocation.getWorkerId());
        }
    }
}
