package org.casepulse.topics;

/** The Kafka cluster at a bootstrap address did not answer in time. */
public final class KafkaUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KafkaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
