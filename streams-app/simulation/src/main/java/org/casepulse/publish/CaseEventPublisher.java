package org.casepulse.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casepulse.events.CaseEvent;
import org.casepulse.registry.SchemaRegistryClient;
import org.casepulse.registry.SchemaRegistryException;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.simulation.SimulatedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends case events to Kafka as a case-management system would: keyed by case id (so each case's
 * events stay in order on one partition), record timestamp = recordedAt, value in Confluent's Avro
 * wire format via the Schema Registry. It also sends malformed records, as the bytes a faulty
 * producer would send, so that the engine's dead-letter path can be exercised.
 *
 * <p>{@link #connect} checks first that Kafka answers, that the topic exists and that the registry
 * takes the schema, and otherwise fails with one line naming the address. Sends are asynchronous;
 * {@link #flush()} waits for them and reports any that failed. Thread-safe.
 */
public final class CaseEventPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaseEventPublisher.class);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final PublisherSettings settings;
    private final KafkaProducer<String, byte[]> producer;
    private final SpecificAvroSerializer<CaseEvent> serializer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    private CaseEventPublisher(PublisherSettings settings, KafkaProducer<String, byte[]> producer,
                               SpecificAvroSerializer<CaseEvent> serializer) {
        this.settings = settings;
        this.producer = producer;
        this.serializer = serializer;
    }

    /** Connects to the default topic with the default timeout. */
    public static CaseEventPublisher connect(String bootstrapServers, String schemaRegistryUrl) {
        return connect(PublisherSettings.of(bootstrapServers, schemaRegistryUrl));
    }

    /**
     * Checks Kafka, the topic and the registry, then opens a producer.
     *
     * @throws PublishException naming the address that failed
     */
    public static CaseEventPublisher connect(PublisherSettings settings) {
        requireTopic(settings);
        Map<String, Object> serdeConfig = new HashMap<>(settings.clientConfig());
        serdeConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl());
        SchemaRegistryClient registry = AvroSerdeConfig.from(serdeConfig).newRegistryClient();
        String subject = settings.topic() + "-value";
        try {
            registry.register(subject, CaseEvent.getClassSchema());
        } catch (SchemaRegistryException e) {
            throw new PublishException(e.unreachable() ? e.getMessage()
                    : "Schema Registry at " + settings.schemaRegistryUrl() + " refused the CaseEvent schema for subject "
                    + subject + ": " + e.registryMessage(), e);
        }
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>(registry);
        serializer.configure(serdeConfig, false);
        return new CaseEventPublisher(settings, new KafkaProducer<>(producerConfig(settings),
                new StringSerializer(), new ByteArraySerializer()), serializer);
    }

    /** Sends a good event as Avro, or a malformed record as the bytes a faulty producer would send. */
    public void send(SimulatedRecord record) {
        if (record instanceof SimulatedRecord.Good good) {
            send(good.event());
        } else if (record instanceof SimulatedRecord.Bad bad) {
            byte[] value = bad.encodable()
                    .map(event -> serializer.serialize(settings.topic(), event))
                    .orElseGet(() -> bad.line().getBytes(StandardCharsets.UTF_8));
            sendRaw(bad.key(), value, bad.timestampMillis());
        }
    }

    /** Sends the event keyed by its case id, timestamped with its recordedAt. */
    public void send(CaseEvent event) {
        sendRaw(event.getCaseId(), serializer.serialize(settings.topic(), event), event.getRecordedAt().toEpochMilli());
    }

    /** Sends bytes as they are. */
    public void sendRaw(String key, byte[] value, long timestampMillis) {
        try {
            producer.send(new ProducerRecord<>(settings.topic(), null, timestampMillis, key, value), (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    long failures = failed.incrementAndGet();
                    firstFailure.compareAndSet(null, error);
                    // A feed that never flushes (the local demo's) would otherwise lose records unseen.
                    if (Long.bitCount(failures) == 1) {
                        LOG.warn("{} record(s) not acknowledged by Kafka (topic {}) so far; latest: {}",
                                failures, settings.topic(), error.toString());
                    }
                }
            });
            sent.incrementAndGet();
        } catch (KafkaException e) {
            throw new PublishException("Kafka at " + settings.bootstrapServers() + " did not take a record for topic "
                    + settings.topic() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until every record sent so far is acknowledged or failed.
     *
     * @throws PublishException when any record failed, with the first failure's reason
     */
    public void flush() {
        producer.flush();
        long failures = failed.get();
        if (failures > 0) {
            Exception first = firstFailure.get();
            throw new PublishException(failures + " of " + sent.get() + " records were not acknowledged by Kafka at "
                    + settings.bootstrapServers() + " (topic " + settings.topic() + "): " + first.getMessage(), first);
        }
    }

    /** Records handed to the producer. */
    public long sent() {
        return sent.get();
    }

    /** Records Kafka has acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Records Kafka refused or that timed out. */
    public long failed() {
        return failed.get();
    }

    public PublisherSettings settings() {
        return settings;
    }

    /** Sends what is buffered (waiting up to 10 s) and closes the producer. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    static Map<String, Object> producerConfig(PublisherSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "casepulse-publisher");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Backfills send hundreds of thousands of small records: batch and compress them.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeout().toMillis());
        settings.clientConfig().forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }

    /** Kafka answers and the topic exists, or a PublishException says which not. */
    static void requireTopic(PublisherSettings settings) {
        Map<String, Object> config = new HashMap<>();
        settings.clientConfig().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        int timeoutMs = Math.toIntExact(settings.timeout().toMillis());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "casepulse-publisher-check");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        String kafka = "Kafka at " + settings.bootstrapServers();
        String unreachable = kafka + " did not answer within " + settings.timeout().toSeconds()
                + " s (is it running, and is the address right?)";
        Admin admin = null;
        try {
            admin = Admin.create(config);
            admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            admin.describeTopics(List.of(settings.topic())).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PublishException(unreachable, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new PublishException(unreachable, e.getCause());
            }
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new PublishException(kafka + " has no topic " + settings.topic()
                        + " (start Casepulse once to create its topics, or create it)", e.getCause());
            }
            throw new PublishException(kafka + " cannot be used: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while connecting to " + kafka, e);
        } catch (KafkaException e) {
            throw new PublishException(kafka + " cannot be used: " + e.getMessage(), e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }
}
