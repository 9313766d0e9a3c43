package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.CalendarGapException;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;

/** A case seen by the snapshot measures: its history, the calendar, and where it stands on a date. */
final class OpenCase {

    private final CaseHistory history;
    private final WorkingDayCalendar calendar;
    private final Facts facts;
    /** dayPassing is asked for the same few (date, days) pairs on every date of the timeline. */
    private final Map<Long, LocalDate> passing = new HashMap<>();
    private final Map<Long, Boolean> beyondCalendar = new HashMap<>();

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
        return history.areaOn(date);
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
        long key = from.toEpochDay() * 4096 + workingDays;
        LocalDate known = passing.get(key);
        if (known != null || beyondCalendar.containsKey(key)) {
            if (known == null) {
                facts.anomaly(Anomaly.CALENDAR_GAP);
            }
            return known;
        }
        try {
            LocalDate day = calendar.nthWorkingDayAfter(from, workingDays + 1);
            passing.put(key, day);
            return day;
        } catch (CalendarGapException gap) {
            beyondCalendar.put(key, Boolean.TRUE);
            facts.anomaly(Anomaly.CALENDAR_GAP);
            return null;
        }
    }

    /** The case's child protection plans (asked on every date by the visit measures; kept by the history, which notes each read). */
    List<CaseHistory.Plan> cpPlans() {
        return history.plansOfType(PlanType.CP);
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
