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

    private static final Map<String, EventType> EVENT_TYPES = symbols(EventType.values());
    private static final Map<String, PlanType> PLAN_TYPES = symbols(PlanType.values());
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
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            CaseEventField field = CaseEventField.byName(name);
            if (field == null) {
                throw new LineRejected(name, ReasonCode.UNKNOWN_FIELD,
                        "unknown field; the fields are " + CaseEventField.allNames());
            }
            int bit = 1 << field.ordinal();
            if ((seen & bit) != 0) {
                throw new LineRejected(name, ReasonCode.DUPLICATE_FIELD, "appears more than once");
            }
            seen |= bit;
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
            throw new LineRejected(field.jsonName, ReasonCode.INVALID_FORMAT,
                    "expected a date YYYY-MM-DD, got " + echo(text));
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

    /** The value as it appeared, quoted and cut short. Used only for dates, enums and numbers, never ids. */
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
