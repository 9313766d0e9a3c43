package org.casepulse.topology;

import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventValidator;
import org.casepulse.events.FieldLimits;
import org.casepulse.events.Violation;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceChecks;

/**
 * Decodes and validates each input record on its own. A record that cannot be read, or fails
 * validation, is refused with a reason and its source coordinates and goes to the dead-letter
 * topic; processing carries on. Decoding here (rather than in the source's deserializer) keeps
 * every input record accounted for: accepted, or dead-lettered with the reason.
 */
final class EventAdmission implements Processor<String, byte[], String, Admission> {

    private final Deserializer<CaseEvent> deserializer;
    private final ReferenceChecks references;
    private final PipelineMetrics metrics;
    private final RegistryOutage registry;
    private ProcessorContext<String, Admission> context;

    EventAdmission(Deserializer<CaseEvent> deserializer, AreaHierarchy areas, WorkingDayCalendar calendar,
                   PipelineMetrics metrics, RegistryOutage registry) {
        this.deserializer = deserializer;
        this.references = new ReferenceChecks(areas, calendar);
        this.metrics = metrics;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, Admission> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        Violation tooLarge = record.value() == null ? null : FieldLimits.checkRecordSize(record.value().length);
        if (tooLarge != null) {
            refuse(record, tooLarge.code().code(), oversizedField(topic, record), tooLarge.describe(), null);
            return;
        }
        CaseEvent event;
        try {
            event = record.value() == null ? null : deserializer.deserialize(topic, record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            if (RegistryOutage.isTransient(unreadable)) {
                registry.failed(unreadable);
                // Not the record's fault: fail the task so the transaction aborts and the record is
                // read again once the registry is back (see RegistryOutage).
                throw unreadable;
            }
            registry.recovered();
            refuse(record, "undeserializable", null, DeadLetterHeaders.describe(unreadable), unreadable);
            return;
        }
        registry.recovered();
        if (event == null) {
            refuse(record, "empty-value", null, "the record has no value", null);
            return;
        }
        if (record.key() == null || !record.key().equals(event.getCaseId())) {
            refuse(record, "key-not-case-id", "caseId", "the record key must be the event's caseId", null);
            return;
        }
        List<Violation> violations = EventValidator.validate(event);
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            refuse(record, first.code().code(), first.field(), describe(violations), null);
            return;
        }
        Violation unknown = references.check(event).orElse(null);
        if (unknown != null) {
            refuse(record, unknown.code().code(), unknown.field(), unknown.describe(), null);
            return;
        }
        context.forward(record.withValue(Admission.accepted(event, record.value())));
    }

    private void refuse(Record<String, byte[]> record, String reason, String field, String message, Throwable cause) {
        Headers headers = DeadLetterHeaders.of(record.headers(), reason, field, message, context.recordMetadata(), cause);
        metrics.deadLettered(reason);
        context.forward(new Record<>(record.key(), Admission.rejected(record.value()), record.timestamp(), headers));
    }

    /** The first field over its limit in an oversized record, if it can be read at all. */
    private String oversizedField(String topic, Record<String, byte[]> record) {
        try {
            CaseEvent event = deserializer.deserialize(topic, record.headers(), record.value());
            return event == null ? null : FieldLimits.check(event).stream().map(Violation::field).findFirst().orElse(null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(violation.describe());
        }
        return text.toString();
    }
}
