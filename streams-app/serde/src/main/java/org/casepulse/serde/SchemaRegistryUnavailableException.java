package org.casepulse.serde;

import org.apache.kafka.common.errors.RetriableException;
import org.casepulse.registry.SchemaRegistryException;

/**
 * The serde could not get a schema because the Schema Registry is failing (unreachable, timing
 * out, answering 5xx or 429 after the client's retries) or refuses this client (401, 403): the
 * record is not at fault. Whoever consumes must not dead-letter the record, but stop, report not
 * ready, and read it again later. A record that cannot be read while the registry answers is a
 * {@link org.apache.kafka.common.errors.SerializationException} instead. The cause is the
 * registry client's {@link SchemaRegistryException}.
 */
public class SchemaRegistryUnavailableException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(String message, SchemaRegistryException cause) {
        super(message, cause);
    }

    /** True when the failure is the registry's, not the record's: see the class comment. */
    static boolean isRegistryFault(SchemaRegistryException e) {
        return e.isTransient() || e.httpStatus() == 401 || e.httpStatus() == 403;
    }

    @Override
    public synchronized SchemaRegistryException getCause() {
        return (SchemaRegistryException) super.getCause();
    }
}
