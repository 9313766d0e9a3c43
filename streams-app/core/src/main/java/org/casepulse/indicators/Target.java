package org.casepulse.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.casepulse.calendar.Periods;

/**
 * An indicator's target: one value for the year, or phased by financial quarter (the county
 * scorecard raises a target from 70% in Q1 to 72.5% in Q2 and 75% in Q3 and Q4); and, beside
 * that standing target, targets for named financial years (seed 003's "Target for 13/14") and
 * dated targets (seed 002's "1,750 by March 2017").
 *
 * <p>The target in force for a period ending on a date: the first dated target due on or after
 * that date, if due within a year of it; else that financial year's target; else the standing one
 * (null without one). The quarters are null when the catalogue gives only years or dates.
 *
 * @param years by the calendar year the financial year starts in (2016 for 2016/17)
 * @param dated by due date: in force for the year up to its date (from the day after the previous one's)
 */
public record Target(BigDecimal q1, BigDecimal q2, BigDecimal q3, BigDecimal q4,
                     NavigableMap<Integer, Target> years, NavigableMap<LocalDate, BigDecimal> dated) {

    public Target {
        boolean standing = q1 != null;
        if (standing && (q2 == null || q3 == null || q4 == null) || !standing && (q2 != null || q3 != null || q4 != null)) {
            throw new IllegalArgumentException("a standing target has all four quarters or none");
        }
        years = Collections.unmodifiableNavigableMap(new TreeMap<>(Objects.requireNonNull(years, "years")));
        dated = Collections.unmodifiableNavigableMap(new TreeMap<>(Objects.requireNonNull(dated, "dated")));
        if (!standing && years.isEmpty() && dated.isEmpty()) {
            throw new IllegalArgumentException("a target needs a value, a year or a date");
        }
        years.values().forEach(year -> {
            if (!year.years().isEmpty() || !year.dated().isEmpty() || !year.hasStanding()) {
                throw new IllegalArgumentException("a year's target is a value or four quarters");
            }
        });
    }

    public Target(BigDecimal q1, BigDecimal q2, BigDecimal q3, BigDecimal q4) {
        this(q1, q2, q3, q4, new TreeMap<>(), new TreeMap<>());
    }

    /** The same target all year. */
    public static Target of(BigDecimal value) {
        return new Target(value, value, value, value);
    }

    public static Target of(String value) {
        return of(new BigDecimal(value));
    }

    /** A target per financial quarter: Q1 April-June ... Q4 January-March. */
    public static Target phased(BigDecimal q1, BigDecimal q2, BigDecimal q3, BigDecimal q4) {
        return new Target(q1, q2, q3, q4);
    }

    /** {@code standing} (may be null) with targets by financial year and by date. */
    public static Target of(Target standing, Map<Integer, Target> years, Map<LocalDate, BigDecimal> dated) {
        return standing == null
                ? new Target(null, null, null, null, new TreeMap<>(years), new TreeMap<>(dated))
                : new Target(standing.q1, standing.q2, standing.q3, standing.q4, new TreeMap<>(years), new TreeMap<>(dated));
    }

    /** Whether there is a target for every period, not only for named years or dates. */
    public boolean hasStanding() {
        return q1 != null;
    }

    /** Whether the standing target changes during the year. */
    public boolean isPhased() {
        return hasStanding() && (q1.compareTo(q2) != 0 || q1.compareTo(q3) != 0 || q1.compareTo(q4) != 0);
    }

    /** Whether only the standing target applies (no years, no dates). */
    public boolean isStandingOnly() {
        return years.isEmpty() && dated.isEmpty();
    }

    /** The target in force for a period ending on {@code periodEnd}, or null when none is. */
    public BigDecimal forPeriodEnd(LocalDate periodEnd) {
        Map.Entry<LocalDate, BigDecimal> due = dated.ceilingEntry(periodEnd);
        if (due != null && periodEnd.isAfter(due.getKey().minusYears(1))) {
            return due.getValue();
        }
        Target year = years.get(Periods.financialYearStart(YearMonth.from(periodEnd)).getYear());
        if (year != null) {
            return year.forPeriodEnd(periodEnd);
        }
        return hasStanding() ? forQuarter(Periods.financialQuarter(periodEnd)) : null;
    }

    /** The standing target of financial quarter 1 to 4 (null without a standing target). */
    public BigDecimal forQuarter(int quarter) {
        return switch (quarter) {
            case 1 -> q1;
            case 2 -> q2;
            case 3 -> q3;
            case 4 -> q4;
            default -> throw new IllegalArgumentException("a financial quarter is 1 to 4, got " + quarter);
        };
    }

    /** 2016 as {@code 2016/17}, as the seed reports name financial years. */
    public static String yearName(int startYear) {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}
