package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects facts, summing those of the same cell; the difference of two collections (a case
 * before and after an event) is what the aggregates receive.
 *
 * <p>Facts are kept per indicator. A case's facts also keep, for each indicator (by its slot, a
 * place its {@code CaseFacts} gives it), the kinds of events its measure read to make them
 * ({@link EventKinds}). After a change that touches none of those kinds, an indicator's facts are
 * those of before: {@link #keep} shares them instead of copying, and {@link #difference} skips
 * what is shared, so the cost of a change follows the indicators it can move.
 */
public final class Facts {

    private static final Comparator<Fact> CANONICAL = Comparator
            .comparing(Fact::indicatorId)
            .thenComparing(Fact::areaCode)
            .thenComparing(Fact::workerId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Fact::bucket);

    /** One indicator's cells; shared between two Facts once kept, and then copied before any change. */
    private static final class Cells {
        final Map<Fact.Cell, long[]> sums;
        boolean shared;

        Cells(Map<Fact.Cell, long[]> sums) {
            this.sums = sums;
        }

        Cells copy() {
            Map<Fact.Cell, long[]> copied = new HashMap<>(sums.size() * 2);
            sums.forEach((cell, pair) -> copied.put(cell, pair.clone()));
            return new Cells(copied);
        }
    }

    private final Map<String, Cells> byIndicator;
    private final Set<Anomaly> anomalies = EnumSet.noneOf(Anomaly.class);
    /** By slot, the kinds of events read to make each indicator's facts; null when not kept. */
    private final long[] reads;

    public Facts() {
        this.byIndicator = new HashMap<>();
        this.reads = null;
    }

    /** A case's facts, keeping what was read for each of {@code slots} indicators ({@link EventKinds#ALL} until told). */
    public Facts(int slots) {
        // Sized for every indicator at once: a case's facts are made anew on every event, and
        // growing the map from 16 entries rehashed it four times each time.
        this.byIndicator = new HashMap<>(slots * 4 / 3 + 1);
        this.reads = new long[slots];
        Arrays.fill(reads, EventKinds.ALL);
    }

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
        long[] sums = writable(cell.indicatorId()).sums.computeIfAbsent(cell, c -> new long[2]);
        sums[0] += numerator;
        sums[1] += denominator;
    }

    private Cells writable(String indicatorId) {
        Cells cells = byIndicator.get(indicatorId);
        if (cells == null) {
            cells = new Cells(new HashMap<>());
            byIndicator.put(indicatorId, cells);
        } else if (cells.shared) {
            cells = cells.copy();
            byIndicator.put(indicatorId, cells);
        }
        return cells;
    }

    /** Copies into {@code target} the cells of the indicator whose bucket is before {@code date}. */
    public void copyBefore(String indicatorId, LocalDate date, Facts target) {
        Cells cells = byIndicator.get(indicatorId);
        if (cells != null) {
            cells.sums.forEach((cell, sums) -> {
                if (cell.bucket().isBefore(date)) {
                    target.add(cell, sums[0], sums[1]);
                }
            });
        }
    }

    /** Takes the indicator's facts of {@code before} as they are (shared, not copied), with what was read to make them. */
    public void keep(int slot, String indicatorId, Facts before) {
        Cells cells = before.byIndicator.get(indicatorId);
        if (cells == null) {
            byIndicator.remove(indicatorId);
        } else {
            cells.shared = true;
            byIndicator.put(indicatorId, cells);
        }
        reads[slot] = before.reads(slot);
    }

    /** Records the kinds of events read to make the facts of the indicator in {@code slot}. */
    public void read(int slot, long kinds) {
        reads[slot] = kinds;
    }

    /** The kinds of events read to make the facts of the indicator in {@code slot}; {@link EventKinds#ALL} when not known. */
    public long reads(int slot) {
        return reads == null ? EventKinds.ALL : reads[slot];
    }

    public void anomaly(Anomaly anomaly) {
        anomalies.add(anomaly);
    }

    public Set<Anomaly> anomalies() {
        return anomalies;
    }

    /** The facts, canonically ordered, without cells that summed to zero. */
    public List<Fact> toList() {
        List<Fact> facts = new ArrayList<>();
        byIndicator.values().forEach(cells -> cells.sums.forEach((cell, sums) -> {
            if (sums[0] != 0 || sums[1] != 0) {
                facts.add(Fact.of(cell, sums[0], sums[1]));
            }
        }));
        facts.sort(CANONICAL);
        return facts;
    }

    /**
     * The exact change from {@code before} to {@code after}, in no particular order: applying it
     * to aggregates retracts the old and adds the new. Indicators whose facts {@code after} kept
     * from {@code before} are not looked at.
     */
    public static List<Fact> difference(Facts before, Facts after) {
        List<Fact> facts = new ArrayList<>();
        after.byIndicator.forEach((indicatorId, cells) -> {
            Cells was = before.byIndicator.get(indicatorId);
            if (was != cells) {
                difference(was == null ? Map.of() : was.sums, cells.sums, facts);
            }
        });
        before.byIndicator.forEach((indicatorId, was) -> {
            if (!after.byIndicator.containsKey(indicatorId)) {
                difference(was.sums, Map.of(), facts);
            }
        });
        return facts;
    }

    /** {@code plus + alsoPlus - minus - alsoMinus}, cell by cell, without the cells that come to zero, in no particular order. */
    public static List<Fact> sum(Facts plus, Facts alsoPlus, Facts minus, Facts alsoMinus) {
        Map<Fact.Cell, long[]> total = new HashMap<>();
        plus.addTo(total, 1);
        alsoPlus.addTo(total, 1);
        minus.addTo(total, -1);
        alsoMinus.addTo(total, -1);
        List<Fact> facts = new ArrayList<>();
        total.forEach((cell, sums) -> {
            if (sums[0] != 0 || sums[1] != 0) {
                facts.add(Fact.of(cell, sums[0], sums[1]));
            }
        });
        return facts;
    }

    private void addTo(Map<Fact.Cell, long[]> total, int sign) {
        byIndicator.values().forEach(cells -> cells.sums.forEach((cell, sums) -> {
            long[] into = total.computeIfAbsent(cell, c -> new long[2]);
            into[0] += sign * sums[0];
            into[1] += sign * sums[1];
        }));
    }

    private static void difference(Map<Fact.Cell, long[]> before, Map<Fact.Cell, long[]> after, List<Fact> into) {
        after.forEach((cell, sums) -> {
            long[] was = before.get(cell);
            long numerator = sums[0] - (was == null ? 0 : was[0]);
            long denominator = sums[1] - (was == null ? 0 : was[1]);
            if (numerator != 0 || denominator != 0) {
                into.add(Fact.of(cell, numerator, denominator));
            }
        });
        before.forEach((cell, was) -> {
            if (!after.containsKey(cell) && (was[0] != 0 || was[1] != 0)) {
                into.add(Fact.of(cell, -was[0], -was[1]));
            }
        });
    }
}
