package org.casepulse.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.casepulse.registry.RegisteredSchema;
import org.casepulse.registry.SchemaRegistryClient;
import org.casepulse.registry.SchemaRegistryException;

/**
 * Serializes generated Avro records in Confluent's wire format: magic byte {@code 0x00}, the writer
 * schema's registry id (4 bytes, big-endian), then the Avro binary body. Subjects follow the
 * configured {@link SubjectNameStrategy} (by default {@code <topic>-value}, {@code <topic>-key}). The registry is asked once per
 * topic and schema; encoders and buffers are reused per thread. Thread-safe, as Kafka Streams shares
 * one serde instance between its stream threads.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

    private volatile SchemaRegistryClient client;
    private volatile boolean isKey;
    private volatile boolean autoRegisterSchemas = true;
    private volatile boolean useLatestVersion;
    private volatile SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC;
    /** By topic, then by the record's schema (generated classes share one schema instance). */
    private final Map<String, Map<Schema, SchemaWriter>> writers = new ConcurrentHashMap<>();

    /** For Kafka, which instantiates serializers by class name and then calls {@link #configure}. */
    public SpecificAvroSerializer() {}

    /** Uses {@code client} rather than one built from the configs; works unconfigured as a value serializer. */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        configure(config, isKey, client != null ? client : config.newRegistryClient());
    }

    void configure(AvroSerdeConfig config, boolean isKey, SchemaRegistryClient client) {
        this.client = client;
        this.isKey = isKey;
        this.autoRegisterSchemas = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        this.subjectNameStrategy = config.subjectNameStrategy(isKey);
        writers.clear();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        SchemaWriter writer = writerFor(topic, record);
        Output output = OUTPUT.get();
        try {
            return output.write(writer, record);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error serializing Avro record of schema " + record.getSchema().getFullName()
                    + " for topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private SchemaWriter writerFor(String topic, T record) {
        Map<Schema, SchemaWriter> byTopic = writers.get(topic);
        if (byTopic == null) {
            byTopic = writers.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        SchemaWriter writer = byTopic.get(record.getSchema());
        return writer != null ? writer
                : byTopic.computeIfAbsent(record.getSchema(), schema -> newWriter(topic, schema, record));
    }

    private SchemaWriter newWriter(String topic, Schema schema, T record) {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("Serializer not configured: call configure(...) or pass a SchemaRegistryClient");
        }
        String subject = subjectNameStrategy.subject(topic, isKey, schema);
        SpecificData model = SpecificData.getForClass(record.getClass());
        try {
            if (autoRegisterSchemas) {
                return new SchemaWriter(registry.register(subject, schema), new SpecificDatumWriter<>(schema, model));
            }
            if (useLatestVersion) {
                return latestWriter(registry.getLatest(subject), schema, model);
            }
            return new SchemaWriter(registry.getId(subject, schema), new SpecificDatumWriter<>(schema, model));
        } catch (SchemaRegistryException e) {
            if (SchemaRegistryUnavailableException.isRegistryFault(e)) {
                throw new SchemaRegistryUnavailableException("Cannot get the id of Avro schema " + schema.getFullName()
                        + " for subject '" + subject + "': " + e.getMessage(), e);
            }
            String action = autoRegisterSchemas ? "registering" : useLatestVersion ? "fetching the latest" : "looking up";
            throw new SerializationException("Error " + action + " Avro schema " + schema.getFullName()
                    + " for subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    /** Confluent's default {@code latest.compatibility.strict}: the latest schema must be able to read the record's. */
    private static SchemaWriter latestWriter(RegisteredSchema latest, Schema own, SpecificData model) {
        if (latest.schema().equals(own)) {
            return new SchemaWriter(latest.id(), new SpecificDatumWriter<>(own, model));
        }
        var result = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), own).getResult();
        if (!result.getIncompatibilities().isEmpty()) {
            throw new SerializationException("Latest schema (id " + latest.id() + ", version " + latest.version()
                    + ") of subject '" + latest.subject() + "' cannot represent records of " + own.getFullName()
                    + ": " + result.getIncompatibilities());
        }
        return new SchemaWriter(latest.id(), new ByNameDatumWriter(latest.schema(), model));
    }

    private record SchemaWriter(int id, DatumWriter<Object> datumWriter) {}

    /** One thread's reusable buffer and encoder: one copy per record, into the returned array. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        private BinaryEncoder encoder;

        byte[] write(SchemaWriter writer, Object record) throws IOException {
            bytes.reset();
            bytes.write(MAGIC_BYTE);
            bytes.write(writer.id() >>> 24);
            bytes.write(writer.id() >>> 16);
            bytes.write(writer.id() >>> 8);
            bytes.write(writer.id());
            encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
            writer.datumWriter().write(record, encoder);
            encoder.flush();
            return bytes.toByteArray();
        }
    }
}
