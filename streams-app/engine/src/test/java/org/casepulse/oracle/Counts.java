package org.casepulse.oracle;

/** A figure's numerator and denominator before any value is derived from them. */
record Counts(long numerator, long denominator) {

    /** Every fact zero: not published (COUNTING.md section 5). */
    boolean isEmpty() {
        return numerator == 0 && denominator == 0;
    }
}
