package org.casepulse.topology;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.FieldLimits;
import org.casepulse.events.Violation;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceChecks;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceKeys;
import org.casepulse.workforce.WorkforceValidator;

/**
 * Admits each record of the workforce topic on its own, as {@link EventAdmission} does case
 * events: what cannot be read, is keyed otherwise than {@link WorkforceKeys#recordKey}, fails
 * validation or names an unknown area goes to the dead-letter topic with the reason. An accepted
 * fact leaves keyed by its subject (post or worker), the workforce ledger's key.
 */
final class WorkforceAdmission implements Processor<String, byte[], String, WorkforceAdmission.Outcome> {

    /** The fact, or (null) a refusal; the raw bytes travel with a refusal to the dead-letter topic. */
    record Outcome(WorkforceEvent fact, byte[] raw) {
        boolean isAccepted() {
            return fact != null;
        }
    }

    private final Deserializer<WorkforceEvent> deserializer;
    private final ReferenceChecks references;
    private final PipelineMetrics metrics;
    private final RegistryOutage registry;
    private ProcessorContext<String, Outcome> context;

    WorkforceAdmission(Deserializer<WorkforceEvent> deserializer, AreaHierarchy areas, WorkingDayCalendar calendar,
                       PipelineMetrics metrics, RegistryOutage registry) {
        this.deserializer = deserializer;
        this.references = new ReferenceChecks(areas, calendar);
        this.metrics = metrics;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        Violation tooLarge = record.value() == null ? null : FieldLimits.checkRecordSize(record.value().length);
        if (tooLarge != null) {
            refuse(record, tooLarge.code().code(), null, tooLarge.describe(), null);
            return;
        }
        WorkforceEvent fact;
        try {
            fact = record.value() == null ? null : deserializer.deserialize(topic, record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            if (RegistryOutage.isTransient(unreadable)) {
                registry.failed(unreadable);
                throw unreadable; // read again once the registry is back (see RegistryOutage)
            }
            registry.recovered();
            refuse(record, "undeserializable", null, DeadLetterHeaders.describe(unreadable), unreadable);
            return;
        }
        registry.recovered();
        if (fact == null) {
            refuse(record, "empty-value", null, "the record has no value", null);
            return;
        }
        List<Violation> violations = WorkforceValidator.validate(fact);
        if (!violations.isEmpty()) {
            refuse(record, violations.get(0).code().code(), violations.get(0).field(),
                    violations.stream().map(Violation::describe).collect(Collectors.joining("; ")), null);
            return;
        }
        if (record.key() == null || !record.key().equals(WorkforceKeys.recordKey(fact))) {
            refuse(record, "key-not-subject-and-event-id", "eventId",
                    "the record key must be the fact's subject and eventId (post:<postId>|<eventId> or worker:<workerId>|<eventId>)", null);
            return;
        }
        Violation unknown = references.check(fact).orElse(null);
        if (unknown != null) {
            refuse(record, unknown.code().code(), unknown.field(), unknown.describe(), null);
            return;
        }
        context.forward(new Record<>(WorkforceKeys.subject(fact), new Outcome(fact, record.value()), record.timestamp(),
                record.headers()));
    }

    private void refuse(Record<String, byte[]> record, String reason, String field, String message, Throwable cause) {
        metrics.deadLettered(reason);
        context.forward(new Record<>(record.key(), new Outcome(null, record.value()), record.timestamp(),
                DeadLetterHeaders.of(record.headers(), reason, field, message, context.recordMetadata(), cause)));
    }
}
