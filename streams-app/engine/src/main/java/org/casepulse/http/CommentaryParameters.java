package org.casepulse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepulse.commentary.CommentaryKind;
import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.commentary.CommentText;

/**
 * Reads and checks the parameters and body of {@code /api/commentary} and {@code /report}: a blank
 * parameter counts as absent; anything that cannot be used is a {@link BadParameterException}
 * naming it (the body's fields are named {@code kind}, {@code text}, or {@code body} itself).
 */
final class CommentaryParameters {
    static final String INDICATOR = "indicator";
    static final String AREA = "area";
    static final String MONTH = "month";
    static final String KIND = "kind";
    static final String HISTORY = "history";
    static final String TEXT = "text";
    static final String BODY = "body";

    private static final Set<String> READ = Set.of(INDICATOR, AREA, MONTH, KIND, HISTORY);
    private static final Set<String> WRITE = Set.of(INDICATOR, AREA, MONTH, KIND);
    private static final Set<String> REPORT = Set.of(AREA, MONTH);
    private static final String KINDS = Arrays.stream(CommentaryKind.values())
            .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));

    private final Map<String, List<String>> parameters;
    private final ReferenceData reference;

    CommentaryParameters(Map<String, List<String>> parameters, ReferenceData reference) {
        this.parameters = parameters;
        this.reference = reference;
    }

    /** What {@code GET /api/commentary} asks for: every parameter optional. */
    record Query(String indicatorId, String areaCode, YearMonth month, CommentaryKind kind, boolean history) {}

    /** The entry a write is about; {@code kind} from the query (DELETE) or the body (POST, PUT). */
    record Target(String indicatorId, String areaCode, YearMonth month) {}

    Query query() {
        allowOnly(READ);
        String history = value(HISTORY);
        if (history != null && !history.equalsIgnoreCase("true") && !history.equalsIgnoreCase("false")) {
            throw new BadParameterException(HISTORY, "history must be true or false, got " + history);
        }
        return new Query(indicator(false), value(AREA) == null ? null : area().code(), month(false),
                value(KIND) == null ? null : kind(value(KIND)), "true".equalsIgnoreCase(history));
    }

    Target target() {
        allowOnly(WRITE);
        return new Target(indicator(true), area().code(), month(true));
    }

    /** The kind of a DELETE, from the query. */
    CommentaryKind queryKind() {
        String kind = value(KIND);
        if (kind == null) {
            throw new BadParameterException(KIND, "kind is required: one of " + KINDS);
        }
        return kind(kind);
    }

    /** The area of {@code /report}: national when absent. */
    Area reportArea() {
        allowOnly(REPORT);
        return value(AREA) == null ? reference.areas().national() : area();
    }

    YearMonth reportMonth() {
        allowOnly(REPORT);
        return month(true);
    }

    /** The body of a POST or PUT: {@code {"kind": "analysis", "text": "..."}}. */
    record Body(CommentaryKind kind, String text) {}

    static Body body(String body, ObjectMapper json, int maxChars) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadParameterException(BODY, "the body must be a JSON object {\"kind\": ..., \"text\": ...}: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadParameterException(BODY, "the body could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadParameterException(BODY, "the body must be a JSON object {\"kind\": ..., \"text\": ...}");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals(KIND) && !name.equals(TEXT)) {
                throw new BadParameterException(BODY, "unknown field " + name + " in the body: use kind and text");
            }
        });
        JsonNode kind = node.get(KIND);
        if (kind == null || !kind.isTextual()) {
            throw new BadParameterException(KIND, "kind is required in the body: one of " + KINDS);
        }
        JsonNode text = node.get(TEXT);
        if (text != null && !text.isTextual()) {
            throw new BadParameterException(TEXT, "text must be a string");
        }
        CommentaryKind parsed = kind(kind.asText());
        try {
            return new Body(parsed, CommentText.validate(text == null ? null : text.asText(), maxChars));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(TEXT, e.getMessage());
        }
    }

    /** A kind by any spelling people use: {@code analysis}, {@code good-practice}, {@code DATA_QUALITY}. */
    static CommentaryKind kind(String name) {
        String normal = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normal.endsWith("_NOTE")) {
            normal = normal.substring(0, normal.length() - "_NOTE".length());
        }
        for (CommentaryKind kind : CommentaryKind.values()) {
            if (kind.name().equals(normal)) {
                return kind;
            }
        }
        throw new BadParameterException(KIND, "kind must be one of " + KINDS + ", got " + name);
    }

    private String indicator(boolean required) {
        String id = value(INDICATOR);
        if (id == null) {
            if (required) {
                throw new BadParameterException(INDICATOR, "indicator is required: an id from /api/indicators");
            }
            return null;
        }
        if (reference.catalogue().find(id).isEmpty()) {
            throw new BadParameterException(INDICATOR, "unknown indicator " + id + ": see /api/indicators for the "
                    + "indicators of catalogue " + reference.catalogue().version());
        }
        return id;
    }

    private Area area() {
        String code = value(AREA);
        if (code == null) {
            throw new BadParameterException(AREA, "area is required: a code from /api/areas");
        }
        return reference.areas().find(code).orElseThrow(() -> new BadParameterException(AREA,
                "unknown area " + code + ": see /api/areas for the areas of hierarchy " + reference.areas().version()));
    }

    private YearMonth month(boolean required) {
        String text = value(MONTH);
        if (text == null) {
            if (required) {
                throw new BadParameterException(MONTH, "month is required, as YYYY-MM (such as 2026-03)");
            }
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(MONTH, "month must be YYYY-MM (such as 2026-03), got " + text);
        }
    }

    private void allowOnly(Set<String> allowed) {
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw new BadParameterException(name, "unknown parameter " + name + ": use "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private String value(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }
}
