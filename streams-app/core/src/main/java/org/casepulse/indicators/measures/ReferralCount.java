package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;

import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * The referral as a count (referral rate, demand change): the denominator (population, or last
 * year's referrals) is supplied when the figure is made, not by the case.
 */
final class ReferralCount implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        CaseEvent referral = history.referral();
        facts.add(indicator.id(), referral.getAreaCode(), month(referral.getOccurredOn()), 1, 0);
    }
}
