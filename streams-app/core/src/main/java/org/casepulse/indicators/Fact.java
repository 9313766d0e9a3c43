package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one case (or child) adds to one aggregate cell, at its lowest area. For event measures
 * the bucket is the first day of the fact's month; for snapshot measures it is the day the
 * state changes, and the numbers are changes (the count on a day is the sum up to it).
 * A fact with a worker is a worker holding (it feeds the distinct-worker count).
 */
public record Fact(String indicatorId, String areaCode, String workerId, LocalDate bucket,
                   long numerator, long denominator) {

    /** Identity of the cell a fact adds to. */
    public record Cell(String indicatorId, String areaCode, String workerId, LocalDate bucket) {

        /**
         * A record's own hash multiplies by 31 and a date's hash keeps the month in bits 6 to 9, so
         * the month buckets of one indicator all fell in one bin of a small hash map and the maps
         * of a case's facts turned into trees. The days are mixed in whole instead.
         */
        @Override
        public int hashCode() {
            return cellHash(indicatorId, areaCode, workerId, bucket, null);
        }
    }

    /**
     * A hash of a cell's identity (and of one more day, such as the day it was recorded on)
     * that keeps apart cells differing only in their days: each part is multiplied by an odd
     * constant far from a power of two, and the high bits are folded into the low ones that a
     * hash map's index reads.
     */
    public static int cellHash(String indicatorId, String areaCode, String workerId, LocalDate bucket, LocalDate more) {
        long h = Objects.hashCode(indicatorId);
        h = h * 0x9E3779B97F4A7C15L + Objects.hashCode(areaCode);
        h = h * 0x9E3779B97F4A7C15L + Objects.hashCode(workerId);
        h = h * 0x9E3779B97F4A7C15L + (bucket == null ? Long.MIN_VALUE : bucket.toEpochDay());
        h = h * 0x9E3779B97F4A7C15L + (more == null ? Long.MIN_VALUE : more.toEpochDay());
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The fact of a cell with these numbers. */
    public static Fact of(Cell cell, long numerator, long denominator) {
        return new Fact(cell.indicatorId(), cell.areaCode(), cell.workerId(), cell.bucket(), numerator, denominator);
    }

    public boolean isHolding() {
        return workerId != null;
    }
}
