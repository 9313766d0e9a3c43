package org.casepulse.oracle;

import java.time.YearMonth;
import org.casepulse.events.CaseEvent;

/** One counted element of an event measure: its month and lowest area come from the event that completes it. */
record Fact(String areaCode, YearMonth month, long numerator, long denominator) {

    /** A 0/1 fact over a denominator of 1. */
    static Fact of(CaseEvent completedBy, boolean counts) {
        return new Fact(completedBy.getAreaCode(), YearMonth.from(completedBy.getOccurredOn()), counts ? 1 : 0, 1);
    }

    /** A fact that is only counted (referral rate, demand change): numerator 1, no denominator. */
    static Fact counted(CaseEvent event) {
        return new Fact(event.getAreaCode(), YearMonth.from(event.getOccurredOn()), 1, 0);
    }

    /** A fact of {@code numerator} over 1 (interval-average: the days between its elements). */
    static Fact summing(CaseEvent completedBy, long numerator) {
        return new Fact(completedBy.getAreaCode(), YearMonth.from(completedBy.getOccurredOn()), numerator, 1);
    }

    /** The same fact in the month of {@code firstDay} (a cohort lagged, COUNTING.md 13). */
    Fact movedTo(java.time.LocalDate firstDay) {
        return new Fact(areaCode, YearMonth.from(firstDay), numerator, denominator);
    }

    boolean inMonths(YearMonth first, YearMonth last) {
        return !month.isBefore(first) && !month.isAfter(last);
    }
}
