package org.casepulse.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A ledger's states changed since its last flush, kept decoded, and written to its store once each
 * by the next flush, which also runs before every commit ({@link BeforeCommit}). During a backfill
 * a case or a child changes several times between two commits, and writing each change encoded the
 * whole state again, though the store's cache kept only the last of them: two thirds of the case
 * ledger's encodings were thrown away.
 *
 * @param <S> the state as stored
 * @param <V> the state as the ledger works on it: the stored one, or a form built from it
 *            ({@link #decoded}) that is converted back only when written
 */
final class UnwrittenStates<S, V> {

    private final KeyValueStore<String, S> store;
    private final Function<S, V> fromStore;
    private final Function<V, S> toStore;
    /** Empty: deleted. */
    private final Map<String, Optional<V>> changed = new HashMap<>();

    private UnwrittenStates(KeyValueStore<String, S> store, Function<S, V> fromStore, Function<V, S> toStore) {
        this.store = store;
        this.fromStore = fromStore;
        this.toStore = toStore;
    }

    /** States written as the ledger keeps them. */
    static <S> UnwrittenStates<S, S> of(KeyValueStore<String, S> store) {
        return new UnwrittenStates<>(store, Function.identity(), Function.identity());
    }

    /**
     * States kept in a working form between flushes: a state changed again before the next flush
     * is neither read back from the store nor converted again.
     */
    static <S, V> UnwrittenStates<S, V> decoded(KeyValueStore<String, S> store, Function<S, V> fromStore,
                                                Function<V, S> toStore) {
        return new UnwrittenStates<>(store, fromStore, toStore);
    }

    /**
     * The state as last changed: since the last flush, or in the store (null if none). A working
     * form returned is the one kept: changed in place, it is written by the next flush once
     * {@link #put} says so.
     */
    V get(String key) {
        Optional<V> value = changed.get(key);
        if (value != null) {
            return value.orElse(null);
        }
        S stored = store.get(key);
        return stored == null ? null : fromStore.apply(stored);
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
                store.put(key, toStore.apply(value.get()));
            } else {
                store.delete(key);
            }
        });
        changed.clear();
        BeforeCommit.flushCacheOf(store);
    }
}
