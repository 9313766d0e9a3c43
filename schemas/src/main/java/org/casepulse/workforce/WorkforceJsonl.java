package org.casepulse.workforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.casepulse.events.ReasonCode;
import org.casepulse.events.Violation;

/**
 * The JSON Lines form of a {@link WorkforceEvent}, with the conventions of the case-event extract:
 * exactly the Avro field names, dates {@code YYYY-MM-DD}, {@code recordedAt} an ISO-8601 instant
 * (an offset is converted to UTC), enums by name, {@code fte} a JSON number; null and omitted are
 * the same, an omitted {@code revision} is 0, an unknown or repeated field name rejects the line.
 * Driven by the Avro schema, so a field appended to the schema is read and written here too.
 */
public final class WorkforceJsonl {

    private static final Schema SCHEMA = WorkforceEvent.getClassSchema();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final String ALL_NAMES = SCHEMA.getFields().stream().map(Schema.Field::name).collect(Collectors.joining(", "));
    private static final int ECHO_LIMIT = 40;

    private WorkforceJsonl() {
    }

    /** One line: a valid fact, or every reason it is not. */
    public sealed interface Line permits Line.Fact, Line.Error {
        long lineNumber();

        record Fact(long lineNumber, WorkforceEvent event) implements Line {
        }

        /** {@code rawLine} holds worker identifiers: keep it out of INFO logs. */
        record Error(long lineNumber, String rawLine, List<Violation> violations) implements Line {
            public String message() {
                return violations.stream().map(Violation::describe)
                        .collect(Collectors.joining("; ", "line " + lineNumber + ": ", ""));
            }
        }
    }

    /** Whether a line looks like a workforce fact rather than a case event (replay's detection by content). */
    public static boolean looksLikeWorkforce(String line) {
        return line.contains("\"effectiveOn\"") && !line.contains("\"caseId\"");
    }

    public static Line parse(String line, long lineNumber) {
        JsonNode tree;
        try {
            tree = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            ReasonCode code = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? ReasonCode.DUPLICATE_FIELD : ReasonCode.MALFORMED_JSON;
            return error(lineNumber, line, new Violation(null, code, "malformed JSON: " + e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode object)) {
            return error(lineNumber, line, new Violation(null, ReasonCode.NOT_AN_OBJECT, "expected a JSON object"));
        }
        WorkforceEvent event = new WorkforceEvent();
        event.setRevision(0);
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            Schema.Field field = SCHEMA.getField(entry.getKey());
            if (field == null) {
                return error(lineNumber, line, new Violation(entry.getKey(), ReasonCode.UNKNOWN_FIELD,
                        "unknown field; the fields are " + ALL_NAMES));
            }
            if (entry.getValue().isNull()) {
                continue;
            }
            try {
                event.put(field.pos(), read(field.name(), nonNull(field.schema()), entry.getValue()));
            } catch (Rejected rejected) {
                return error(lineNumber, line, rejected.violation);
            }
        }
        List<Violation> violations = WorkforceValidator.validate(event);
        return violations.isEmpty() ? new Line.Fact(lineNumber, event) : new Line.Error(lineNumber, line, violations);
    }

    /** The fact as one JSON object in the schema's field order, nulls left out, no line terminator. */
    public static String toLine(WorkforceEvent event) {
        ObjectNode object = JSON.createObjectNode();
        for (Schema.Field field : SCHEMA.getFields()) {
            Object value = event.get(field.pos());
            if (value == null) {
                continue;
            }
            if (value instanceof Integer number) {
                object.put(field.name(), number);
            } else if (value instanceof Double number) {
                object.put(field.name(), number);
            } else if (value instanceof Boolean flag) {
                object.put(field.name(), flag);
            } else if (value instanceof Enum<?> symbol) {
                object.put(field.name(), symbol.name());
            } else {
                object.put(field.name(), value.toString()); // strings, dates (YYYY-MM-DD), instants (ISO-8601)
            }
        }
        return object.toString();
    }

    private static Object read(String name, Schema schema, JsonNode value) throws Rejected {
        String logical = schema.getLogicalType() == null ? null : schema.getLogicalType().getName();
        if ("date".equals(logical)) {
            String text = text(name, value);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new Rejected(name, ReasonCode.INVALID_FORMAT, "expected a date YYYY-MM-DD, got " + echo(text));
            }
        }
        if ("timestamp-millis".equals(logical)) {
            String text = text(name, value);
            try {
                Instant instant = Instant.parse(text);
                return Instant.ofEpochMilli(instant.toEpochMilli());
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new Rejected(name, ReasonCode.INVALID_FORMAT,
                        "expected an ISO-8601 instant such as 2026-03-02T09:15:00Z, got " + echo(text));
            }
        }
        return switch (schema.getType()) {
            case STRING -> text(name, value);
            case INT -> {
                if (!value.isInt()) {
                    throw new Rejected(name, ReasonCode.WRONG_TYPE, "expected an integer");
                }
                yield value.intValue();
            }
            case DOUBLE -> {
                if (!value.isNumber()) {
                    throw new Rejected(name, ReasonCode.WRONG_TYPE, "expected a number");
                }
                yield value.doubleValue();
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw new Rejected(name, ReasonCode.WRONG_TYPE, "expected true or false");
                }
                yield value.booleanValue();
            }
            case ENUM -> symbol(name, schema, text(name, value));
            default -> throw new IllegalStateException("no JSON form for the schema type " + schema.getType());
        };
    }

    private static Object symbol(String name, Schema schema, String text) throws Rejected {
        List<String> allowed = new ArrayList<>(schema.getEnumSymbols());
        if (name.equals("type")) {
            allowed.remove(WorkforceEventType.UNKNOWN.name()); // what a newer type reads as, never a value to send
        }
        if (!allowed.contains(text)) {
            throw new Rejected(name, ReasonCode.UNKNOWN_ENUM_VALUE,
                    "unknown value " + echo(text) + "; allowed: " + String.join(", ", allowed));
        }
        return org.apache.avro.specific.SpecificData.get().createEnum(text, schema);
    }

    private static String text(String name, JsonNode value) throws Rejected {
        if (!value.isTextual()) {
            throw new Rejected(name, ReasonCode.WRONG_TYPE, "expected a string");
        }
        return value.textValue();
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }

    private static String echo(String value) {
        return '"' + (value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "...") + '"';
    }

    private static Line.Error error(long lineNumber, String line, Violation violation) {
        return new Line.Error(lineNumber, line, List.of(violation));
    }

    /** A field that cannot be read; leaves the field loop at once. */
    private static final class Rejected extends Exception {
        private final transient Violation violation;

        Rejected(String field, ReasonCode code, String reason) {
            super(null, null, false, false);
            this.violation = new Violation(field, code, reason);
        }
    }

}
