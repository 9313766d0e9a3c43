package org.casepulse.calendar;

import java.time.LocalDate;

/**
 * A working-day question about a date the bank holiday data does not cover. Answering it would
 * be a guess about which days are bank holidays, so the calendar refuses and says how to extend it.
 */
public final class CalendarGapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LocalDate date;
    private final LocalDate firstCovered;
    private final LocalDate lastCovered;

    private CalendarGapException(String question, LocalDate date, LocalDate firstCovered, LocalDate lastCovered) {
        super(question + " the working-day calendar, which covers " + firstCovered + " to " + lastCovered
                + ": load a newer GOV.UK bank-holidays.json with the setting " + WorkingDayCalendar.CONFIG_KEY);
        this.date = date;
        this.firstCovered = firstCovered;
        this.lastCovered = lastCovered;
    }

    static CalendarGapException outside(LocalDate date, LocalDate firstCovered, LocalDate lastCovered) {
        return new CalendarGapException(date + " is outside", date, firstCovered, lastCovered);
    }

    static CalendarGapException beyond(LocalDate start, int n, LocalDate firstCovered, LocalDate lastCovered) {
        return new CalendarGapException("working day " + n + " after " + start + " falls beyond the end of",
                start, firstCovered, lastCovered);
    }

    /** The date asked about (the start date when counting forward ran off the end). */
    public LocalDate date() {
        return date;
    }

    public LocalDate firstCovered() {
        return firstCovered;
    }

    public LocalDate lastCovered() {
        return lastCovered;
    }
}
