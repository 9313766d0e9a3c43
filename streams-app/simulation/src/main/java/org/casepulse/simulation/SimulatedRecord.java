package org.casepulse.simulation;

import java.util.Objects;
import java.util.Optional;
import org.casepulse.events.CaseEvent;

/**
 * One record the simulated case-management systems send, in send order: a case event, or a
 * malformed record that cannot be one. Both are keyed by case id and carry the Kafka record
 * timestamp (the event's recordedAt).
 */
public sealed interface SimulatedRecord permits SimulatedRecord.Good, SimulatedRecord.Bad {

    /** The record key: the case id. */
    String key();

    /** The record timestamp in epoch milliseconds: when the CMS recorded the event. */
    long timestampMillis();

    /**
     * A valid event (amendments, retractions, duplicates, late events and anomalies such as a
     * plan ended before it started are valid events too).
     */
    record Good(CaseEvent event) implements SimulatedRecord {
        public Good {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String key() {
            return event.getCaseId();
        }

        @Override
        public long timestampMillis() {
            return event.getRecordedAt().toEpochMilli();
        }
    }

    /**
     * A malformed record. {@code line} is its JSON Lines form (for a file); {@code event}, when
     * not null, is the same record as a CaseEvent that Avro can still encode (an event missing a
     * type-specific field, or naming an unknown area), so that Kafka receives what a real producer
     * would send; when null, Kafka receives the line's bytes, which no Avro deserializer accepts.
     *
     * <p>{@code line} and {@code event} hold case and child identifiers: keep them out of INFO logs.
     */
    record Bad(Defect defect, String key, String line, CaseEvent event, long timestampMillis)
            implements SimulatedRecord {
        public Bad {
            Objects.requireNonNull(defect, "defect");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(line, "line");
        }

        /** The record as a CaseEvent Avro can encode, if it is one. */
        public Optional<CaseEvent> encodable() {
            return Optional.ofNullable(event);
        }
    }
}
