package org.casepulse.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A ledger's states changed since its last flush, kept decoded, and written to its store once each
 * by the next flush, which also runs before every commit ({@link BeforeCommit}). During a backfill
 * a case or a child changes several times between two commits, and writing each change encoded the
 * whole state again, though the store's cache kept only the last of them: two thirds of the case
 * ledger's encodings were thrown away.
 */
final class UnwrittenStates<V> {

    private final KeyValueStore<String, V> store;
    /** Empty: deleted. */
    private final Map<String, Optional<V>> changed = new HashMap<>();

    UnwrittenStates(KeyValueStore<String, V> store) {
        this.store = store;
    }

    /** The state as last changed: since the last flush, or in the store. */
    V get(String key) {
        Optional<V> value = changed.get(key);
        return value != null ? value.orElse(null) : store.get(key);
    }

    void put(String key, V value) {
        changed.put(key, Optional.of(value));
    }

    void delete(String key) {
        changed.put(key, Optional.empty());
    }

    /**
     * Writes every changed state, then sends the store's cache to its changelog: before a commit,
     * the cache may already have been flushed for it.
     */
    void write() {
        if (changed.isEmpty()) {
            return;
        }
        changed.forEach((key, value) -> {
            if (value.isPresent()) {
                store.put(key, value.get());
            } else {
                store.delete(key);
            }
        });
        changed.clear();
        BeforeCommit.flushCacheOf(store);
    }
}
