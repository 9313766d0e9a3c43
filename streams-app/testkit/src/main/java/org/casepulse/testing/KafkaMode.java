package org.casepulse.testing;

import java.util.Locale;

/** Which real broker a test runs against. */
public enum KafkaMode {
    /** Docker (Testcontainers) when a Docker daemon answers, the in-JVM broker otherwise. */
    AUTO,
    /** The in-JVM KRaft broker. */
    EMBEDDED,
    /** A Kafka container started by Testcontainers. */
    DOCKER;

    /** System property that chooses the mode of tests that do not force one: auto, embedded or docker. */
    public static final String PROPERTY = "casepulse.test.kafka";

    static KafkaMode fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "auto").trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be auto, embedded or docker, not '" + value + "'", e);
        }
    }
}
