package org.casepulse.registry;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The Schema Registry is failing (unreachable, timing out, answering 5xx): the record being read
 * is not at fault. Retriable: whoever consumes must not dead-letter the record, but pause and read
 * it again later. A record that cannot be read while the registry answers is a
 * {@link org.apache.kafka.common.errors.SerializationException} instead.
 */
public class SchemaRegistryUnavailableException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when {@code e} is the registry's fault, not the record's: no answer, or a 5xx. */
    public static boolean isRegistryFault(SchemaRegistryException e) {
        return e.unreachable() || e.httpStatus() >= 500;
    }
}
