package org.casepulse.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.casepulse.registry.ErrorCodes;
import org.casepulse.registry.SchemaRegistryClient;
import org.casepulse.registry.SchemaRegistryException;
import org.casepulse.registry.SchemaRegistryUnavailableException;

/**
 * Reads Confluent's Avro wire format into generated classes. The writer schema is fetched by its id
 * (once per id) and resolved against the reader class's schema with Avro's schema resolution, so
 * data written with an older or newer compatible schema reads into the class at hand. The reader
 * class is the one given, or else the generated class named like the writer schema, as Confluent's
 * {@code specific.avro.reader=true} does. Thread-safe.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private static final ThreadLocal<BinaryDecoder[]> DECODER = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private final Class<T> readerClass;
    private volatile SchemaRegistryClient client;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka, which instantiates deserializers by class name; reads into the writer schema's generated class. */
    public SpecificAvroDeserializer() {
        this(null, null);
    }

    /** Reads every record into {@code readerClass}, resolving older or newer writer schemas against it. */
    public SpecificAvroDeserializer(Class<T> readerClass) {
        this(null, readerClass);
    }

    /** Uses {@code client} rather than one built from the configs; works unconfigured. */
    public SpecificAvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    /**
     * @param client      the registry client, or null to build one in {@link #configure}
     * @param readerClass the class to read into, or null for the writer schema's generated class
     */
    public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> readerClass) {
        AvroTrust.ensure();
        this.client = client;
        this.readerClass = readerClass;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(client != null ? client : AvroSerdeConfig.from(configs).newRegistryClient());
    }

    void configure(SchemaRegistryClient client) {
        this.client = client;
        readers.clear();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < SpecificAvroSerializer.HEADER_SIZE) {
            throw new SerializationException("Record of topic '" + topic + "' is too short for the Confluent wire format: "
                    + data.length + " bytes, but magic byte and schema id alone take " + SpecificAvroSerializer.HEADER_SIZE);
        }
        if (data[0] != SpecificAvroSerializer.MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02x in record of topic '%s': not the "
                    + "Confluent Avro wire format, which starts with 0x00 and a 4-byte schema id", data[0] & 0xff, topic));
        }
        int id = ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
        DatumReader<T> reader = readerFor(id);
        BinaryDecoder[] decoder = DECODER.get();
        decoder[0] = DecoderFactory.get().binaryDecoder(data, SpecificAvroSerializer.HEADER_SIZE,
                data.length - SpecificAvroSerializer.HEADER_SIZE, decoder[0]);
        try {
            return reader.read(null, decoder[0]);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error deserializing Avro record with schema id " + id + " from topic '"
                    + topic + "': " + e.getMessage(), e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        DatumReader<T> reader = readers.get(id);
        return reader != null ? reader : readers.computeIfAbsent(id, this::newReader);
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(int id) {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("Deserializer not configured: call configure(...) or pass a SchemaRegistryClient");
        }
        Schema writer;
        try {
            writer = registry.getById(id);
        } catch (SchemaRegistryException e) {
            if (SchemaRegistryUnavailableException.isRegistryFault(e)) {
                throw new SchemaRegistryUnavailableException("Cannot fetch Avro schema id " + id
                        + ", the record is not at fault: " + e.getMessage(), e);
            }
            if (e.errorCode() == ErrorCodes.SCHEMA_NOT_FOUND) {
                throw new SerializationException("Unknown schema id " + id + ": the Schema Registry at " + e.url()
                        + " has no such schema (" + e.registryMessage() + ")", e);
            }
            throw new SerializationException("Error fetching Avro schema id " + id + ": " + e.getMessage(), e);
        }
        Class<?> type = readerClass != null ? readerClass : SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException("No generated Avro class " + writer.getFullName()
                    + " on the classpath to read schema id " + id + " into");
        }
        SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }
}
