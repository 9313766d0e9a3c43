package org.casepulse.topology;

import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Record;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventValidator;
import org.casepulse.events.FieldLimits;
import org.casepulse.events.Violation;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceChecks;

/**
 * Admits each case event on its own: keyed by its caseId, valid for its type (EventValidator),
 * naming a known lowest-level area and a date inside the working-day calendar.
 */
final class EventAdmission extends RecordAdmission<CaseEvent, Admission> {

    private final ReferenceChecks references;

    EventAdmission(Deserializer<CaseEvent> deserializer, AreaHierarchy areas, WorkingDayCalendar calendar,
                   PipelineMetrics metrics, RegistryOutage registry) {
        super(deserializer, metrics, registry);
        this.references = new ReferenceChecks(areas, calendar);
    }

    @Override
    Refusal check(Record<String, byte[]> record, CaseEvent event) {
        if (record.key() == null || !record.key().equals(event.getCaseId())) {
            return new Refusal("key-not-case-id", "caseId", "the record key must be the event's caseId");
        }
        List<Violation> violations = EventValidator.validate(event);
        if (!violations.isEmpty()) {
            return Refusal.of(violations);
        }
        return references.check(event).map(Refusal::of).orElse(null);
    }

    @Override
    Record<String, Admission> accepted(Record<String, byte[]> record, CaseEvent event) {
        return record.withValue(Admission.accepted(event, record.value()));
    }

    @Override
    Admission refused(byte[] raw) {
        return Admission.rejected(raw);
    }

    @Override
    String oversizedField(CaseEvent event) {
        return FieldLimits.check(event).stream().map(Violation::field).findFirst().orElse(null);
    }
}
