package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * The referral, counted as converted when an assessment of the case (of the listed types, if
 * any) started on or after it.
 */
final class ReferralToAssessment implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        boolean assessed = false;
        for (CaseHistory.Assessment assessment : history.assessments()) {
            CaseEvent start = assessment.start();
            if (start == null || !indicator.parameters().countsAssessmentType(assessment.type())) {
                continue;
            }
            if (start.getOccurredOn().isBefore(history.referralDate())) {
                facts.anomaly(Anomaly.ASSESSMENT_BEFORE_REFERRAL);
            } else {
                assessed = true;
            }
        }
        CaseEvent referral = history.referral();
        facts.add(indicator.id(), referral.getAreaCode(), month(referral.getOccurredOn()), oneIf(assessed), 1);
    }
}
