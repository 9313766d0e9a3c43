package org.casepulse.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for the engine's own state stores and repartition topics: Avro single-object encoding
 * (a schema fingerprint, then the binary body). No registry round trip, and state written by an
 * incompatible release fails loudly on its fingerprint instead of decoding garbage.
 */
public final class AvroStateSerde<T extends SpecificRecordBase> implements Serde<T> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroStateSerde(Class<T> type) {
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        var schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
    }

    public static <T extends SpecificRecordBase> AvroStateSerde<T> of(Class<T> type) {
        return new AvroStateSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    private byte[] encode(T value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            encoder.encode(value, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName()
                    + " state: written by an incompatible release? (reset the application to rebuild state)", e);
        }
    }
}
