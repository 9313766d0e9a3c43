package org.casepulse.topology;

import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Record;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.Violation;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceChecks;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceKeys;
import org.casepulse.workforce.WorkforceValidator;

/**
 * Admits each record of the workforce topic on its own, as {@link EventAdmission} does case
 * events: valid for its type, keyed by {@link WorkforceKeys#recordKey}, naming a known area. An
 * accepted fact leaves keyed by its subject (post or worker), the workforce ledger's key.
 */
final class WorkforceAdmission extends RecordAdmission<WorkforceEvent, WorkforceAdmission.Outcome> {

    /** The fact, or (null) a refusal; the raw bytes travel with a refusal to the dead-letter topic. */
    record Outcome(WorkforceEvent fact, byte[] raw) {
        boolean isAccepted() {
            return fact != null;
        }
    }

    private final ReferenceChecks references;

    WorkforceAdmission(Deserializer<WorkforceEvent> deserializer, AreaHierarchy areas, WorkingDayCalendar calendar,
                       PipelineMetrics metrics, RegistryOutage registry) {
        super(deserializer, metrics, registry);
        this.references = new ReferenceChecks(areas, calendar);
    }

    @Override
    Refusal check(Record<String, byte[]> record, WorkforceEvent fact) {
        List<Violation> violations = WorkforceValidator.validate(fact);
        if (!violations.isEmpty()) {
            return Refusal.of(violations);
        }
        if (record.key() == null || !record.key().equals(WorkforceKeys.recordKey(fact))) {
            return new Refusal("key-not-subject-and-event-id", "eventId", "the record key must be the fact's subject "
                    + "and eventId (post:<postId>|<eventId> or worker:<workerId>|<eventId>)");
        }
        return references.check(fact).map(Refusal::of).orElse(null);
    }

    @Override
    Record<String, Outcome> accepted(Record<String, byte[]> record, WorkforceEvent fact) {
        return new Record<>(WorkforceKeys.subject(fact), new Outcome(fact, record.value()), record.timestamp(),
                record.headers());
    }

    @Override
    Outcome refused(byte[] raw) {
        return new Outcome(null, raw);
    }
}
