package org.casepulse.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.casepulse.reference.file.ReferenceFileException;

/**
 * Working days in England and Wales: Monday to Friday, not a bank holiday.
 *
 * <p>The calendar covers the whole calendar years its bank holiday data lists, and refuses
 * ({@link CalendarGapException}) any date outside them rather than guess. Every call is O(1):
 * the number of working days before each covered day, and the list of working days, are
 * computed once, because the engine asks several questions per event.
 */
public final class WorkingDayCalendar {
    /** The setting naming a GOV.UK bank-holidays.json to load. */
    public static final String CONFIG_KEY = "casepulse.calendar.bank-holidays";
    /** The setting choosing {@link Mode}: {@code extend} (default) or {@code replace}. */
    public static final String MODE_CONFIG_KEY = "casepulse.calendar.mode";

    /** How a GOV.UK file combines with the shipped 2015-2027 list. */
    public enum Mode {
        /** The file's dates are added to the shipped ones (a newer file adds years). */
        EXTEND,
        /** Only the file's dates count. */
        REPLACE
    }

    private final LocalDate firstCovered;
    private final LocalDate lastCovered;
    private final long firstEpochDay;
    /** {@code workingDaysBefore[i]}: working days from firstCovered up to, not including, day i. */
    private final int[] workingDaysBefore;
    private final LocalDate[] workingDays;

    private WorkingDayCalendar(SortedSet<LocalDate> bankHolidays) {
        this.firstCovered = LocalDate.of(bankHolidays.first().getYear(), 1, 1);
        this.lastCovered = LocalDate.of(bankHolidays.last().getYear(), 12, 31);
        this.firstEpochDay = firstCovered.toEpochDay();
        int days = (int) (lastCovered.toEpochDay() - firstEpochDay + 1);
        this.workingDaysBefore = new int[days + 1];
        List<LocalDate> working = new ArrayList<>();
        LocalDate day = firstCovered;
        for (int i = 0; i < days; i++, day = day.plusDays(1)) {
            boolean isWorking = day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !bankHolidays.contains(day);
            if (isWorking) {
                working.add(day);
            }
            workingDaysBefore[i + 1] = workingDaysBefore[i] + (isWorking ? 1 : 0);
        }
        this.workingDays = working.toArray(LocalDate[]::new);
    }

    /** The shipped England and Wales calendar (2015-2027), built once. */
    public static WorkingDayCalendar englandAndWales() {
        return Shipped.CALENDAR;
    }

    /**
     * The shipped calendar, or one built with a GOV.UK bank-holidays.json (its
     * {@code england-and-wales} division), which extends or replaces the shipped dates.
     *
     * @throws org.casepulse.reference.file.ReferenceFileException when the file cannot be read,
     *         is not in GOV.UK's format, or leaves a year between its first and last without any
     *         bank holiday (a sign of missing data)
     */
    public static WorkingDayCalendar load(Optional<Path> govUkJson, Mode mode) {
        if (govUkJson.isEmpty()) {
            return englandAndWales();
        }
        SortedSet<LocalDate> dates = new TreeSet<>(BankHolidays.govUkJson(govUkJson.get()));
        if (mode == Mode.EXTEND) {
            dates.addAll(BankHolidays.shipped());
        }
        requireEveryYear(dates, govUkJson.get().toString());
        return new WorkingDayCalendar(dates);
    }

    /** Whether {@code date} lies within the years the bank holiday data covers. */
    public boolean covers(LocalDate date) {
        long offset = date.toEpochDay() - firstEpochDay;
        return offset >= 0 && offset < workingDaysBefore.length - 1;
    }

    public LocalDate firstCoveredDate() {
        return firstCovered;
    }

    public LocalDate lastCoveredDate() {
        return lastCovered;
    }

    /** Monday to Friday and not a bank holiday. */
    public boolean isWorkingDay(LocalDate date) {
        int i = offsetOf(date);
        return workingDaysBefore[i + 1] > workingDaysBefore[i];
    }

    /**
     * The number of working days d with {@code a < d <= b}: the start day counts as nought, the
     * same day is 0, and after a weekend start the next Monday (if a working day) is day 1.
     *
     * @throws IllegalArgumentException when {@code b} is before {@code a}
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            throw new IllegalArgumentException("end " + b + " is before start " + a);
        }
        return workingDaysBefore[offsetOf(b) + 1] - workingDaysBefore[offsetOf(a) + 1];
    }

    /** The earliest date d with {@code workingDaysBetween(a, d) == n}, always a working day. */
    public LocalDate nthWorkingDayAfter(LocalDate a, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        // Working days up to and including a, plus n, is the 1-based index of the answer.
        long index = (long) workingDaysBefore[offsetOf(a) + 1] + n - 1;
        if (index >= workingDays.length) {
            throw CalendarGapException.beyond(a, n, firstCovered, lastCovered);
        }
        return workingDays[(int) index];
    }

    private int offsetOf(LocalDate date) {
        if (!covers(date)) {
            throw CalendarGapException.outside(date, firstCovered, lastCovered);
        }
        return (int) (date.toEpochDay() - firstEpochDay);
    }

    /** Every year in England and Wales has bank holidays: a year without any is missing data. */
    private static void requireEveryYear(SortedSet<LocalDate> dates, String source) {
        List<Integer> missing = new ArrayList<>();
        for (int year = dates.first().getYear() + 1; year < dates.last().getYear(); year++) {
            if (dates.subSet(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).isEmpty()) {
                missing.add(year);
            }
        }
        if (!missing.isEmpty()) {
            throw new ReferenceFileException(source, 0, null, "no bank holidays for "
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ", which lie between " + dates.first().getYear() + " and " + dates.last().getYear()
                    + ": the calendar would guess those years; load a file that lists them");
        }
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + firstCovered + " to " + lastCovered + "]";
    }

    /** Lazily built once: the shipped data never changes at run time. */
    private static final class Shipped {
        static final WorkingDayCalendar CALENDAR = build();

        private static WorkingDayCalendar build() {
            SortedSet<LocalDate> dates = BankHolidays.shipped();
            requireEveryYear(dates, "classpath:" + BankHolidays.SHIPPED_RESOURCE);
            return new WorkingDayCalendar(dates);
        }
    }
}
