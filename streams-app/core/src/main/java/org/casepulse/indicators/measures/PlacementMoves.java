package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Children in care; the numerator those whose case has at least K placements in the window W to
 * T: started in (T - W, T], or started earlier and not ended on or before T - W.
 */
final class PlacementMoves implements ChildCountedMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        Period window = indicator.parameters().window();
        for (CaseHistory.Span placement : openCase.history().placements()) {
            InCare.addAround(dates, placement.startDate(), window);
            if (placement.end() != null) {
                InCare.addAround(dates, placement.end().getOccurredOn(), window);
            }
        }
    }

    @Override
    public int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date) {
        if (InCare.representativePlan(openCase.history(), PlanType.CLA, date) == null) {
            return NOT_QUALIFYING;
        }
        LocalDate windowStart = date.minus(indicator.parameters().window());
        int inWindow = 0;
        for (CaseHistory.Span placement : openCase.history().placements()) {
            LocalDate start = placement.startDate();
            boolean startedInWindow = start.isAfter(windowStart) && !start.isAfter(date);
            boolean runningInto = !start.isAfter(windowStart)
                    && (placement.end() == null || placement.end().getOccurredOn().isAfter(windowStart));
            inWindow += startedInWindow || runningInto ? 1 : 0;
        }
        return inWindow >= indicator.parameters().minimumPlacements() ? 1 : 0;
    }
}
