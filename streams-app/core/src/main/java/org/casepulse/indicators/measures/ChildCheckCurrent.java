package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;

/**
 * Children in care (with inCareAtLeast A: whose representative CLA plan started at least A before
 * T); the numerator those whose case has a check of the type dated in (T - W, T], W being
 * withinUnder5 when the child's age at T is known and under 5.
 */
final class ChildCheckCurrent implements ChildCountedMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        MeasureParameters p = indicator.parameters();
        for (CaseEvent check : openCase.history().childChecks()) {
            InCare.addAround(dates, check.getOccurredOn(), p.within());
            if (p.withinUnder5() != null) {
                InCare.addAround(dates, check.getOccurredOn(), p.withinUnder5());
            }
        }
        if (p.inCareAtLeast() != null) {
            for (CaseHistory.Plan plan : openCase.history().plansOfType(PlanType.CLA)) {
                InCare.addAround(dates, plan.startDate(), p.inCareAtLeast());
            }
        }
        LocalDate born = openCase.history().child().dateOfBirth();
        if (born != null && p.withinUnder5() != null) {
            InCare.addAround(dates, born, Period.ofYears(5));
        }
    }

    @Override
    public int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date) {
        MeasureParameters p = indicator.parameters();
        CaseHistory history = openCase.history();
        CaseHistory.Plan plan = InCare.representativePlan(history, PlanType.CLA, date);
        if (plan == null || (p.inCareAtLeast() != null && !InCare.atLeast(plan.startDate(), p.inCareAtLeast(), date))) {
            return NOT_QUALIFYING;
        }
        Integer age = history.child().ageOn(date);
        Period window = p.withinUnder5() != null && age != null && age < 5 ? p.withinUnder5() : p.within();
        LocalDate after = date.minus(window);
        for (CaseEvent check : history.childChecks()) {
            LocalDate on = check.getOccurredOn();
            if (check.getCheckType() == p.checkType() && on.isAfter(after) && !on.isAfter(date)) {
                return 1;
            }
        }
        return 0;
    }
}
