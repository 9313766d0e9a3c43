package org.casepulse.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.casepulse.registry.ErrorCodes;
import org.casepulse.registry.SchemaRegistryClient;
import org.casepulse.registry.SchemaRegistryException;

/**
 * Reads Confluent's Avro wire format into generated classes. The writer schema is fetched by its id
 * (once per id) and resolved against the reader class's schema with Avro's schema resolution, so
 * data written with an older or newer compatible schema reads into the class at hand. The reader
 * class is the one given, or else the generated class named like the writer schema, as Confluent's
 * {@code specific.avro.reader=true} does. Thread-safe.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    /** Confluent 8's headers carrying the schema id of a record's key or value. */
    public static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";
    public static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";

    private static final ThreadLocal<BinaryDecoder[]> DECODER = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private final Class<T> readerClass;
    private volatile SchemaRegistryClient client;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<String, DatumReader<T>> readersByGuid = new ConcurrentHashMap<>();
    private volatile boolean isKey;

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
        configure(client != null ? client : AvroSerdeConfig.from(configs).newRegistryClient(), isKey);
    }

    void configure(SchemaRegistryClient client, boolean isKey) {
        this.client = client;
        this.isKey = isKey;
        readers.clear();
        readersByGuid.clear();
    }

    /**
     * Reads records whose schema id travels in a header, as Confluent 8's serializers can send
     * them ({@value #VALUE_SCHEMA_ID_HEADER} or {@value #KEY_SCHEMA_ID_HEADER}: {@code 0x01} and a
     * 16-byte GUID, or {@code 0x00} and a 4-byte id), the body then being plain Avro; without the
     * header, the schema id is the body's prefix as usual.
     */
    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        Header header = headers == null ? null : headers.lastHeader(isKey ? KEY_SCHEMA_ID_HEADER : VALUE_SCHEMA_ID_HEADER);
        if (header == null || data == null) {
            return deserialize(topic, data);
        }
        byte[] id = header.value();
        if (id != null && id.length == 17 && id[0] == 1) {
            ByteBuffer guid = ByteBuffer.wrap(id, 1, 16);
            String text = new UUID(guid.getLong(), guid.getLong()).toString();
            return read(readersByGuid.computeIfAbsent(text, this::newGuidReader), data, 0, topic, "GUID " + text);
        }
        if (id != null && id.length == SpecificAvroSerializer.HEADER_SIZE && id[0] == SpecificAvroSerializer.MAGIC_BYTE) {
            int schemaId = ByteBuffer.wrap(id, 1, 4).getInt();
            return read(readerFor(schemaId), data, 0, topic, "id " + schemaId);
        }
        throw new SerializationException("Header " + header.key() + " of a record of topic '" + topic + "' is not a schema id:"
                + " expected 0x01 and a 16-byte GUID, or 0x00 and a 4-byte id");
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
        return read(readerFor(id), data, SpecificAvroSerializer.HEADER_SIZE, topic, "id " + id);
    }

    private T read(DatumReader<T> reader, byte[] data, int offset, String topic, String schemaId) {
        BinaryDecoder[] decoder = DECODER.get();
        decoder[0] = DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, decoder[0]);
        T record;
        boolean consumedAll;
        try {
            record = reader.read(null, decoder[0]);
            consumedAll = decoder[0].isEnd();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error deserializing Avro record with schema " + schemaId + " from topic '"
                    + topic + "': " + e.getMessage(), e);
        }
        if (!consumedAll) {
            // Avro stops at the end of the record; bytes after it mean a wrong schema or a corrupt record.
            throw new SerializationException("Error deserializing Avro record with schema " + schemaId + " from topic '"
                    + topic + "': bytes left over after the record; the body does not match the writer schema");
        }
        return record;
    }

    private DatumReader<T> readerFor(int id) {
        DatumReader<T> reader = readers.get(id);
        return reader != null ? reader : readers.computeIfAbsent(id, this::newReader);
    }

    private DatumReader<T> newReader(int id) {
        return newReader("id " + id, registry -> registry.getById(id));
    }

    private DatumReader<T> newGuidReader(String guid) {
        return newReader("GUID " + guid, registry -> {
            try {
                return registry.getByGuid(guid);
            } catch (UnsupportedOperationException e) {
                throw new SerializationException("Record of schema GUID " + guid + " cannot be read: " + e.getMessage(), e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(String schemaId, Function<SchemaRegistryClient, Schema> fetch) {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("Deserializer not configured: call configure(...) or pass a SchemaRegistryClient");
        }
        Schema writer;
        try {
            writer = fetch.apply(registry);
        } catch (SchemaRegistryException e) {
            if (SchemaRegistryUnavailableException.isRegistryFault(e)) {
                throw new SchemaRegistryUnavailableException("Cannot fetch Avro schema " + schemaId + ", the record is not at"
                        + " fault: " + e.getMessage(), e);
            }
            if (e.errorCode() == ErrorCodes.SCHEMA_NOT_FOUND) {
                throw new SerializationException("Unknown schema " + schemaId + ": the Schema Registry at " + e.url()
                        + " has no such schema (" + e.registryMessage() + ")", e);
            }
            throw new SerializationException("Error fetching Avro schema " + schemaId + ": " + e.getMessage(), e);
        }
        Class<?> type = readerClass != null ? readerClass : SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException("No generated Avro class " + writer.getFullName()
                    + " on the classpath to read schema " + schemaId + " into");
        }
        SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }
}
