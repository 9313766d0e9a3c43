package org.casepulse.http;

import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.FigureChange;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.Figure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published figures of every area, read from the snapshot topic into memory by a consumer of
 * its own: all partitions, from the beginning, no consumer group, committed records only (the
 * engine writes with exactly-once). So any instance of the application answers for all areas,
 * not only for the partitions its stream threads process. A background thread keeps it current
 * and tells listeners of every change.
 */
public final class SnapshotView implements PublishedFigures, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotView.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TOPIC_RETRY = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private static final AtomicInteger VIEWS = new AtomicInteger();

    private final String topic;
    private final KafkaConsumer<IndicatorSnapshotKey, IndicatorSnapshot> consumer;
    private final SnapshotFigures figures = new SnapshotFigures();
    private final List<Consumer<FigureChange>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread poller;
    private volatile ViewProgress progress;

    private SnapshotView(Map<String, ?> clientConfig, String topic, Deserializer<IndicatorSnapshotKey> keys,
                         Deserializer<IndicatorSnapshot> values) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.consumer = new KafkaConsumer<>(consumerConfig(clientConfig), keys, values);
        this.progress = ViewProgress.waitingFor(topic);
        this.poller = new Thread(this::run, "casepulse-snapshot-view");
        this.poller.setDaemon(true);
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
        SnapshotView view = new SnapshotView(clientConfig, topic, keys, values);
        view.poller.start();
        return view;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public SnapshotFigures figures() {
        return figures;
    }

    @Override
    public ViewProgress progress() {
        return progress;
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
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        consumer.wakeup();
        try {
            poller.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (poller.isAlive()) {
            LOG.warn("The snapshot view's thread did not stop within {}", CLOSE_TIMEOUT);
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            LOG.info("Snapshot view reading {} ({} partitions) up to offsets {}", topic, partitions.size(), ends);
            while (!isClosing()) {
                poll();
                if (!progress.isCaughtUp()) {
                    progress = progressTowards(beginnings, ends);
                    if (progress.isCaughtUp()) {
                        LOG.info("Snapshot view caught up with {}: {} figures", topic, figures.size());
                    }
                }
            }
        } catch (WakeupException e) {
            if (!isClosing()) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            if (isClosing()) {
                progress = ViewProgress.closed();
            }
        }
    }

    /** The topic's partitions once it exists; none when closed first. */
    private List<TopicPartition> awaitPartitions() {
        while (!isClosing()) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
                if (!infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
                }
            } catch (TimeoutException e) {
                LOG.debug("No metadata for {} yet: {}", topic, e.getMessage());
            }
            awaitClosing(TOPIC_RETRY);
        }
        return List.of();
    }

    private void poll() {
        try {
            for (ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record : consumer.poll(POLL_TIMEOUT)) {
                apply(record);
            }
        } catch (RecordDeserializationException e) {
            // One unreadable record must not stop the view: skip it, as a reader of reports would.
            LOG.warn("Skipping unreadable record of {} at offset {}: {}", e.topicPartition(), e.offset(),
                    e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private void apply(ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record) {
        if (record.key() == null) {
            LOG.warn("Skipping record without key of {}-{} at offset {}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        try {
            figures.apply(FigureKey.of(record.key()), record.value() == null ? null : Figure.of(record.value()))
                    .ifPresent(this::tellListeners);
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping record of {}-{} at offset {}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
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

    private ViewProgress progressTowards(Map<TopicPartition, Long> beginnings, Map<TopicPartition, Long> ends) {
        long read = 0;
        long total = 0;
        boolean reached = true;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long beginning = beginnings.getOrDefault(end.getKey(), 0L);
            long position = consumer.position(end.getKey());
            total += end.getValue() - beginning;
            read += Math.min(position, end.getValue()) - beginning;
            reached &= position >= end.getValue();
        }
        return reached ? ViewProgress.caughtUp(total) : ViewProgress.catchingUp(read, total);
    }

    private void fail(RuntimeException e) {
        LOG.error("The snapshot view of {} stopped reading", topic, e);
        progress = ViewProgress.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    private void awaitClosing(Duration timeout) {
        try {
            closing.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }

    /** The caller's client settings that a consumer knows, and those that make this reader what it is. */
    private static Map<String, Object> consumerConfig(Map<String, ?> clientConfig) {
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A client id of its own: Kafka registers one JMX bean per id and warns on a clash.
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "casepulse-snapshot-view-" + VIEWS.incrementAndGet());
        return config;
    }
}
