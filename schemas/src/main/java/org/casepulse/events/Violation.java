package org.casepulse.events;

import java.util.Objects;

/**
 * One problem found in an event or a line.
 *
 * @param field  the offending field's name, or null when the problem is not about one field
 *               (malformed JSON, a line that is not an object)
 * @param code   machine-readable reason, carried in the dead-letter header
 * @param reason what is wrong, for a human: {@code required for ASSESSMENT_STARTED}
 */
public record Violation(String field, ReasonCode code, String reason) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    /** The problem in one sentence: {@code assessmentId: required for ASSESSMENT_STARTED}. */
    public String describe() {
        return field == null ? reason : field + ": " + reason;
    }
}
