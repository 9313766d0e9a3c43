package org.casepulse.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.casepulse.http.EngineHealth;
import org.casepulse.topology.RegistryOutage;

/**
 * The engine's health as the operations surface reports it: the streams client's state, a Schema
 * Registry outage in progress, and how far state restoration has got after an unclean stop (the
 * changelogs are replayed into the stores before processing resumes), as
 * {@code restoring state: 1200 of 5400 records}.
 */
final class StreamsHealth implements EngineHealth, StateRestoreListener {

    private final Supplier<KafkaStreams.State> state;
    private final RegistryOutage registry;
    /** Per changelog partition being restored: {records to restore, records restored}. */
    private final Map<TopicPartition, long[]> restoring = new ConcurrentHashMap<>();

    StreamsHealth(Supplier<KafkaStreams.State> state, RegistryOutage registry) {
        this.state = state;
        this.registry = registry;
    }

    @Override
    public KafkaStreams.State streamsState() {
        return state.get();
    }

    @Override
    public String processing() {
        RegistryOutage.Episode outage = registry.current();
        if (outage != null) {
            return "registry unavailable since " + outage.since() + ": " + outage.problem();
        }
        if (restoring.isEmpty()) {
            return null;
        }
        long total = 0;
        long done = 0;
        for (long[] partition : restoring.values()) {
            total += partition[0];
            done += partition[1];
        }
        return "restoring state: " + done + " of " + total + " records";
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.put(partition, new long[] {Math.max(0, endingOffset - startingOffset), 0});
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        long[] progress = restoring.get(partition);
        if (progress != null) {
            progress[1] = Math.min(progress[0], progress[1] + numRestored);
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(partition);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(partition);
    }
}
