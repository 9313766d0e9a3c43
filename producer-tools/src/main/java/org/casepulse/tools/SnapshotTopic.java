package org.casepulse.tools;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.casepulse.registry.SchemaRegistryException;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.SnapshotFigures;

/**
 * Reads the compacted snapshot topic from its beginning into a {@link SnapshotFigures}, committed
 * records only (the engine writes with exactly-once), without a consumer group. Records that cannot
 * be decoded are counted and skipped; a registry that cannot be reached stops the read.
 */
class SnapshotTopic implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final String kafka;
    private final Duration timeout;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SpecificAvroDeserializer<IndicatorSnapshotKey> keys = new SpecificAvroDeserializer<>(IndicatorSnapshotKey.class);
    private final SpecificAvroDeserializer<IndicatorSnapshot> values = new SpecificAvroDeserializer<>(IndicatorSnapshot.class);
    private final List<TopicPartition> partitions;
    private final Map<String, Object> serde;
    private long unreadable;

    SnapshotTopic(KafkaOptions options, String topic) {
        this(options, topic, true);
    }

    /** @param required whether a missing topic is a failure (otherwise it reads as empty) */
    SnapshotTopic(KafkaOptions options, String topic, boolean required) {
        this.topic = topic;
        this.kafka = "Kafka at " + options.bootstrapServers;
        this.timeout = options.connectTimeout();
        Map<String, Object> client = options.clientProperties();
        Map<String, Object> config = new HashMap<>();
        client.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "casepulse-tools-snapshots");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // The serde takes the registry's keys (schema.registry.*, basic.auth.*, bearer.auth.*) among the rest.
        this.serde = new HashMap<>(client);
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, options.schemaRegistryUrl);
        keys.configure(serde, true);
        values.configure(serde, false);
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos.isEmpty() && required) {
                throw new ToolFailure(kafka + " has no topic " + topic + " (has Casepulse run yet?)");
            }
            this.partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        } catch (TimeoutException e) {
            close();
            throw new ToolFailure(kafka + " did not answer within " + timeout.toSeconds()
                    + " s (is it running, and is the address right?)", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The commentary topic read to its end into {@code book}; a missing topic reads as no commentary. */
    static long readCommentary(KafkaOptions options, String topic,
                               org.casepulse.scorecard.commentary.CommentaryBook book) {
        try (SnapshotTopic commentary = new SnapshotTopic(options, topic, false)) {
            if (!commentary.exists()) {
                return 0;
            }
            SpecificAvroDeserializer<org.casepulse.commentary.CommentaryKey> keys =
                    new SpecificAvroDeserializer<>(org.casepulse.commentary.CommentaryKey.class);
            keys.configure(commentary.serdeConfig(), true);
            SpecificAvroDeserializer<org.casepulse.commentary.CommentaryEntry> values =
                    new SpecificAvroDeserializer<>(org.casepulse.commentary.CommentaryEntry.class);
            values.configure(commentary.serdeConfig(), false);
            commentary.readToEnd(record -> {
                try {
                    book.apply(org.casepulse.scorecard.commentary.Comment.of(keys.deserialize(topic, record.key()),
                            values.deserialize(topic, record.value())));
                } catch (RuntimeException e) {
                    commentary.unreadable(e);
                }
            });
            return commentary.unreadable();
        }
    }

    /** Reads every record up to the topic's end as it is now. */
    void readToEnd(SnapshotFigures board) {
        readToEnd(record -> apply(board, record));
    }

    /** Whether the topic exists (a topic that need not exist reads as empty). */
    boolean exists() {
        return !partitions.isEmpty();
    }

    /** Reads every record up to the topic's end as it is now, handing each to {@code handler}. */
    void readToEnd(java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        long quietSince = System.nanoTime();
        while (!reached(ends)) {
            if (poll(handler) > 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > timeout.toNanos()) {
                throw new ToolFailure(kafka + " stopped sending topic " + topic + " before its end (no record for "
                        + timeout.toSeconds() + " s)");
            }
        }
    }

    /**
     * Reads what arrives within a short wait.
     *
     * @return the number of records read
     * @throws InterruptException when the thread is interrupted: the caller is asked to stop
     */
    int poll(SnapshotFigures board) {
        return poll(record -> apply(board, record));
    }

    private int poll(java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        int read = 0;
        try {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                handler.accept(record);
                read++;
            }
        } catch (InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            throw new ToolFailure(kafka + ": cannot read topic " + topic + ": " + e.getMessage(), e);
        }
        return read;
    }

    /** The note that records were skipped: {@code Skipped 2 records of <topic> that could not be read.} */
    static String skipped(long records, String topic) {
        return "Skipped " + records + (records == 1 ? " record" : " records") + " of " + topic + " that could not be read.";
    }

    /** Counts a record that could not be decoded, or stops at an unreachable registry. */
    void unreadable(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry && registry.unreachable()) {
                throw new ToolFailure(registry.getMessage(), registry);
            }
        }
        unreadable++;
    }

    /** The serde settings (registry address, credentials) the topic's readers configure deserializers with. */
    Map<String, Object> serdeConfig() {
        return serde;
    }

    /** Records skipped because they could not be decoded. */
    long unreadable() {
        return unreadable;
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, timeout) < ends.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private void apply(SnapshotFigures board, ConsumerRecord<byte[], byte[]> record) {
        try {
            IndicatorSnapshotKey key = keys.deserialize(topic, record.key());
            if (key == null) {
                unreadable++;
                return;
            }
            IndicatorSnapshot value = record.value() == null ? null : values.deserialize(topic, record.value());
            board.apply(FigureKey.of(key), value == null ? null : Figure.of(value));
        } catch (RuntimeException e) {
            unreadable(e);
        }
    }
}
