package org.casepulse.topology;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.indicators.Fact;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.LedgerDelta;
import org.casepulse.state.PendingChanges;

/**
 * Changes to aggregate cells waiting to be sent downstream. Each input record appends its changes
 * as one record (keyed by its offset: one write per event, however many cells it touches); a flush
 * sums them per cell, rolls them up the area hierarchy and sends each cell once. Sending once per
 * flush instead of once per event keeps the repartition traffic small: a month's national cell
 * changes thousands of times a second during a backfill, but travels once. The store is
 * changelogged, so under exactly-once nothing pending is lost or sent twice.
 */
final class PendingCells {

    private final KeyValueStore<String, PendingChanges> store;
    private final AreaHierarchy areas;
    private final boolean rollUp;
    /**
     * What the store holds, decoded: the store is written for durability and read only here, on
     * (re)initialisation after a restore; a flush then sums from memory without decoding.
     */
    private final Map<String, PendingChanges> unsent = new LinkedHashMap<>();

    /**
     * @param rollUp whether changes name lowest areas to roll up (case and child ledgers), or
     *               areas already rolled up upstream (worker ledger)
     */
    PendingCells(KeyValueStore<String, PendingChanges> store, AreaHierarchy areas, boolean rollUp) {
        this.store = store;
        this.areas = areas;
        this.rollUp = rollUp;
        try (KeyValueIterator<String, PendingChanges> restored = store.all()) {
            restored.forEachRemaining(entry -> unsent.put(entry.key, entry.value));
        }
    }

    /** Appends the changes one input record made. */
    void append(ProcessorContext<?, ?> context, List<Fact> changes, Instant knownAt) {
        if (changes.isEmpty()) {
            return;
        }
        String key = keyOf(context);
        PendingChanges record = new PendingChanges(FactRecords.toState(changes), knownAt);
        store.put(key, record);
        unsent.put(key, record);
    }

    /** Hands every non-zero summed change to {@code send} and forgets them all. */
    void flush(Consumer<LedgerDelta> send) {
        Map<String, LedgerDelta> cells = new LinkedHashMap<>();
        for (PendingChanges pendingChanges : unsent.values()) {
            Instant knownAt = pendingChanges.getKnownAt();
            for (Fact change : FactRecords.fromState(pendingChanges.getChanges())) {
                if (rollUp) {
                    for (Area area : areas.lineage(change.areaCode())) {
                        add(cells, change, area.code(), knownAt);
                    }
                } else {
                    add(cells, change, change.areaCode(), knownAt);
                }
            }
        }
        unsent.keySet().forEach(store::delete);
        unsent.clear();
        for (LedgerDelta delta : cells.values()) {
            if (delta.getNumerator() != 0 || delta.getDenominator() != 0) {
                send.accept(delta);
            }
        }
    }

    private static void add(Map<String, LedgerDelta> cells, Fact change, String areaCode, Instant knownAt) {
        String key = change.indicatorId() + '|' + areaCode + '|' + (change.workerId() == null ? "" : change.workerId())
                + '|' + change.bucket().toEpochDay();
        LedgerDelta cell = cells.get(key);
        if (cell == null) {
            cells.put(key, new LedgerDelta(change.indicatorId(), areaCode, change.workerId(), change.bucket(),
                    change.numerator(), change.denominator(), knownAt));
            return;
        }
        cell.setNumerator(cell.getNumerator() + change.numerator());
        cell.setDenominator(cell.getDenominator() + change.denominator());
        if (knownAt.isAfter(cell.getKnownAt())) {
            cell.setKnownAt(knownAt);
        }
    }

    /** The input record's partition offset: unique within the task, and ordered. */
    private static String keyOf(ProcessorContext<?, ?> context) {
        long offset = context.recordMetadata().map(RecordMetadata::offset)
                .orElseThrow(() -> new IllegalStateException("pending changes need the input record's offset"));
        return Keys.zeroPadded(offset, 19);
    }

    static String holdingKey(LedgerDelta delta) {
        return delta.getIndicatorId() + '|' + delta.getAreaCode() + '|' + delta.getWorkerId();
    }
}
