package org.casepulse.registry;

/**
 * A Schema Registry call that failed: either the registry answered with an error (HTTP status,
 * Confluent {@code error_code} and message), or no registry could be reached ({@link #unreachable()}).
 */
public final class SchemaRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;
    private final String registryMessage;
    private final String url;

    public SchemaRegistryException(int httpStatus, int errorCode, String registryMessage, String url) {
        super("Schema Registry at " + url + " answered HTTP " + httpStatus + " (error_code " + errorCode + "): "
                + registryMessage);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
        this.url = url;
    }

    private SchemaRegistryException(String message, String url, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
        this.registryMessage = null;
        this.url = url;
    }

    /** No registry answered at {@code urls} (connection refused, timeout, I/O error). */
    public static SchemaRegistryException unreachable(String urls, Throwable cause) {
        String reason = cause == null ? "no answer" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new SchemaRegistryException("Schema Registry unreachable at " + urls + " (" + reason + ")", urls, cause);
    }

    public boolean unreachable() {
        return httpStatus == 0;
    }

    /**
     * A fault that may pass: no registry answered (connection refused, timeout, I/O error), or it
     * answered HTTP 5xx or 429 (too many requests). Anything else is the registry's considered
     * refusal (unknown schema, bad request, not authorised) and will not change by asking again.
     */
    public boolean isTransient() {
        return httpStatus == 0 || httpStatus >= 500 || httpStatus == 429;
    }

    /** HTTP status of the registry's answer; 0 when it could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent {@code error_code} of the answer (for example 40403); 0 when it could not be reached. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own {@code message}; null when it could not be reached. */
    public String registryMessage() {
        return registryMessage;
    }

    /** The URL that was called, or the base URLs tried when none answered. */
    public String url() {
        return url;
    }
}
