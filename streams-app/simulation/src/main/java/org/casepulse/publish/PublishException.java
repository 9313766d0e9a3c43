package org.casepulse.publish;

/**
 * Records could not be published. The message is one line that names the address at fault (the
 * Kafka bootstrap servers or the Schema Registry URL) and what went wrong, fit to show a user as is.
 */
public final class PublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
