package org.casepulse.serde;

import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Confluent's subject name strategies: the registry subject a schema is registered or looked up
 * under when a record is written to a topic. Configured with {@code key.subject.name.strategy} and
 * {@code value.subject.name.strategy}, by Confluent's class name or its simple name.
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} or {@code <topic>-value}: one schema history per topic (the default). */
    TOPIC("io.confluent.kafka.serializers.subject.TopicNameStrategy"),
    /** The record's full name: one history per record type, shared by every topic that carries it. */
    RECORD("io.confluent.kafka.serializers.subject.RecordNameStrategy"),
    /** {@code <topic>-<record full name>}: one history per record type and topic. */
    TOPIC_RECORD("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");

    private final String confluentClass;

    SubjectNameStrategy(String confluentClass) {
        this.confluentClass = confluentClass;
    }

    public String confluentClass() {
        return confluentClass;
    }

    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC -> topic + (isKey ? "-key" : "-value");
            case RECORD -> schema.getFullName();
            case TOPIC_RECORD -> topic + "-" + schema.getFullName();
        };
    }

    /** Confluent's class name ({@code io.confluent...TopicNameStrategy}) or its simple name ({@code TopicNameStrategy}). */
    public static Optional<SubjectNameStrategy> parse(String name) {
        String trimmed = name == null ? "" : name.trim();
        return Arrays.stream(values())
                .filter(strategy -> strategy.confluentClass.equals(trimmed)
                        || strategy.confluentClass.endsWith("." + trimmed))
                .findFirst();
    }
}
