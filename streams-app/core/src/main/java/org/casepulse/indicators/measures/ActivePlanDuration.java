package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;

/** Children with an active plan of the type; the numerator those whose representative plan started at least D before T. */
final class ActivePlanDuration implements ChildCountedMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        for (CaseHistory.Plan plan : openCase.history().plansOfType(indicator.parameters().planType())) {
            InCare.addAround(dates, plan.startDate(), indicator.parameters().minimumDuration());
        }
    }

    @Override
    public int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date) {
        CaseHistory.Plan plan = InCare.representativePlan(openCase.history(), indicator.parameters().planType(), date);
        if (plan == null) {
            return NOT_QUALIFYING;
        }
        return InCare.atLeast(plan.startDate(), indicator.parameters().minimumDuration(), date) ? 1 : 0;
    }
}
