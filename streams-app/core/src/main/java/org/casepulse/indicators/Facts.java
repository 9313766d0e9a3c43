package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects facts, summing those of the same cell; the difference of two collections (a case
 * before and after an event) is what the aggregates receive.
 */
public final class Facts {

    private static final Comparator<Fact> CANONICAL = Comparator
            .comparing(Fact::indicatorId)
            .thenComparing(Fact::areaCode)
            .thenComparing(Fact::workerId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Fact::bucket);

    private final Map<Fact.Cell, long[]> cells = new HashMap<>();
    private final Set<Anomaly> anomalies = EnumSet.noneOf(Anomaly.class);

    public void add(String indicatorId, String areaCode, LocalDate bucket, long numerator, long denominator) {
        add(new Fact.Cell(indicatorId, areaCode, null, bucket), numerator, denominator);
    }

    public void addHolding(String indicatorId, String areaCode, String workerId, LocalDate bucket, long count) {
        add(new Fact.Cell(indicatorId, areaCode, workerId, bucket), count, 0);
    }

    public void add(Fact.Cell cell, long numerator, long denominator) {
        if (numerator == 0 && denominator == 0) {
            return;
        }
        long[] sums = cells.computeIfAbsent(cell, c -> new long[2]);
        sums[0] += numerator;
        sums[1] += denominator;
    }

    /** Adds every cell of {@code other} to these. */
    public void addAll(Facts other) {
        other.cells.forEach((cell, sums) -> add(cell, sums[0], sums[1]));
    }

    /** Copies into {@code target} the cells of the given indicators whose bucket is before {@code date}. */
    public void copyBefore(Set<String> indicatorIds, LocalDate date, Facts target) {
        cells.forEach((cell, sums) -> {
            if (cell.bucket().isBefore(date) && indicatorIds.contains(cell.indicatorId())) {
                target.add(cell, sums[0], sums[1]);
            }
        });
    }

    public void anomaly(Anomaly anomaly) {
        anomalies.add(anomaly);
    }

    public Set<Anomaly> anomalies() {
        return anomalies;
    }

    /** The facts, canonically ordered, without cells that summed to zero. */
    public List<Fact> toList() {
        List<Fact> facts = new ArrayList<>(cells.size());
        cells.forEach((cell, sums) -> {
            if (sums[0] != 0 || sums[1] != 0) {
                facts.add(new Fact(cell.indicatorId(), cell.areaCode(), cell.workerId(), cell.bucket(), sums[0], sums[1]));
            }
        });
        facts.sort(CANONICAL);
        return facts;
    }

    /**
     * The exact change from {@code before} to {@code after}, in no particular order: applying it
     * to aggregates retracts the old and adds the new.
     */
    public static List<Fact> difference(Facts before, Facts after) {
        Map<Fact.Cell, long[]> change = new HashMap<>(2 * (before.cells.size() + after.cells.size()));
        after.cells.forEach((cell, sums) -> change.put(cell, new long[] {sums[0], sums[1]}));
        before.cells.forEach((cell, sums) -> {
            long[] delta = change.computeIfAbsent(cell, c -> new long[2]);
            delta[0] -= sums[0];
            delta[1] -= sums[1];
        });
        List<Fact> facts = new ArrayList<>();
        change.forEach((cell, delta) -> {
            if (delta[0] != 0 || delta[1] != 0) {
                facts.add(new Fact(cell.indicatorId(), cell.areaCode(), cell.workerId(), cell.bucket(), delta[0], delta[1]));
            }
        });
        return facts;
    }
}
