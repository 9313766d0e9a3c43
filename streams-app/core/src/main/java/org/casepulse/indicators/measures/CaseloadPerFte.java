package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.workforce.TeamType;

/**
 * The numerator of caseload-per-fte (COUNTING.md 14.8): an open case allocated on the date, held
 * by a team of one of the entry's team types, adds 1 at its area. The denominator, the FTE of the
 * posts of those team types, comes from the workforce ledger into the same cells.
 */
final class CaseloadPerFte implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        // Changes only on event dates (allocation, plan start and end, assessment start, closure, area moves).
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        if (openCase.allocationOn(date) == null) {
            return;
        }
        Set<TeamType> teamTypes = indicator.parameters().posts().teamTypes();
        if (teamTypes == null || teamTypes.contains(CaseTeamType.on(openCase.history(), date))) {
            state.add(indicator.id(), openCase.areaOn(date), 1, 0);
        }
    }
}
