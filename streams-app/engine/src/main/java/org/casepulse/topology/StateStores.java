package org.casepulse.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state stores of the topology. Their names are part of the deployment (they name the
 * changelog topics), so they are fixed here. Ledgers that grow with the number of cases live in
 * RocksDB; the small, hot ones (series) in memory, restored from their changelog. Each ledger has
 * a {@link BeforeCommit} as well, which keeps nothing: it flushes the ledger's pending changes
 * before every commit.
 */
final class StateStores {

    static final String CASE_LEDGER = "case-ledger";
    static final String CASE_BEFORE_COMMIT = "case-ledger-before-commit";
    static final String CASE_EXPIRY = "case-expiry";
    static final String CHILD_LEDGER = "child-ledger";
    static final String CHILD_BEFORE_COMMIT = "child-ledger-before-commit";
    static final String WORKER_HOLDINGS = "worker-holdings";
    static final String WORKER_BEFORE_COMMIT = "worker-ledger-before-commit";
    static final String WORKFORCE_LEDGER = "workforce-ledger";
    static final String WORKFORCE_BEFORE_COMMIT = "workforce-ledger-before-commit";
    static final String STAFF_LEDGER = "staff-ledger";
    static final String STAFF_BEFORE_COMMIT = "staff-ledger-before-commit";
    static final String SERIES = "indicator-series";
    static final String SERIES_CELLS = "indicator-series-cells";
    static final String SERIES_CLOCK = "indicator-series-clock";
    static final String TEAM_FIGURES = "team-figures";

    private StateStores() {}

    static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }

    /**
     * Cached like the persistent ones: writes to one key between commits reach the changelog once,
     * which matters for the series cells that are rewritten all the time.
     */
    /** The ledger's flush before every commit (a "store" that keeps nothing, see {@link BeforeCommit}). */
    static StoreBuilder<BeforeCommit> beforeCommit(String name) {
        return BeforeCommit.builder(name);
    }

    static <V> StoreBuilder<KeyValueStore<String, V>> inMemory(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }
}
