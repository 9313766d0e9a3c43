package org.casepulse.simulation;

/** How a malformed record is broken. */
public enum Defect {
    /** A line cut off mid-object: not JSON, not Avro. */
    BAD_JSON,
    /** A required field left out. Still Avro when only a type-specific field is missing. */
    MISSING_FIELD,
    /** A well-formed event naming an area the hierarchy does not have (the engine dead-letters it). */
    UNKNOWN_AREA
}
