package org.casepulse.topology;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.casepulse.events.FieldLimits;
import org.casepulse.events.Violation;
import org.casepulse.metrics.PipelineMetrics;

/**
 * Decodes and checks each input record on its own. A record that cannot be read, or fails its
 * checks, is refused with a reason and its source coordinates and goes to the dead-letter topic;
 * processing carries on. Decoding here (rather than in the source's deserializer) keeps every
 * input record accounted for: accepted, or dead-lettered with the reason. What differs between
 * input topics (what a record must satisfy, what an accepted one becomes) is the subclass's.
 *
 * @param <T> what the topic's records decode to
 * @param <O> what leaves admission, accepted or refused
 */
abstract class RecordAdmission<T, O> implements Processor<String, byte[], String, O> {

    /** Why a decoded record is refused. */
    record Refusal(String reason, String field, String message) {

        static Refusal of(Violation violation) {
            return new Refusal(violation.code().code(), violation.field(), violation.describe());
        }

        /** The first violation's reason and field, every violation's description. */
        static Refusal of(List<Violation> violations) {
            return new Refusal(violations.get(0).code().code(), violations.get(0).field(),
                    violations.stream().map(Violation::describe).collect(Collectors.joining("; ")));
        }
    }

    private final Deserializer<T> deserializer;
    private final PipelineMetrics metrics;
    private final RegistryOutage registry;
    private ProcessorContext<String, O> context;

    RecordAdmission(Deserializer<T> deserializer, PipelineMetrics metrics, RegistryOutage registry) {
        this.deserializer = deserializer;
        this.metrics = metrics;
        this.registry = registry;
    }

    /** Why {@code value}, read from {@code record}, cannot be admitted; null if it can. */
    abstract Refusal check(Record<String, byte[]> record, T value);

    /** What an admitted record becomes. */
    abstract Record<String, O> accepted(Record<String, byte[]> record, T value);

    /** What a refused record becomes: its original bytes, for the dead-letter topic. */
    abstract O refused(byte[] raw);

    /** The first field over its limit in a decoded oversized record, if the topic knows its fields. */
    String oversizedField(T value) {
        return null;
    }

    @Override
    public final void init(ProcessorContext<String, O> context) {
        this.context = context;
    }

    @Override
    public final void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        Violation tooLarge = record.value() == null ? null : FieldLimits.checkRecordSize(record.value().length);
        if (tooLarge != null) {
            refuse(record, new Refusal(tooLarge.code().code(), oversizedField(topic, record), tooLarge.describe()), null);
            return;
        }
        T value;
        try {
            value = record.value() == null ? null : deserializer.deserialize(topic, record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            if (RegistryOutage.isTransient(unreadable)) {
                registry.failed(unreadable);
                // Not the record's fault: fail the task so the transaction aborts and the record is
                // read again once the registry is back (see RegistryOutage).
                throw unreadable;
            }
            registry.recovered();
            refuse(record, new Refusal("undeserializable", null, DeadLetterHeaders.describe(unreadable)), unreadable);
            return;
        }
        registry.recovered();
        if (value == null) {
            refuse(record, new Refusal("empty-value", null, "the record has no value"), null);
            return;
        }
        Refusal refusal = check(record, value);
        if (refusal != null) {
            refuse(record, refusal, null);
            return;
        }
        context.forward(accepted(record, value));
    }

    private void refuse(Record<String, byte[]> record, Refusal refusal, Throwable cause) {
        metrics.deadLettered(refusal.reason());
        context.forward(new Record<>(record.key(), refused(record.value()), record.timestamp(), DeadLetterHeaders.of(
                record.headers(), refusal.reason(), refusal.field(), refusal.message(), context.recordMetadata(), cause)));
    }

    private String oversizedField(String topic, Record<String, byte[]> record) {
        try {
            T value = deserializer.deserialize(topic, record.headers(), record.value());
            return value == null ? null : oversizedField(value);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
