package org.casepulse.indicators.measures;

import java.time.LocalDate;
import org.casepulse.calendar.CalendarGapException;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;

/** A case seen by the snapshot measures: its history, the calendar, and where it stands on a date. */
final class OpenCase {

    private final CaseHistory history;
    private final WorkingDayCalendar calendar;
    private final Facts facts;

    OpenCase(CaseHistory history, WorkingDayCalendar calendar, Facts facts) {
        this.history = history;
        this.calendar = calendar;
        this.facts = facts;
    }

    CaseHistory history() {
        return history;
    }

    LocalDate referralDate() {
        return history.referralDate();
    }

    boolean isOpenOn(LocalDate date) {
        CaseEvent closure = history.closure();
        return !date.isBefore(referralDate()) && (closure == null || closure.getOccurredOn().isAfter(date));
    }

    /** The area of the latest event dated on or before {@code date}. */
    String areaOn(LocalDate date) {
        return CaseHistory.latestOnOrBefore(history.events(), date).getAreaCode();
    }

    /** The latest allocation dated on or before {@code date}, or null when unallocated then. */
    CaseEvent allocationOn(LocalDate date) {
        return CaseHistory.latestOnOrBefore(history.allocations(), date);
    }

    /**
     * The first day on which more than {@code workingDays} working days have passed since
     * {@code from}; null when that day lies beyond the calendar (counted as an anomaly).
     */
    LocalDate dayPassing(LocalDate from, int workingDays) {
        try {
            return calendar.nthWorkingDayAfter(from, workingDays + 1);
        } catch (CalendarGapException beyondCalendar) {
            facts.anomaly(Anomaly.CALENDAR_GAP);
            return null;
        }
    }

    WorkingDayCalendar calendar() {
        return calendar;
    }

    void anomaly(Anomaly anomaly) {
        facts.anomaly(anomaly);
    }

    static boolean reached(LocalDate day, LocalDate date) {
        return day != null && !date.isBefore(day);
    }
}
