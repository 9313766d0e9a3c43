package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;

/** Assessments started and not completed, in open cases referred more than N working days ago (over open assessments). */
final class AssessmentsOpenOver implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        UnallocatedCases.addIfKnown(dates, openCase.dayPassing(openCase.referralDate(), indicator.parameters().overWorkingDays()));
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        LocalDate overdue = openCase.dayPassing(openCase.referralDate(), indicator.parameters().overWorkingDays());
        long over = CaseMeasure.oneIf(OpenCase.reached(overdue, date));
        String area = openCase.areaOn(date);
        for (CaseHistory.Assessment assessment : openCase.history().assessments()) {
            if (isOpenOn(assessment, date)) {
                state.add(indicator.id(), area, over, 1);
            }
        }
    }

    private static boolean isOpenOn(CaseHistory.Assessment assessment, LocalDate date) {
        return assessment.start() != null
                && !assessment.start().getOccurredOn().isAfter(date)
                && (assessment.completion() == null || assessment.completion().getOccurredOn().isAfter(date));
    }
}
