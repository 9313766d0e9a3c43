package org.casepulse.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.indicators.Fact;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.LedgerDelta;

/**
 * Changes to aggregate cells waiting to be sent downstream, summed per cell. Sending them once
 * per flush instead of once per event is what keeps the repartition traffic small: a month's
 * national cell changes thousands of times a second during a backfill, but travels once. The
 * store is changelogged, so under exactly-once nothing pending is lost or sent twice.
 */
final class PendingDeltas {

    private final KeyValueStore<String, LedgerDelta> store;
    private final AreaHierarchy areas;

    PendingDeltas(KeyValueStore<String, LedgerDelta> store, AreaHierarchy areas) {
        this.store = store;
        this.areas = areas;
    }

    /** Adds a fact's change at its lowest area to that area and every ancestor. */
    void addRollingUp(Fact change, Instant knownAt) {
        for (Area area : areas.lineage(change.areaCode())) {
            add(change.indicatorId(), area.code(), change.workerId(), change, knownAt);
        }
    }

    /** Adds a change to exactly the area it names (already rolled up upstream). */
    void addAsIs(Fact change, Instant knownAt) {
        add(change.indicatorId(), change.areaCode(), change.workerId(), change, knownAt);
    }

    private void add(String indicatorId, String areaCode, String workerId, Fact change, Instant knownAt) {
        String key = indicatorId + '|' + areaCode + '|' + (workerId == null ? "" : workerId) + '|' + change.bucket().toEpochDay();
        LedgerDelta pending = store.get(key);
        if (pending == null) {
            pending = new LedgerDelta(indicatorId, areaCode, workerId, change.bucket(), 0L, 0L, knownAt);
        }
        pending.setNumerator(pending.getNumerator() + change.numerator());
        pending.setDenominator(pending.getDenominator() + change.denominator());
        if (knownAt.isAfter(pending.getKnownAt())) {
            pending.setKnownAt(knownAt);
        }
        store.put(key, pending);
    }

    /** Hands every non-zero pending change to {@code send} and forgets them all. */
    void flush(Consumer<LedgerDelta> send) {
        List<String> sent = new ArrayList<>();
        try (KeyValueIterator<String, LedgerDelta> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, LedgerDelta> entry = all.next();
                LedgerDelta delta = entry.value;
                if (delta.getNumerator() != 0 || delta.getDenominator() != 0) {
                    send.accept(delta);
                }
                sent.add(entry.key);
            }
        }
        sent.forEach(store::delete);
    }

    static String seriesKey(String indicatorId, String areaCode) {
        return indicatorId + '|' + areaCode;
    }

    static String holdingKey(LedgerDelta delta) {
        return delta.getIndicatorId() + '|' + delta.getAreaCode() + '|' + delta.getWorkerId();
    }
}
