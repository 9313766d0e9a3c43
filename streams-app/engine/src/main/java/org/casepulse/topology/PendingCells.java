package org.casepulse.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.RecordedChanges;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.Contribution;
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

    /** Appends the changes one input record made, all attributed to one recorded day. */
    void append(ProcessorContext<?, ?> context, List<Fact> changes, LocalDate recordedOn, Instant knownAt) {
        append(context, List.of(new RecordedChanges.Dated(recordedOn, changes)), knownAt);
    }

    /** Appends the changes one input record made, each attributed to its recorded day. */
    void append(ProcessorContext<?, ?> context, List<RecordedChanges.Dated> changes, Instant knownAt) {
        List<Contribution> contributions = new ArrayList<>();
        for (RecordedChanges.Dated dated : changes) {
            FactRecords.toState(dated.facts(), dated.recordedOn(), contributions);
        }
        if (contributions.isEmpty()) {
            return;
        }
        String key = keyOf(context);
        PendingChanges record = new PendingChanges(contributions, knownAt);
        store.put(key, record);
        unsent.put(key, record);
    }

    /** Hands every non-zero summed change to {@code send} and forgets them all. */
    void flush(Consumer<LedgerDelta> send) {
        Map<String, LedgerDelta> cells = new LinkedHashMap<>();
        for (PendingChanges pendingChanges : unsent.values()) {
            Instant knownAt = pendingChanges.getKnownAt();
            for (Contribution change : pendingChanges.getChanges()) {
                if (rollUp) {
                    for (Area area : areas.lineage(change.getAreaCode())) {
                        add(cells, change, area.code(), knownAt);
                    }
                } else {
                    add(cells, change, change.getAreaCode(), knownAt);
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

    /** Sums per cell and recorded day: what was recorded on each day stays apart, for revisions. */
    private static void add(Map<String, LedgerDelta> cells, Contribution change, String areaCode, Instant knownAt) {
        LocalDate recordedOn = change.getRecordedOn();
        String key = change.getIndicatorId() + '|' + areaCode + '|' + (change.getWorkerId() == null ? "" : change.getWorkerId())
                + '|' + change.getBucket().toEpochDay() + '|' + (recordedOn == null ? "" : recordedOn.toEpochDay());
        LedgerDelta cell = cells.get(key);
        if (cell == null) {
            cells.put(key, new LedgerDelta(change.getIndicatorId(), areaCode, change.getWorkerId(), change.getBucket(),
                    change.getNumerator(), change.getDenominator(), knownAt, recordedOn));
            return;
        }
        cell.setNumerator(cell.getNumerator() + change.getNumerator());
        cell.setDenominator(cell.getDenominator() + change.getDenominator());
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
