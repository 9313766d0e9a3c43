package org.casepulse.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads one JSON Lines line into a {@link CaseEvent} with Jackson's streaming parser. Stops at the
 * first structural problem; a structurally sound event then goes through {@link EventValidator},
 * whose violations (missing required fields among them) are all reported.
 */
final class CaseEventLineParser {

    /** UNKNOWN is left out: it is what a newer type reads as in Avro, never a value to send. */
    private static final Map<String, EventType> EVENT_TYPES = symbols(Arrays.stream(EventType.values())
            .filter(type -> type != EventType.UNKNOWN).toArray(EventType[]::new));
    private static final Map<String, PlanType> PLAN_TYPES = symbols(PlanType.values());
    private static final Map<String, AssessmentType> ASSESSMENT_TYPES = symbols(AssessmentType.values());
    private static final Map<String, VisitType> VISIT_TYPES = symbols(VisitType.values());
    private static final Map<String, PlanEndReason> PLAN_END_REASONS = symbols(PlanEndReason.values());
    private static final Map<String, ClosureReason> CLOSURE_REASONS = symbols(ClosureReason.values());
    private static final Map<String, ConferenceType> CONFERENCE_TYPES = symbols(ConferenceType.values());
    private static final Map<String, ConferenceOutcome> CONFERENCE_OUTCOMES = symbols(ConferenceOutcome.values());
    private static final Map<String, ReviewType> REVIEW_TYPES = symbols(ReviewType.values());
    private static final Map<String, PlacementType> PLACEMENT_TYPES = symbols(PlacementType.values());
    private static final Map<String, CheckType> CHECK_TYPES = symbols(CheckType.values());
    private static final Map<String, HearingType> HEARING_TYPES = symbols(HearingType.values());
    private static final Map<String, Agreement> AGREEMENTS = symbols(Agreement.values());
    private static final Map<String, ReportType> REPORT_TYPES = symbols(ReportType.values());
    private static final Map<String, OrderType> ORDER_TYPES = symbols(OrderType.values());
    private static final Map<String, SafeguardingCheckType> SAFEGUARDING_CHECKS = symbols(SafeguardingCheckType.values());
    private static final Map<String, AuditType> AUDIT_TYPES = symbols(AuditType.values());
    private static final Map<String, AuditGrade> AUDIT_GRADES = symbols(AuditGrade.values());
    /** Values echoed in messages are cut to this length: messages travel in dead-letter headers. */
    private static final int ECHO_LIMIT = 40;

    private CaseEventLineParser() {
    }

    static ParsedLine parse(String line, long lineNumber) {
        if (line.isBlank()) {
            return rejected(lineNumber, line, List.of(
                    new Violation(null, ReasonCode.MALFORMED_JSON, "blank line: expected a JSON object")));
        }
        try (JsonParser parser = CaseEventJsonl.JSON.createParser(line)) {
            CaseEvent event = readEvent(parser);
            List<Violation> violations = EventValidator.validate(event);
            return violations.isEmpty()
                    ? new ParsedLine.Event(lineNumber, event)
                    : rejected(lineNumber, line, violations);
        } catch (LineRejected e) {
            return rejected(lineNumber, line, List.of(e.violation));
        } catch (JsonProcessingException e) {
            return rejected(lineNumber, line, List.of(malformed(e)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string in memory cannot fail", e);
        }
    }

    private static CaseEvent readEvent(JsonParser parser) throws IOException, LineRejected {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new LineRejected(null, ReasonCode.NOT_AN_OBJECT, "expected a JSON object, got " + describe(first));
        }
        CaseEvent event = new CaseEvent();
        EnumSet<CaseEventField> seen = EnumSet.noneOf(CaseEventField.class);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            CaseEventField field = CaseEventField.byName(name);
            if (field == null) {
                throw new LineRejected(name, ReasonCode.UNKNOWN_FIELD,
                        "unknown field; the fields are " + CaseEventField.allNames());
            }
            if (!seen.add(field)) {
                throw new LineRejected(name, ReasonCode.DUPLICATE_FIELD, "appears more than once");
            }
            JsonToken value = parser.nextToken();
            if (value != JsonToken.VALUE_NULL) {
                readValue(parser, field, value, event);
            }
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new LineRejected(null, ReasonCode.MALFORMED_JSON,
                    "unexpected content after the object" + atColumn(parser.currentTokenLocation()));
        }
        return event;
    }

    private static void readValue(JsonParser parser, CaseEventField field, JsonToken value, CaseEvent event)
            throws IOException, LineRejected {
        switch (field) {
            case EVENT_ID -> event.setEventId(text(parser, field, value));
            case REVISION -> event.setRevision(integer(parser, field, value));
            case TYPE -> event.setType(symbol(EVENT_TYPES, field, text(parser, field, value)));
            case CASE_ID -> event.setCaseId(text(parser, field, value));
            case CHILD_ID -> event.setChildId(text(parser, field, value));
            case AREA_CODE -> event.setAreaCode(text(parser, field, value));
            case OCCURRED_ON -> event.setOccurredOn(date(field, text(parser, field, value)));
            case RECORDED_AT -> event.setRecordedAt(instant(field, text(parser, field, value)));
            case CASE_TYPE -> event.setCaseType(text(parser, field, value));
            case ASSESSMENT_ID -> event.setAssessmentId(text(parser, field, value));
            case CHILD_SEEN -> event.setChildSeen(bool(field, value));
            case WORKER_ID -> event.setWorkerId(text(parser, field, value));
            case PLAN_ID -> event.setPlanId(text(parser, field, value));
            case PLAN_TYPE -> event.setPlanType(symbol(PLAN_TYPES, field, text(parser, field, value)));
            case RETRACTS_EVENT_ID -> event.setRetractsEventId(text(parser, field, value));
            case CHILD_DATE_OF_BIRTH -> event.setChildDateOfBirth(date(field, text(parser, field, value)));
            case CHILD_UNBORN -> event.setChildUnborn(bool(field, value));
            case UNACCOMPANIED_ASYLUM_SEEKING -> event.setUnaccompaniedAsylumSeeking(bool(field, value));
            case ASSESSMENT_TYPE -> event.setAssessmentType(symbol(ASSESSMENT_TYPES, field, text(parser, field, value)));
            case VISIT_TYPE -> event.setVisitType(symbol(VISIT_TYPES, field, text(parser, field, value)));
            case PLAN_END_REASON -> event.setPlanEndReason(symbol(PLAN_END_REASONS, field, text(parser, field, value)));
            case CLOSURE_REASON -> event.setClosureReason(symbol(CLOSURE_REASONS, field, text(parser, field, value)));
            case CONFERENCE_TYPE -> event.setConferenceType(symbol(CONFERENCE_TYPES, field, text(parser, field, value)));
            case CONFERENCE_OUTCOME ->
                    event.setConferenceOutcome(symbol(CONFERENCE_OUTCOMES, field, text(parser, field, value)));
            case CONFERENCE_ID -> event.setConferenceId(text(parser, field, value));
            case REVIEW_TYPE -> event.setReviewType(symbol(REVIEW_TYPES, field, text(parser, field, value)));
            case CHILD_PARTICIPATED -> event.setChildParticipated(bool(field, value));
            case PLACEMENT_ID -> event.setPlacementId(text(parser, field, value));
            case PLACEMENT_TYPE -> event.setPlacementType(symbol(PLACEMENT_TYPES, field, text(parser, field, value)));
            case DISTANCE_FROM_HOME_MILES -> event.setDistanceFromHomeMiles(decimal(parser, field, value));
            case OUT_OF_AREA -> event.setOutOfArea(bool(field, value));
            case CHECK_TYPE -> event.setCheckType(symbol(CHECK_TYPES, field, text(parser, field, value)));
            case ARRANGEMENT_ID -> event.setArrangementId(text(parser, field, value));
            case HEARING_TYPE -> event.setHearingType(symbol(HEARING_TYPES, field, text(parser, field, value)));
            case AGREEMENT -> event.setAgreement(symbol(AGREEMENTS, field, text(parser, field, value)));
            case REFERRED_FOR_REPORT -> event.setReferredForReport(bool(field, value));
            case REPORT_ID -> event.setReportId(text(parser, field, value));
            case REPORT_TYPE -> event.setReportType(symbol(REPORT_TYPES, field, text(parser, field, value)));
            case REPORT_DUE_ON -> event.setReportDueOn(date(field, text(parser, field, value)));
            case ORDER_TYPE -> event.setOrderType(symbol(ORDER_TYPES, field, text(parser, field, value)));
            case PARTICIPANT_ID -> event.setParticipantId(text(parser, field, value));
            case SAFEGUARDING_CHECK ->
                    event.setSafeguardingCheck(symbol(SAFEGUARDING_CHECKS, field, text(parser, field, value)));
            case HARM_INDICATED -> event.setHarmIndicated(bool(field, value));
            case AUDIT_ID -> event.setAuditId(text(parser, field, value));
            case AUDIT_TYPE -> event.setAuditType(symbol(AUDIT_TYPES, field, text(parser, field, value)));
            case AUDIT_GRADE -> event.setAuditGrade(symbol(AUDIT_GRADES, field, text(parser, field, value)));
            case SATISFIED -> event.setSatisfied(bool(field, value));
        }
    }

    private static String text(JsonParser parser, CaseEventField field, JsonToken value)
            throws IOException, LineRejected {
        if (value != JsonToken.VALUE_STRING) {
            throw wrongType(field, "a string", value);
        }
        return parser.getText();
    }

    private static int integer(JsonParser parser, CaseEventField field, JsonToken value)
            throws IOException, LineRejected {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(field, "an integer", value);
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw new LineRejected(field.jsonName, ReasonCode.INVALID_VALUE,
                    "out of range for a 32-bit integer: " + echo(parser.getText()));
        }
        return parser.getIntValue();
    }

    private static double decimal(JsonParser parser, CaseEventField field, JsonToken value)
            throws IOException, LineRejected {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongType(field, "a number", value);
        }
        double number = parser.getDoubleValue();
        if (!Double.isFinite(number)) {
            throw new LineRejected(field.jsonName, ReasonCode.INVALID_VALUE,
                    "out of range for a double: " + echo(parser.getText()));
        }
        return number;
    }

    private static Boolean bool(CaseEventField field, JsonToken value) throws LineRejected {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw wrongType(field, "true or false", value);
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private static <E extends Enum<E>> E symbol(Map<String, E> symbols, CaseEventField field, String name)
            throws LineRejected {
        E symbol = symbols.get(name);
        if (symbol == null) {
            throw new LineRejected(field.jsonName, ReasonCode.UNKNOWN_ENUM_VALUE,
                    "unknown value " + echo(name) + "; allowed: " + String.join(", ", symbols.keySet()));
        }
        return symbol;
    }

    private static LocalDate date(CaseEventField field, String text) throws LineRejected {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            // A date of birth is personal data: the message travels in headers and logs, so it is not echoed.
            String got = field == CaseEventField.CHILD_DATE_OF_BIRTH ? "" : ", got " + echo(text);
            throw new LineRejected(field.jsonName, ReasonCode.INVALID_FORMAT, "expected a date YYYY-MM-DD" + got);
        }
    }

    private static Instant instant(CaseEventField field, String text) throws LineRejected {
        Instant parsed;
        try {
            parsed = Instant.parse(text); // accepts Z or an offset such as +01:00, and normalises to UTC
        } catch (DateTimeParseException e) {
            throw new LineRejected(field.jsonName, ReasonCode.INVALID_FORMAT,
                    "expected an ISO-8601 instant such as 2026-03-02T09:15:00Z, got " + echo(text));
        }
        try {
            parsed.toEpochMilli(); // timestamp-millis cannot hold it: reject here, not in the Avro serialiser
        } catch (ArithmeticException e) {
            throw new LineRejected(field.jsonName, ReasonCode.INVALID_VALUE,
                    "outside the range of a millisecond timestamp: " + echo(text));
        }
        return parsed;
    }

    private static LineRejected wrongType(CaseEventField field, String expected, JsonToken actual) {
        return new LineRejected(field.jsonName, ReasonCode.WRONG_TYPE,
                "expected " + expected + ", got " + describe(actual));
    }

    private static Violation malformed(JsonProcessingException e) {
        return new Violation(null, ReasonCode.MALFORMED_JSON,
                "malformed JSON" + atColumn(e.getLocation()) + ": " + e.getOriginalMessage());
    }

    private static String atColumn(JsonLocation location) {
        return location == null || location.getColumnNr() < 0 ? "" : " at column " + location.getColumnNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /**
     * The value as it appeared, quoted and cut short. Used only for event dates, enums and numbers,
     * never ids or dates of birth.
     */
    private static String echo(String value) {
        String shown = value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "...";
        return '"' + shown + '"';
    }

    private static ParsedLine.LineError rejected(long lineNumber, String line, List<Violation> violations) {
        return new ParsedLine.LineError(lineNumber, line, violations);
    }

    private static <E extends Enum<E>> Map<String, E> symbols(E[] values) {
        // Insertion-ordered, so that "allowed:" lists the symbols in schema order.
        return Arrays.stream(values).collect(Collectors.toMap(
                Enum::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** A structural problem; thrown to leave the token loop at once. Carries no stack trace. */
    private static final class LineRejected extends Exception {
        private final transient Violation violation;

        LineRejected(String field, ReasonCode code, String reason) {
            super(null, null, false, false);
            this.violation = new Violation(field, code, reason);
        }
    }
}
