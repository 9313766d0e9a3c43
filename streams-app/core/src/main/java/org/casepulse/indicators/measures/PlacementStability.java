package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.events.PlacementType;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;

/**
 * Children in care whose representative CLA plan started at least C before T; the numerator those
 * whose placement at T started at least P before T, or, placed for adoption, whose placement
 * before it (the latest start before its start) did. No placement at T: the denominator only.
 */
final class PlacementStability implements ChildCountedMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        MeasureParameters p = indicator.parameters();
        for (CaseHistory.Plan plan : openCase.history().plansOfType(PlanType.CLA)) {
            InCare.addAround(dates, plan.startDate(), p.minimumInCare());
        }
        for (CaseHistory.Span placement : openCase.history().placements()) {
            InCare.addAround(dates, placement.startDate(), p.minimumInPlacement());
        }
    }

    @Override
    public int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date) {
        MeasureParameters p = indicator.parameters();
        CaseHistory history = openCase.history();
        CaseHistory.Plan plan = InCare.representativePlan(history, PlanType.CLA, date);
        if (plan == null || !InCare.atLeast(plan.startDate(), p.minimumInCare(), date)) {
            return NOT_QUALIFYING;
        }
        CaseHistory.Span placement = ActivePlans.placementOn(history, date);
        if (placement == null) {
            return 0;
        }
        if (InCare.atLeast(placement.startDate(), p.minimumInPlacement(), date)) {
            return 1;
        }
        if (placement.start().getPlacementType() != PlacementType.ADOPTION) {
            return 0;
        }
        CaseHistory.Span before = null;
        for (CaseHistory.Span other : history.placements()) { // by placementId
            if (other.startDate().isBefore(placement.startDate())
                    && (before == null || other.startDate().isAfter(before.startDate()))) {
                before = other;
            }
        }
        return before != null && InCare.atLeast(before.startDate(), p.minimumInPlacement(), date) ? 1 : 0;
    }
}
