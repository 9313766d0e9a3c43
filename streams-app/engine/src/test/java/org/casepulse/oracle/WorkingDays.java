package org.casepulse.oracle;

import java.time.LocalDate;
import org.casepulse.calendar.WorkingDayCalendar;

/**
 * {@code wd(a, b)} of COUNTING.md, counted by walking the dates one by one: the working days d
 * with a < d <= b. Deliberately not the calendar's own arithmetic, only its notion of a working day.
 */
final class WorkingDays {
    private final WorkingDayCalendar calendar;

    WorkingDays(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    int between(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            throw new IllegalArgumentException("wd(" + a + ", " + b + "): the end is before the start");
        }
        int count = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
