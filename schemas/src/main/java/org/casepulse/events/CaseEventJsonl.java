package org.casepulse.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON Lines form of a {@link CaseEvent}: one JSON object per line, with exactly the Avro
 * field names, written in the Avro field order.
 *
 * <pre>{"eventId":"evt-1","revision":0,"type":"ALLOCATION_MADE","caseId":"case-000123","childId":"child-000045","areaCode":"N3","occurredOn":"2026-03-03","recordedAt":"2026-03-03T10:05:00Z","workerId":"worker-0007"}</pre>
 *
 * <ul>
 *   <li>{@code occurredOn} and {@code childDateOfBirth} are {@code YYYY-MM-DD}; {@code recordedAt}
 *       an ISO-8601 instant. On read an offset ({@code +01:00}) is accepted and normalised to
 *       UTC, and precision beyond the millisecond is dropped, as the generated class and the Avro
 *       {@code timestamp-millis} type drop it.</li>
 *   <li>Enums are written as their symbol names; {@code distanceFromHomeMiles} as a JSON number.</li>
 *   <li>A null field is omitted on write; on read, null and omitted mean the same, and an omitted
 *       {@code revision} is 0.</li>
 *   <li>An unknown field name is rejected (a typo must not be silently ignored); a known field that
 *       the event's type does not use is accepted and ignored, see {@link EventValidator}.</li>
 * </ul>
 *
 * Uses Jackson's streaming API only: no trees, no reflection. For files, use {@link JsonlWriter}
 * and {@link JsonlReader}, which keep one generator or reader for the whole file.
 */
public final class CaseEventJsonl {

    /** Thread-safe; it recycles its buffers per thread. No root separator: we end each line ourselves. */
    static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private CaseEventJsonl() {
    }

    /** The event as one JSON object, without a line terminator. */
    public static String toLine(CaseEvent event) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator generator = JSON.createGenerator(line)) {
            writeObject(event, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return line.toString();
    }

    /**
     * Parses and validates one line (without its terminator). Never throws for bad input: every
     * problem comes back as a {@link ParsedLine.LineError}.
     */
    public static ParsedLine parseLine(String line, long lineNumber) {
        return CaseEventLineParser.parse(line, lineNumber);
    }

    /** Writes the event as one JSON object, fields in Avro order, null fields omitted. */
    static void writeObject(CaseEvent event, JsonGenerator out) throws IOException {
        out.writeStartObject();
        writeString(out, CaseEventField.EVENT_ID, event.getEventId());
        out.writeFieldName(CaseEventField.REVISION.serializedName);
        out.writeNumber(event.getRevision());
        writeSymbol(out, CaseEventField.TYPE, event.getType());
        writeString(out, CaseEventField.CASE_ID, event.getCaseId());
        writeString(out, CaseEventField.CHILD_ID, event.getChildId());
        writeString(out, CaseEventField.AREA_CODE, event.getAreaCode());
        if (event.getOccurredOn() != null) {
            writeString(out, CaseEventField.OCCURRED_ON, event.getOccurredOn().toString());
        }
        if (event.getRecordedAt() != null) {
            writeString(out, CaseEventField.RECORDED_AT, event.getRecordedAt().toString());
        }
        writeString(out, CaseEventField.CASE_TYPE, event.getCaseType());
        writeString(out, CaseEventField.ASSESSMENT_ID, event.getAssessmentId());
        writeBoolean(out, CaseEventField.CHILD_SEEN, event.getChildSeen());
        writeString(out, CaseEventField.WORKER_ID, event.getWorkerId());
        writeString(out, CaseEventField.PLAN_ID, event.getPlanId());
        writeSymbol(out, CaseEventField.PLAN_TYPE, event.getPlanType());
        writeString(out, CaseEventField.RETRACTS_EVENT_ID, event.getRetractsEventId());
        if (event.getChildDateOfBirth() != null) {
            writeString(out, CaseEventField.CHILD_DATE_OF_BIRTH, event.getChildDateOfBirth().toString());
        }
        writeBoolean(out, CaseEventField.CHILD_UNBORN, event.getChildUnborn());
        writeBoolean(out, CaseEventField.UNACCOMPANIED_ASYLUM_SEEKING, event.getUnaccompaniedAsylumSeeking());
        writeSymbol(out, CaseEventField.ASSESSMENT_TYPE, event.getAssessmentType());
        writeSymbol(out, CaseEventField.VISIT_TYPE, event.getVisitType());
        writeSymbol(out, CaseEventField.PLAN_END_REASON, event.getPlanEndReason());
        writeSymbol(out, CaseEventField.CLOSURE_REASON, event.getClosureReason());
        writeSymbol(out, CaseEventField.CONFERENCE_TYPE, event.getConferenceType());
        writeSymbol(out, CaseEventField.CONFERENCE_OUTCOME, event.getConferenceOutcome());
        writeString(out, CaseEventField.CONFERENCE_ID, event.getConferenceId());
        writeSymbol(out, CaseEventField.REVIEW_TYPE, event.getReviewType());
        writeBoolean(out, CaseEventField.CHILD_PARTICIPATED, event.getChildParticipated());
        writeString(out, CaseEventField.PLACEMENT_ID, event.getPlacementId());
        writeSymbol(out, CaseEventField.PLACEMENT_TYPE, event.getPlacementType());
        if (event.getDistanceFromHomeMiles() != null) {
            out.writeFieldName(CaseEventField.DISTANCE_FROM_HOME_MILES.serializedName);
            out.writeNumber(event.getDistanceFromHomeMiles());
        }
        writeBoolean(out, CaseEventField.OUT_OF_AREA, event.getOutOfArea());
        writeSymbol(out, CaseEventField.CHECK_TYPE, event.getCheckType());
        writeString(out, CaseEventField.ARRANGEMENT_ID, event.getArrangementId());
        writeSymbol(out, CaseEventField.HEARING_TYPE, event.getHearingType());
        writeSymbol(out, CaseEventField.AGREEMENT, event.getAgreement());
        writeBoolean(out, CaseEventField.REFERRED_FOR_REPORT, event.getReferredForReport());
        writeString(out, CaseEventField.REPORT_ID, event.getReportId());
        writeSymbol(out, CaseEventField.REPORT_TYPE, event.getReportType());
        if (event.getReportDueOn() != null) {
            writeString(out, CaseEventField.REPORT_DUE_ON, event.getReportDueOn().toString());
        }
        writeSymbol(out, CaseEventField.ORDER_TYPE, event.getOrderType());
        writeString(out, CaseEventField.PARTICIPANT_ID, event.getParticipantId());
        writeSymbol(out, CaseEventField.SAFEGUARDING_CHECK, event.getSafeguardingCheck());
        writeBoolean(out, CaseEventField.HARM_INDICATED, event.getHarmIndicated());
        writeString(out, CaseEventField.AUDIT_ID, event.getAuditId());
        writeSymbol(out, CaseEventField.AUDIT_TYPE, event.getAuditType());
        writeSymbol(out, CaseEventField.AUDIT_GRADE, event.getAuditGrade());
        writeBoolean(out, CaseEventField.SATISFIED, event.getSatisfied());
        out.writeEndObject();
    }

    private static void writeString(JsonGenerator out, CaseEventField field, String value) throws IOException {
        if (value != null) {
            out.writeFieldName(field.serializedName);
            out.writeString(value);
        }
    }

    private static void writeBoolean(JsonGenerator out, CaseEventField field, Boolean value) throws IOException {
        if (value != null) {
            out.writeFieldName(field.serializedName);
            out.writeBoolean(value);
        }
    }

    private static void writeSymbol(JsonGenerator out, CaseEventField field, Enum<?> value) throws IOException {
        if (value != null) {
            writeString(out, field, value.name());
        }
    }
}
