package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.AssessmentAnchor;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;

/**
 * Assessments (of the listed types, if any) started and not completed, in open cases, counted
 * when more than N working days have passed since the anchor (the referral, or the assessment's
 * start) and, with caseAllocation, the case's allocation at T is the one asked for; over open
 * assessments of the types (COUNTING.md 8.4).
 */
final class AssessmentsOpenOver implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        int over = indicator.parameters().overWorkingDays();
        if (indicator.parameters().anchor() == AssessmentAnchor.ASSESSMENT_START) {
            for (CaseHistory.Assessment assessment : openCase.history().assessments()) {
                if (assessment.start() != null) {
                    UnallocatedCases.addIfKnown(dates, openCase.dayPassing(assessment.start().getOccurredOn(), over));
                }
            }
        } else {
            UnallocatedCases.addIfKnown(dates, openCase.dayPassing(openCase.referralDate(), over));
        }
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        MeasureParameters p = indicator.parameters();
        boolean fromStart = p.anchor() == AssessmentAnchor.ASSESSMENT_START;
        boolean allocationAsAsked = p.caseAllocation().admits(openCase.allocationOn(date) != null);
        String area = openCase.areaOn(date);
        for (CaseHistory.Assessment assessment : openCase.history().assessments()) {
            if (isOpenOn(assessment, date) && p.countsAssessmentType(assessment.type())) {
                LocalDate anchor = fromStart ? assessment.start().getOccurredOn() : openCase.referralDate();
                boolean over = OpenCase.reached(openCase.dayPassing(anchor, p.overWorkingDays()), date);
                state.add(indicator.id(), area, CaseMeasure.oneIf(over && allocationAsAsked), 1);
            }
        }
    }

    private static boolean isOpenOn(CaseHistory.Assessment assessment, LocalDate date) {
        return assessment.start() != null
                && !assessment.start().getOccurredOn().isAfter(date)
                && (assessment.completion() == null || assessment.completion().getOccurredOn().isAfter(date));
    }
}
