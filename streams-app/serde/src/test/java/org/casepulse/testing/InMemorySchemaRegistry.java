package org.casepulse.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.casepulse.registry.RegisteredSchema;
import org.casepulse.registry.SchemaRegistryClient;
import org.casepulse.registry.SchemaRegistryException;

/**
 * A registry client that keeps schemas in memory, for TopologyTestDriver tests where no HTTP
 * registry runs. The wire format is unchanged: the serde still writes and reads schema ids.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Schema>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> {
            schemas.add(s);
            return schemas.size();
        });
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        return lookUp(subject, schema).id();
    }

    @Override
    public synchronized RegisteredSchema lookUp(String subject, Schema schema) {
        List<Schema> versions = subjects.getOrDefault(subject, List.of());
        int version = versions.indexOf(schema);
        if (version < 0) {
            throw new SchemaRegistryException(404, 40403, "Schema not found", "memory:");
        }
        return new RegisteredSchema(subject, ids.get(schema), version + 1, schema);
    }

    @Override
    public synchronized Schema getById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found", "memory:");
        }
        return schemas.get(id - 1);
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        List<Schema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found", "memory:");
        }
        Schema latest = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, ids.get(latest), versions.size(), latest);
    }
}
