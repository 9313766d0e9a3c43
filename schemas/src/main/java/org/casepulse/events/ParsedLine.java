package org.casepulse.events;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What one line of a JSON Lines file holds: a valid event, or the reasons it was rejected. */
public sealed interface ParsedLine permits ParsedLine.Event, ParsedLine.LineError {

    /** The line's number in its file, counting from 1 and including blank lines. */
    long lineNumber();

    /** A line that parsed and passed {@link EventValidator}. */
    record Event(long lineNumber, CaseEvent event) implements ParsedLine {
        public Event {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A rejected line. {@code violations} holds either the first structural problem (malformed
     * JSON, unknown field, wrong JSON type, bad date...) alone, or, when the line was a
     * well-formed event, every {@link EventValidator} violation.
     *
     * <p>{@code rawLine} holds case, child and worker identifiers: keep it out of INFO logs.
     */
    record LineError(long lineNumber, String rawLine, List<Violation> violations) implements ParsedLine {
        public LineError {
            Objects.requireNonNull(rawLine, "rawLine");
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejected line needs at least one violation");
            }
        }

        /** The field of the first violation, or null when it is not about one field. */
        public String field() {
            return violations.get(0).field();
        }

        /** The code of the first violation: the one a dead-letter header carries. */
        public ReasonCode reason() {
            return violations.get(0).code();
        }

        /** Every violation in one line: {@code line 12: assessmentId: required for ASSESSMENT_STARTED}. */
        public String message() {
            return violations.stream()
                    .map(Violation::describe)
                    .collect(Collectors.joining("; ", "line " + lineNumber + ": ", ""));
        }
    }
}
