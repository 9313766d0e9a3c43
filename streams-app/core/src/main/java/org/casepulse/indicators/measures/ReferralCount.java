package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;

import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * The referral as a count (referral rate, demand change), or with an {@code element}, each
 * occurrence of it (demand change of meetings, reports, orders: COUNTING.md 13): the denominator
 * (population, or last year's count) is supplied when the figure is made, not by the case.
 */
final class ReferralCount implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        if (indicator.parameters().element() != null) {
            for (CaseElements.Occurrence occurrence : CaseElements.of(history, indicator.parameters().element())) {
                facts.add(indicator.id(), occurrence.areaCode(), month(occurrence.date()), 1, 0);
            }
            return;
        }
        CaseEvent referral = history.referral();
        facts.add(indicator.id(), referral.getAreaCode(), month(referral.getOccurredOn()), 1, 0);
    }
}
