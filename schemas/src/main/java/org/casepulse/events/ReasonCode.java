package org.casepulse.events;

/**
 * Why an event or a JSON Lines line was rejected, as a short stable code. The dead-letter topic
 * carries {@link #code()} in a header, so these strings are part of the contract: add codes, never
 * rename them.
 */
public enum ReasonCode {
    /** A field the event (or its type) requires is absent or null. */
    MISSING_FIELD("missing-field"),
    /** A field is present with the right JSON type but a value the contract forbids (blank id, negative revision). */
    INVALID_VALUE("invalid-value"),
    /** The line is not well-formed JSON. */
    MALFORMED_JSON("malformed-json"),
    /** The line is well-formed JSON but not an object. */
    NOT_AN_OBJECT("not-an-object"),
    /** A field has the wrong JSON type (a number where a string belongs). */
    WRONG_TYPE("wrong-type"),
    /** An enum field names a symbol the schema does not have. */
    UNKNOWN_ENUM_VALUE("unknown-enum-value"),
    /** A date or instant is not in the ISO-8601 form the contract specifies. */
    INVALID_FORMAT("invalid-format"),
    /** A field name the contract does not define: usually a typo, which must not pass silently. */
    UNKNOWN_FIELD("unknown-field"),
    /** A field appears twice in one object, which would make its value ambiguous. */
    DUPLICATE_FIELD("duplicate-field"),
    /** The area code is not in the area hierarchy (checked against reference data, by the engine and replay). */
    UNKNOWN_AREA("unknown-area"),
    /** The area is in the hierarchy but is not a lowest-level area (team or service area). */
    NOT_LOWEST_AREA("not-lowest-area"),
    /** The date lies outside the years the working-day calendar covers. */
    OUTSIDE_CALENDAR("outside-calendar"),
    /**
     * The event's type is newer than this release: a record written with a later version of the
     * contract, whose type this reader decodes as {@link EventType#UNKNOWN}. Dead-lettered to be
     * replayed after an upgrade, never guessed at.
     */
    UNSUPPORTED_TYPE("unsupported-type"),
    /** A text field is longer than {@link FieldLimits} allows (ids 128 characters, codes 64). */
    FIELD_TOO_LONG("field-too-long"),
    /** The whole record is larger than {@link FieldLimits#MAX_RECORD_BYTES}: no valid event is. */
    RECORD_TOO_LARGE("record-too-large");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    /** The machine-readable form, for example {@code missing-field}. */
    public String code() {
        return code;
    }
}
