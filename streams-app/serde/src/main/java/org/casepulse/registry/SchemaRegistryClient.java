package org.casepulse.registry;

import org.apache.avro.Schema;

/**
 * The calls to a Confluent-compatible Schema Registry that the Avro serde needs. Implementations
 * cache what cannot change (a schema's id, an id's schema), so a serde calls the registry once per
 * schema, not once per record. Failures are {@link SchemaRegistryException}s; those that
 * are {@link SchemaRegistryException#isTransient() transient} are worth retrying later.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it registered) and returns its global id. Cached. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} if it is registered under {@code subject} (error 40401/40403 if not). Cached. */
    int getId(String subject, Schema schema);

    /** The full entry of {@code schema} under {@code subject}: subject, id, version and schema. Not cached. */
    RegisteredSchema lookUp(String subject, Schema schema);

    /** The schema with global id {@code id} (error 40403 if none). Cached. */
    Schema getById(int id);

    /**
     * The schema with this GUID (Confluent 8's header-based schema ids). Cached. Clients without
     * GUID support throw {@link UnsupportedOperationException}.
     */
    default Schema getByGuid(String guid) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot look schemas up by GUID");
    }

    /** The latest version of {@code subject}. Not cached: the latest version changes. */
    RegisteredSchema getLatest(String subject);
}
