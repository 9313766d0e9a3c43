package org.casepulse.indicators.measures;

import java.util.HashMap;
import java.util.Map;
import org.casepulse.indicators.Fact;

/** A case's contribution to every snapshot cell on one date (cells without a bucket). */
final class DayState {

    private final Map<Fact.Cell, long[]> counts = new HashMap<>();

    void add(String indicatorId, String areaCode, long numerator, long denominator) {
        add(new Fact.Cell(indicatorId, areaCode, null, null), numerator, denominator);
    }

    void addHolding(String indicatorId, String areaCode, String workerId) {
        add(new Fact.Cell(indicatorId, areaCode, workerId, null), 1, 0);
    }

    private void add(Fact.Cell cell, long numerator, long denominator) {
        long[] sums = counts.computeIfAbsent(cell, c -> new long[2]);
        sums[0] += numerator;
        sums[1] += denominator;
    }

    void clear() {
        counts.clear();
    }

    Map<Fact.Cell, long[]> counts() {
        return counts;
    }
}
