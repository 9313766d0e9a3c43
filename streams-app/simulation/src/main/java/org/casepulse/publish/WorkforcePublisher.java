package org.casepulse.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casepulse.registry.SchemaRegistryClient;
import org.casepulse.registry.SchemaRegistryException;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceKeys;

/**
 * Publishes workforce facts (issue 15) to the workforce topic in the Confluent wire format, keyed
 * as the contract says (subject and eventId, {@link WorkforceKeys}) and timestamped with their
 * recordedAt; the same checks and producer settings as {@link CaseEventPublisher}.
 */
public final class WorkforcePublisher implements AutoCloseable {

    private final PublisherSettings settings;
    private final KafkaProducer<String, byte[]> producer;
    private final SpecificAvroSerializer<WorkforceEvent> serializer;
    private long sent;
    private final java.util.concurrent.atomic.AtomicReference<Exception> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();

    private WorkforcePublisher(PublisherSettings settings, KafkaProducer<String, byte[]> producer,
                               SpecificAvroSerializer<WorkforceEvent> serializer) {
        this.settings = settings;
        this.producer = producer;
        this.serializer = serializer;
    }

    /** Checks Kafka, the topic and the registry, then opens a producer. */
    public static WorkforcePublisher connect(PublisherSettings settings) {
        CaseEventPublisher.requireTopic(settings);
        Map<String, Object> serdeConfig = new HashMap<>(settings.clientConfig());
        serdeConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl());
        SchemaRegistryClient registry = AvroSerdeConfig.from(serdeConfig).newRegistryClient();
        String subject = settings.topic() + "-value";
        try {
            registry.register(subject, WorkforceEvent.getClassSchema());
        } catch (SchemaRegistryException e) {
            throw new PublishException(e.unreachable() ? e.getMessage()
                    : "Schema Registry at " + settings.schemaRegistryUrl() + " refused the WorkforceEvent schema for subject "
                    + subject + ": " + e.registryMessage(), e);
        }
        SpecificAvroSerializer<WorkforceEvent> serializer = new SpecificAvroSerializer<>(registry);
        serializer.configure(serdeConfig, false);
        return new WorkforcePublisher(settings, new KafkaProducer<>(CaseEventPublisher.producerConfig(settings),
                new StringSerializer(), new ByteArraySerializer()), serializer);
    }

    public void send(WorkforceEvent fact) {
        try {
            producer.send(new ProducerRecord<>(settings.topic(), null, fact.getRecordedAt().toEpochMilli(),
                    WorkforceKeys.recordKey(fact), serializer.serialize(settings.topic(), fact)), (metadata, error) -> {
                        if (error != null) {
                            firstFailure.compareAndSet(null, error);
                        }
                    });
            sent++;
        } catch (KafkaException e) {
            throw new PublishException("Kafka at " + settings.bootstrapServers() + " did not take a record for topic "
                    + settings.topic() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until every fact sent is acknowledged; a failure throws with its reason. */
    public void flush() {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new PublishException("Kafka at " + settings.bootstrapServers() + " did not acknowledge every workforce fact (topic "
                    + settings.topic() + "): " + failure.getMessage(), failure);
        }
    }

    public long sent() {
        return sent;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
