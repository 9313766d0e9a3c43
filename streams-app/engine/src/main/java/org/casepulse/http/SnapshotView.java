package org.casepulse.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureChange;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published figures of every area, read from the snapshot topic into memory by a consumer of
 * its own ({@link TopicReader}): all partitions, from the beginning, no consumer group, committed
 * records only (the engine writes with exactly-once). So any instance of the application answers
 * for all areas, not only for the partitions its stream threads process. The reader's thread keeps
 * it current and tells listeners of every change.
 */
public final class SnapshotView implements PublishedFigures, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotView.class);
    private static final AtomicInteger VIEWS = new AtomicInteger();

    private final SnapshotFigures figures = new SnapshotFigures();
    private final List<Consumer<FigureChange>> listeners = new CopyOnWriteArrayList<>();
    private final TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> reader;

    /** Starts the reader last: its thread may call back as soon as it starts. */
    private SnapshotView(Map<String, ?> clientConfig, String topic, Deserializer<IndicatorSnapshotKey> keys,
                         Deserializer<IndicatorSnapshot> values) {
        Objects.requireNonNull(topic, "topic");
        this.reader = TopicReader.start("snapshot view", clientConfig,
                "casepulse-snapshot-view-" + VIEWS.incrementAndGet(), topic, keys, values, this::apply,
                () -> LOG.info("Snapshot view caught up with {}: {} figures", topic, figures.size()));
    }

    /**
     * Starts reading {@code topic} with Avro deserializers configured from {@code clientConfig},
     * which holds the Kafka client settings ({@code bootstrap.servers}, security) and the serde's
     * ({@code schema.registry.url}).
     */
    public static SnapshotView start(Map<String, ?> clientConfig, String topic) {
        SpecificAvroDeserializer<IndicatorSnapshotKey> keys = new SpecificAvroDeserializer<>(IndicatorSnapshotKey.class);
        keys.configure(clientConfig, true);
        SpecificAvroDeserializer<IndicatorSnapshot> values = new SpecificAvroDeserializer<>(IndicatorSnapshot.class);
        values.configure(clientConfig, false);
        return start(clientConfig, topic, keys, values);
    }

    /** Starts reading {@code topic} with the given, already configured, deserializers. */
    public static SnapshotView start(Map<String, ?> clientConfig, String topic, Deserializer<IndicatorSnapshotKey> keys,
                                     Deserializer<IndicatorSnapshot> values) {
        return new SnapshotView(clientConfig, topic, keys, values);
    }

    @Override
    public String topic() {
        return reader.topic();
    }

    @Override
    public SnapshotFigures figures() {
        return figures;
    }

    @Override
    public ViewProgress progress() {
        return reader.progress();
    }

    /** Calls {@code listener} on the view's thread for every change from now on; it must not block. */
    @Override
    public void addListener(Consumer<FigureChange> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(Consumer<FigureChange> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        reader.close();
    }

    /** A tombstone removes the figure. */
    private void apply(ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record) {
        figures.apply(FigureKey.of(record.key()), record.value() == null ? null : Figure.of(record.value()))
                .ifPresent(this::tellListeners);
    }

    private void tellListeners(FigureChange change) {
        for (Consumer<FigureChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("A snapshot view listener failed", e);
            }
        }
    }
}
