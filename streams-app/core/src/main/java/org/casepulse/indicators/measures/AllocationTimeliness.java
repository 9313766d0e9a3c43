package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/** The case's first allocation, within N working days of receipt (receipt day counted as nought). */
final class AllocationTimeliness implements CaseMeasure {

    private final WorkingDayCalendar calendar;

    AllocationTimeliness(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        CaseEvent allocation = history.firstAllocation();
        if (allocation == null) {
            return;
        }
        if (allocation.getOccurredOn().isBefore(history.referralDate())) {
            facts.anomaly(Anomaly.ALLOCATION_BEFORE_REFERRAL);
            return;
        }
        int days = calendar.workingDaysBetween(history.referralDate(), allocation.getOccurredOn());
        facts.add(indicator.id(), allocation.getAreaCode(), month(allocation.getOccurredOn()),
                oneIf(days <= indicator.parameters().withinWorkingDays()), 1);
    }
}
