package org.casepulse.topology;

import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventValidator;
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
    private ProcessorContext<String, Admission> context;

    EventAdmission(Deserializer<CaseEvent> deserializer, AreaHierarchy areas, WorkingDayCalendar calendar,
                   PipelineMetrics metrics) {
        this.deserializer = deserializer;
        this.references = new ReferenceChecks(areas, calendar);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Admission> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        CaseEvent event;
        try {
            event = record.value() == null ? null : deserializer.deserialize(topic, record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            refuse(record, "undeserializable", null, unreadable.getMessage());
            return;
        }
        if (event == null) {
            refuse(record, "empty-value", null, "the record has no value");
            return;
        }
        if (record.key() == null || !record.key().equals(event.getCaseId())) {
            refuse(record, "key-not-case-id", "caseId", "the record key must be the event's caseId");
            return;
        }
        List<Violation> violations = EventValidator.validate(event);
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            refuse(record, first.code().code(), first.field(), describe(violations));
            return;
        }
        Violation unknown = references.check(event).orElse(null);
        if (unknown != null) {
            refuse(record, unknown.code().code(), unknown.field(), unknown.describe());
            return;
        }
        context.forward(record.withValue(Admission.accepted(event)));
    }

    private void refuse(Record<String, byte[]> record, String reason, String field, String message) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        DeadLetterHeaders.add(headers, DeadLetterHeaders.REASON, reason);
        DeadLetterHeaders.add(headers, DeadLetterHeaders.FIELD, field);
        DeadLetterHeaders.add(headers, DeadLetterHeaders.MESSAGE, message);
        context.recordMetadata().ifPresent(source -> {
            DeadLetterHeaders.add(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
            DeadLetterHeaders.add(headers, DeadLetterHeaders.SOURCE_PARTITION, source.partition());
            DeadLetterHeaders.add(headers, DeadLetterHeaders.SOURCE_OFFSET, source.offset());
        });
        metrics.deadLettered(reason);
        context.forward(new Record<>(record.key(), Admission.rejected(record.value()), record.timestamp(), headers));
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
