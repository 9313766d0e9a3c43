package org.casepulse.indicators;

import java.time.LocalDate;

/**
 * What one case (or child) adds to one aggregate cell, at its lowest area. For event measures
 * the bucket is the first day of the fact's month; for snapshot measures it is the day the
 * state changes, and the numbers are changes (the count on a day is the sum up to it).
 * A fact with a worker is a worker holding (it feeds the distinct-worker count).
 */
public record Fact(String indicatorId, String areaCode, String workerId, LocalDate bucket,
                   long numerator, long denominator) {

    /** Identity of the cell a fact adds to. */
    public record Cell(String indicatorId, String areaCode, String workerId, LocalDate bucket) {}

    /** The fact of a cell with these numbers. */
    public static Fact of(Cell cell, long numerator, long denominator) {
        return new Fact(cell.indicatorId(), cell.areaCode(), cell.workerId(), cell.bucket(), numerator, denominator);
    }

    public boolean isHolding() {
        return workerId != null;
    }
}
