package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Each completed assessment (of the listed types, if any), counted when the child was seen. The
 * dated filters judge the child at the completion; excludeProgressedToStrategy leaves out an
 * assessment during which (start, or completion without one, to completion) the case held a
 * strategy discussion.
 */
final class ChildrenSeenAtAssessment implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        boolean skipStrategy = Boolean.TRUE.equals(indicator.parameters().excludeProgressedToStrategy());
        for (CaseHistory.Assessment assessment : history.assessments()) {
            CaseEvent completion = assessment.completion();
            if (completion == null || !indicator.parameters().countsAssessmentType(assessment.type())
                    || !indicator.filter().admitsOn(history, completion.getOccurredOn())
                    || (skipStrategy && progressedToStrategy(history, assessment))) {
                continue;
            }
            facts.add(indicator.id(), completion.getAreaCode(), month(completion.getOccurredOn()),
                    oneIf(Boolean.TRUE.equals(completion.getChildSeen())), 1);
        }
    }

    private static boolean progressedToStrategy(CaseHistory history, CaseHistory.Assessment assessment) {
        java.time.LocalDate to = assessment.completion().getOccurredOn();
        java.time.LocalDate from = assessment.start() != null ? assessment.start().getOccurredOn() : to;
        for (CaseEvent discussion : history.strategyDiscussions()) {
            java.time.LocalDate on = discussion.getOccurredOn();
            if (!on.isBefore(from) && !on.isAfter(to)) {
                return true;
            }
        }
        return false;
    }
}
