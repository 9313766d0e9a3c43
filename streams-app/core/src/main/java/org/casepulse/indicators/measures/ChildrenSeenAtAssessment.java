package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/** Each completed assessment, counted when the child was seen. */
final class ChildrenSeenAtAssessment implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        for (CaseHistory.Assessment assessment : history.assessments()) {
            CaseEvent completion = assessment.completion();
            if (completion != null) {
                facts.add(indicator.id(), completion.getAreaCode(), month(completion.getOccurredOn()),
                        oneIf(Boolean.TRUE.equals(completion.getChildSeen())), 1);
            }
        }
    }
}
