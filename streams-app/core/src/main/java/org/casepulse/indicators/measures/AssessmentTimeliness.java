package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import java.time.LocalDate;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.AssessmentAnchor;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Each completed assessment (of the listed types, if any), within N working days of its anchor
 * (the referral, or the assessment's start); with startedInSameMonth, only those started in
 * their completion's calendar month.
 */
final class AssessmentTimeliness implements CaseMeasure {

    private final WorkingDayCalendar calendar;

    AssessmentTimeliness(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        boolean fromStart = indicator.parameters().anchor() == AssessmentAnchor.ASSESSMENT_START;
        boolean sameMonth = Boolean.TRUE.equals(indicator.parameters().startedInSameMonth());
        for (CaseHistory.Assessment assessment : history.assessments()) {
            CaseEvent completion = assessment.completion();
            if (completion == null || (fromStart && assessment.start() == null)
                    || !indicator.parameters().countsAssessmentType(assessment.type())) {
                continue;
            }
            if (sameMonth && (assessment.start() == null
                    || !month(assessment.start().getOccurredOn()).equals(month(completion.getOccurredOn())))) {
                continue;
            }
            LocalDate anchor = fromStart ? assessment.start().getOccurredOn() : history.referralDate();
            if (completion.getOccurredOn().isBefore(anchor)) {
                facts.anomaly(Anomaly.COMPLETION_BEFORE_ANCHOR);
                continue;
            }
            int days = calendar.workingDaysBetween(anchor, completion.getOccurredOn());
            facts.add(indicator.id(), completion.getAreaCode(), month(completion.getOccurredOn()),
                    oneIf(days <= indicator.parameters().withinWorkingDays()), 1);
        }
    }
}
