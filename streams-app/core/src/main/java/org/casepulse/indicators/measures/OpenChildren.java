package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.IndicatorDefinition;

/** open-cases with {@code count: children}: every open case qualifies; the numerator by its allocation at T. */
final class OpenChildren implements ChildCountedMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        // Changes only on event dates.
    }

    @Override
    public int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date) {
        return indicator.parameters().allocation().admits(openCase.allocationOn(date) != null) ? 1 : 0;
    }
}
