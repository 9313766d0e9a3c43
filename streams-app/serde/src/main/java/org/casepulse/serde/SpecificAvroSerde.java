package org.casepulse.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.casepulse.registry.SchemaRegistryClient;

/**
 * Serde for generated Avro classes in Confluent's wire format, configured with Confluent's keys
 * ({@link AvroSerdeConfig}); its serializer and deserializer share one caching registry client.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final SchemaRegistryClient client;
    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;

    /** For Kafka, which instantiates serdes by class name; reads into the writer schema's generated class. */
    public SpecificAvroSerde() {
        this(null, null);
    }

    /** Reads into {@code readerClass}, resolving older or newer writer schemas against it. */
    public SpecificAvroSerde(Class<T> readerClass) {
        this(null, readerClass);
    }

    /** Shares {@code client} (tests, one cache for many serdes); works unconfigured as a value serde. */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this(client, null);
    }

    /**
     * @param client      the registry client, or null to build one in {@link #configure}
     * @param readerClass the class to read into, or null for the writer schema's generated class
     */
    public SpecificAvroSerde(SchemaRegistryClient client, Class<T> readerClass) {
        this.client = client;
        this.serializer = new SpecificAvroSerializer<>(client);
        this.deserializer = new SpecificAvroDeserializer<>(client, readerClass);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        SchemaRegistryClient shared = client != null ? client : config.newRegistryClient();
        serializer.configure(config, isKey, shared);
        deserializer.configure(shared, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
