package org.casepulse.http;

import org.casepulse.scorecard.Figures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.testing.RealKafka;

/**
 * A snapshot topic of its own on the real broker, with a schema registry, for publishing figures
 * and withdrawals as the engine does (Avro keys and values in Confluent's wire format).
 */
final class SnapshotTopic implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RealKafka kafka;
    private final String name;
    private final EmbeddedSchemaRegistry registry;
    private KafkaProducer<IndicatorSnapshotKey, IndicatorSnapshot> producer;

    private SnapshotTopic(RealKafka kafka, String name) {
        this.kafka = kafka;
        this.name = name;
        this.registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
    }

    /** A new topic with {@code partitions} partitions. */
    static SnapshotTopic create(RealKafka kafka, int partitions) {
        SnapshotTopic topic = named(kafka);
        kafka.createTopic(topic.name, partitions);
        return topic;
    }

    /** A unique name, the topic not created yet. */
    static SnapshotTopic named(RealKafka kafka) {
        return new SnapshotTopic(kafka, kafka.uniqueTopic("indicator-snapshots"));
    }

    String name() {
        return name;
    }

    /** Client settings for a reader of this topic: the broker and the registry. */
    Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        return config;
    }

    SnapshotView startView() {
        return SnapshotView.start(clientConfig(), name);
    }

    void publish(IndicatorSnapshot... figures) {
        publish(List.of(figures));
    }

    /** Sends the figures, each under its key, and waits until the broker has them all. */
    void publish(Collection<IndicatorSnapshot> figures) {
        List<ProducerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> records = new ArrayList<>();
        for (IndicatorSnapshot figure : figures) {
            records.add(new ProducerRecord<>(name, Figures.keyOf(figure), figure));
        }
        send(records);
    }

    /** Sends tombstones: the figures are withdrawn. */
    void withdraw(IndicatorSnapshotKey... keys) {
        List<ProducerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> records = new ArrayList<>();
        for (IndicatorSnapshotKey key : keys) {
            records.add(new ProducerRecord<>(name, key, null));
        }
        send(records);
    }

    /** Sends the figures in a transaction that is then aborted: committed-only readers never see them. */
    void publishAborted(IndicatorSnapshot... figures) {
        Map<String, Object> config = producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name + "-aborted");
        try (KafkaProducer<IndicatorSnapshotKey, IndicatorSnapshot> transactional =
                     new KafkaProducer<>(config, serializer(true), serializer(false))) {
            transactional.initTransactions();
            transactional.beginTransaction();
            for (IndicatorSnapshot figure : figures) {
                transactional.send(new ProducerRecord<>(name, Figures.keyOf(figure), figure));
            }
            transactional.flush();
            transactional.abortTransaction();
        }
    }

    /** Sends raw bytes that are not Confluent's wire format. */
    void publishGarbage(byte[] key, byte[] value) {
        Map<String, Object> config = producerConfig();
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(name, key, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + name, e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        registry.close();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    private <T extends SpecificRecord> SpecificAvroSerializer<T> serializer(boolean isKey) {
        SpecificAvroSerializer<T> serializer = new SpecificAvroSerializer<>();
        serializer.configure(clientConfig(), isKey);
        return serializer;
    }

    private synchronized void send(List<ProducerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> records) {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), serializer(true), serializer(false));
        }
        List<Future<RecordMetadata>> acks = records.stream().map(producer::send).toList();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + name, e);
        }
    }
}
