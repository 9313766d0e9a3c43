package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/** Each child protection plan that ended, counted when it lasted at least the minimum duration. */
final class CpPlanDurationAtEnd implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        for (CaseHistory.Plan plan : history.plansOfType(PlanType.CP)) {
            if (plan.end() != null) {
                boolean lasted = !plan.endDate().isBefore(plan.startDate().plus(indicator.parameters().minimumDuration()));
                facts.add(indicator.id(), plan.end().getAreaCode(), month(plan.endDate()), oneIf(lasted), 1);
            }
        }
    }
}
