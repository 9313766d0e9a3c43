package org.casepulse.indicators.figures;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which recorded day a change to a cell is attributed to, for revisions (COUNTING.md 6). A change
 * recorded by the end of its bucket's month cannot restate any figure (every period holding that
 * bucket ends on or after that day), so it is kept as "known from the start" (null): most changes
 * are, and they then sum into one cell instead of one per recorded day.
 */
public final class RecordedDays {

    private RecordedDays() {}

    /** {@code recordedOn} when it lies after the end of {@code bucket}'s month, else null. */
    public static LocalDate lateOrNull(LocalDate bucket, LocalDate recordedOn) {
        return recordedOn != null && recordedOn.isAfter(YearMonth.from(bucket).atEndOfMonth()) ? recordedOn : null;
    }

    /**
     * The last recorded day no figure of the window can count as a restatement: every period
     * published ends on or after the end of the window's first month.
     */
    public static LocalDate lastUncounted(ReportingWindow window) {
        return window.firstMonth().atEndOfMonth();
    }
}
