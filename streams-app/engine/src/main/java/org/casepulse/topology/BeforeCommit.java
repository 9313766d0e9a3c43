package org.casepulse.topology;

import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Runs a ledger's flush right before every commit of its task, inside the transaction the commit
 * ends. With that, a ledger's pending changes are always sent by the time a commit records the
 * input offsets and case states that made them, so they need no store of their own: they were
 * one changelog record per input event (1.6 of 3.2 changelog records per event).
 *
 * <p>Kafka Streams gives processors no pre-commit hook, but before each commit it flushes every
 * store cache, and cached KTables forward what they held at that moment; this "store" takes part
 * in that step the same way (the internal {@code CachedStateStore} interface, and the processor
 * node and record context a forward needs). That ties it to Kafka Streams' internals:
 * {@code BeforeCommitTest} (the test driver commits after every record) and the topology ITs on a
 * real broker fail if an upgrade changes them. A flush run here may already have been preceded by
 * the flush of the task's other store caches for this commit: what it writes to a store must be
 * followed by {@link #flushCacheOf} that store, or it would reach the changelog a commit late.
 */
final class BeforeCommit implements StateStore, CachedStateStore<Object, Object> {

    private final String name;
    private boolean open;
    private InternalProcessorContext<?, ?> context;
    private ProcessorNode<?, ?, ?, ?> node;
    private Runnable flush;

    private BeforeCommit(String name) {
        this.name = name;
    }

    /** The builder to declare with the ledger's processor: no changelog, nothing kept. */
    static StoreBuilder<BeforeCommit> builder(String name) {
        return new Builder(name);
    }

    /**
     * Runs {@code flush} before every commit of the task whose processor is initialising with
     * {@code processorContext}; its forwards come from that processor.
     */
    void runBeforeEachCommit(ProcessorContext<?, ?> processorContext, Runnable flush) {
        if (!(processorContext instanceof InternalProcessorContext<?, ?> internal)) {
            throw new IllegalStateException("a flush before each commit needs Kafka Streams' own processor context, not "
                    + processorContext.getClass().getName());
        }
        this.context = internal;
        this.node = internal.currentNode();
        this.flush = flush;
    }

    /**
     * Sends what {@code store}'s cache holds to its changelog now (the step every store's cache
     * goes through before a commit), for a flush that wrote to the store before a commit.
     */
    static void flushCacheOf(StateStore store) {
        if (!(store instanceof CachedStateStore<?, ?> cached)) {
            // Silently skipping would let a write reach the changelog a commit late.
            throw new IllegalStateException("cannot flush the cache of store " + store.name()
                    + " before a commit: Kafka Streams' store wrappers are no longer CachedStateStores");
        }
        cached.flushCache();
    }

    @Override
    public void flushCache() {
        if (flush == null) {
            return; // a standby task, or a processor not initialised yet: nothing pending
        }
        ProcessorNode<?, ?, ?, ?> previousNode = context.currentNode();
        ProcessorRecordContext previousRecord = context.recordContext();
        // What a punctuation runs with: no input record behind what the flush forwards.
        context.setRecordContext(new ProcessorRecordContext(context.currentSystemTimeMs(), -1L, -1, null,
                new RecordHeaders()));
        context.setCurrentNode(node);
        try {
            flush.run();
        } finally {
            context.setCurrentNode(previousNode);
            context.setRecordContext(previousRecord);
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void clearCache() {
        // Nothing held: what a flush sends lives in its processor.
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext storeContext, StateStore root) {
        storeContext.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void close() {
        open = false;
        flush = null;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private record Builder(String name) implements StoreBuilder<BeforeCommit> {

        @Override
        public StoreBuilder<BeforeCommit> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<BeforeCommit> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<BeforeCommit> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("the before-commit hook keeps nothing to log");
        }

        @Override
        public StoreBuilder<BeforeCommit> withLoggingDisabled() {
            return this;
        }

        @Override
        public BeforeCommit build() {
            return new BeforeCommit(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
