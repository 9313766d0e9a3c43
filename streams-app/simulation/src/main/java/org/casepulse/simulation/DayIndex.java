package org.casepulse.simulation;

import java.time.LocalDate;
import java.util.Arrays;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.calendar.WorkingDayCalendar;

/**
 * The simulated days, numbered from 0 ({@code from}) to {@code days - 1} ({@code to}), with
 * working-day arithmetic and the start of each day in London precomputed once: the simulation
 * asks for them several times per event, and ints are cheaper than LocalDates.
 */
final class DayIndex {
    /** A day beyond the simulated range: whatever is scheduled then never happens in the history. */
    static final int NEVER = Integer.MAX_VALUE;


    private final LocalDate[] dates;
    private final long[] startMillis;
    private final boolean[] working;
    /** Working days among days {@code 0..i}. */
    private final int[] workingUpTo;
    /** The working days, in order. */
    private final int[] workingDays;

    DayIndex(LocalDate from, LocalDate to, WorkingDayCalendar calendar) {
        int days = Math.toIntExact(to.toEpochDay() - from.toEpochDay() + 1);
        this.dates = new LocalDate[days];
        this.startMillis = new long[days + 1];
        this.working = new boolean[days];
        this.workingUpTo = new int[days];
        int[] workingList = new int[days];
        int count = 0;
        for (int day = 0; day < days; day++) {
            LocalDate date = from.plusDays(day);
            dates[day] = date;
            startMillis[day] = BusinessClock.startOf(date).toEpochMilli();
            working[day] = calendar.isWorkingDay(date);
            if (working[day]) {
                workingList[count++] = day;
            }
            workingUpTo[day] = count;
        }
        startMillis[days] = BusinessClock.startOf(to.plusDays(1)).toEpochMilli();
        this.workingDays = Arrays.copyOf(workingList, count);
    }

    int days() {
        return dates.length;
    }

    LocalDate date(int day) {
        return dates[day];
    }

    /** The day's epoch day (days since 1970-01-01). */
    long epochDay(int day) {
        return dates[0].toEpochDay() + day;
    }

    /** The first working day on or after the calendar day {@code day} (any int); NEVER past the range. */
    int workingDayFrom(long day) {
        if (day >= dates.length) {
            return NEVER;
        }
        return addWorkingDays((int) Math.max(0, day), 0);
    }

    /** The day of an epoch day: negative before the range, {@code days()} or more after it. */
    long dayOfEpochDay(long epochDay) {
        return epochDay - dates[0].toEpochDay();
    }

    boolean isWorking(int day) {
        return working[day];
    }

    /** Midnight in London at the start of {@code day} (of the day after the last, for {@code days()}). */
    long startMillis(int day) {
        return startMillis[day];
    }

    /**
     * The day {@code n} working days after {@code day} (receipt day counted as nought); for n = 0,
     * the day itself if it is a working day, else the next one. NEVER past the range.
     */
    int addWorkingDays(int day, int n) {
        if (day == NEVER) {
            return NEVER;
        }
        int index = n == 0 ? (working[day] ? workingUpTo[day] - 1 : workingUpTo[day]) : workingUpTo[day] + n - 1;
        return index < workingDays.length ? workingDays[index] : NEVER;
    }

    /** The last working day before {@code day}, or -1 when the range has none. */
    int previousWorkingDay(int day) {
        int index = workingUpTo[day] - (working[day] ? 2 : 1);
        return index >= 0 ? workingDays[index] : -1;
    }

    /** Working days d with {@code a < d <= b}. */
    int workingDaysBetween(int a, int b) {
        return workingUpTo[b] - workingUpTo[a];
    }

    /** The day holding the instant, searching forward from {@code notAfter}; NEVER past the range. */
    int dayOf(long millis, int notAfter) {
        int day = Math.max(0, notAfter);
        while (day < dates.length && startMillis[day + 1] <= millis) {
            day++;
        }
        return day < dates.length ? day : NEVER;
    }
}
