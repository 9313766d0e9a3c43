package org.casepulse.topics;

/**
 * The topics Casepulse reads and writes. Names say what flows in them and carry a version, so a
 * change of format is a new topic, not a surprise for consumers.
 */
public record Topics(String caseEvents, String snapshots, String deadLetters, String commentary, String workforce) {

    public static final String CASE_EVENTS = "casepulse.case-events.v1";
    public static final String SNAPSHOTS = "casepulse.indicator-snapshots.v1";
    public static final String DEAD_LETTERS = "casepulse.dead-letters.v1";
    /** Managers' commentary and data-quality notes, every version (compacted: a version per key). */
    public static final String COMMENTARY = "casepulse.commentary.v1";
    /** Establishment and staff facts from HR (compacted: a fact per key, so every version stays). */
    public static final String WORKFORCE = "casepulse.workforce.v1";

    /** The three topics of the counting pipeline, with the default commentary and workforce topics. */
    public Topics(String caseEvents, String snapshots, String deadLetters) {
        this(caseEvents, snapshots, deadLetters, COMMENTARY, WORKFORCE);
    }

    /** With the default workforce topic. */
    public Topics(String caseEvents, String snapshots, String deadLetters, String commentary) {
        this(caseEvents, snapshots, deadLetters, commentary, WORKFORCE);
    }

    public static Topics defaults() {
        return new Topics(CASE_EVENTS, SNAPSHOTS, DEAD_LETTERS, COMMENTARY, WORKFORCE);
    }
}
