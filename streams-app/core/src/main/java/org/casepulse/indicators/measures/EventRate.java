package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;

import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Each occurrence of the element, in its month and area, as a count: the denominator (the area's
 * under-18 population) is supplied when the figure is made, as for referral-rate.
 */
final class EventRate implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        for (CaseElements.Occurrence occurrence : CaseElements.of(history, indicator.parameters().element())) {
            if (indicator.filter().admitsOn(history, occurrence.date())) {
                facts.add(indicator.id(), occurrence.areaCode(), month(occurrence.date()), 1, 0);
            }
        }
    }
}
