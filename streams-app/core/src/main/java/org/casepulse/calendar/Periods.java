package org.casepulse.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

/** The financial year of English public services: 1 April to 31 March, quarters Q1 = April-June. */
public final class Periods {
    private Periods() {}

    /** 1 April of the financial year {@code month} falls in (1 April 2024 for March 2025). */
    public static LocalDate financialYearStart(YearMonth month) {
        int year = month.getMonthValue() >= Month.APRIL.getValue() ? month.getYear() : month.getYear() - 1;
        return LocalDate.of(year, Month.APRIL, 1);
    }

    /** The financial quarter, 1 (April-June) to 4 (January-March). */
    public static int financialQuarter(YearMonth month) {
        return (month.getMonthValue() + 8) % 12 / 3 + 1;
    }

    /** The financial quarter of the month {@code date} falls in. */
    public static int financialQuarter(LocalDate date) {
        return financialQuarter(YearMonth.from(date));
    }
}
