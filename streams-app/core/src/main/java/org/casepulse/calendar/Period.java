package org.casepulse.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.casepulse.snapshots.PeriodType;

/**
 * A reporting period, from {@code start} to {@code end} inclusive: a calendar month; the
 * financial year to date (1 April to the end of a month); the rolling 12 months ending with a
 * month; or a snapshot, the state at one date ({@code start == end}).
 *
 * <p>The constructor accepts only those shapes, so a period is always one the factories make.
 */
public record Period(PeriodType type, LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        LocalDate expectedStart = type == PeriodType.SNAPSHOT ? end : startOf(type, YearMonth.from(end));
        boolean endsAMonth = type == PeriodType.SNAPSHOT || end.equals(YearMonth.from(end).atEndOfMonth());
        if (!start.equals(expectedStart) || !endsAMonth) {
            throw new IllegalArgumentException("not a " + type + " period: " + start + " to " + end);
        }
    }

    public static Period month(YearMonth month) {
        return of(PeriodType.MONTH, month);
    }

    /** 1 April of {@code month}'s financial year to the end of {@code month}. */
    public static Period yearToDate(YearMonth month) {
        return of(PeriodType.YTD, month);
    }

    /** The 12 months ending with {@code month}. */
    public static Period rolling12Months(YearMonth month) {
        return of(PeriodType.R12M, month);
    }

    /** The state at {@code date} (a month end, or today). */
    public static Period snapshot(LocalDate date) {
        return new Period(PeriodType.SNAPSHOT, date, date);
    }

    /** The period of {@code type} ending with {@code month} (a snapshot at its last day). */
    public static Period of(PeriodType type, YearMonth month) {
        if (type == PeriodType.SNAPSHOT) {
            return snapshot(month.atEndOfMonth());
        }
        return new Period(type, startOf(type, month), month.atEndOfMonth());
    }

    /**
     * The periods of {@code type} (MONTH, YTD or R12M) that contain {@code date}, by the month
     * they end with: its month; the YTDs up to March; the twelve R12Ms ending in its month or after.
     */
    public static List<Period> containing(PeriodType type, LocalDate date) {
        YearMonth first = YearMonth.from(date);
        YearMonth last = switch (type) {
            case MONTH -> first;
            case YTD -> YearMonth.from(Periods.financialYearStart(first)).plusMonths(11);
            case R12M -> first.plusMonths(11);
            case SNAPSHOT -> throw new IllegalArgumentException("a snapshot is an instant: it contains no events");
        };
        List<Period> periods = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            periods.add(of(type, month));
        }
        return periods;
    }

    /**
     * The previous period of the same kind, which direction of travel compares with: the
     * previous month's MONTH, YTD or R12M (the YTD before April's is the whole previous financial
     * year, March's YTD); for a snapshot, the last month end before its date.
     */
    public Period previous() {
        if (type == PeriodType.SNAPSHOT) {
            return snapshot(YearMonth.from(end).minusMonths(1).atEndOfMonth());
        }
        return of(type, endMonth().minusMonths(1));
    }

    /** The month the period ends in. */
    public YearMonth endMonth() {
        return YearMonth.from(end);
    }

    /** The months of a MONTH, YTD or R12M period, oldest first. */
    public List<YearMonth> monthsIn() {
        if (type == PeriodType.SNAPSHOT) {
            throw new IllegalStateException("a snapshot is an instant, not a span of months");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start); !month.isAfter(endMonth()); month = month.plusMonths(1)) {
            months.add(month);
        }
        return List.copyOf(months);
    }

    /** Whether {@code date} falls within the period, both ends included. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    private static LocalDate startOf(PeriodType type, YearMonth month) {
        return switch (type) {
            case MONTH -> month.atDay(1);
            case YTD -> Periods.financialYearStart(month);
            case R12M -> month.minusMonths(11).atDay(1);
            case SNAPSHOT -> throw new IllegalArgumentException("a snapshot starts on its own date");
        };
    }
}
