package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casepulse.serde.Samples.TOPIC;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.apache.kafka.common.errors.RetriableException;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.registry.SchemaRegistryUnavailableException;
import org.casepulse.registry.RestSchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SerdeErrorsTest {
    private EmbeddedSchemaRegistry registry;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void start() {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
        client = new RestSchemaRegistryClient(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldRejectAnUnknownMagicByte() {
        SpecificAvroDeserializer<CaseEvent> deserializer = new SpecificAvroDeserializer<>(client);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0x7b, 0x22, 0x65, 0x76, 0x65, 0x6e}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unknown magic byte 0x7b in record of topic '" + TOPIC + "': not the Confluent Avro wire format,"
                        + " which starts with 0x00 and a 4-byte schema id");
    }

    @Test
    void shouldRejectARecordTooShortForTheHeader() {
        SpecificAvroDeserializer<CaseEvent> deserializer = new SpecificAvroDeserializer<>(client);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void shouldNameTheRegistryWhenASchemaIdIsUnknown() {
        SpecificAvroDeserializer<CaseEvent> deserializer = new SpecificAvroDeserializer<>(client);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 3, (byte) 0xe7, 6}))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Unknown schema id 999: the Schema Registry at " + registry.url() + "/schemas/ids/999"
                        + " has no such schema");
    }

    @Test
    void shouldReportACorruptBody() {
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>(client);
        byte[] bytes = serializer.serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 12);

        assertThatThrownBy(() -> new SpecificAvroDeserializer<CaseEvent>(client).deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Error deserializing Avro record with schema id 1 from topic '" + TOPIC + "'");
    }

    @Test
    void shouldNameTheUrlWhenTheRegistryIsUnreachable() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        Map<String, String> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, deadUrl);
        SpecificAvroSerde<CaseEvent> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, Samples.event(EventType.CASE_CLOSED)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("for subject '" + TOPIC + "-value'")
                .hasMessageContaining("Schema Registry unreachable at " + deadUrl);
        // Reading: not the record's fault, so retriable (the engine pauses rather than dead-letters).
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 0, 0, 1, 0}))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("the record is not at fault")
                .hasMessageContaining("Schema Registry unreachable at " + deadUrl);
    }

    @Test
    void shouldPassOnTheRegistrysReasonForAnIncompatibleSchema() {
        Schema older = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"CaseEvent\",\"namespace\":\"org.casepulse.events\","
                + "\"fields\":[{\"name\":\"eventId\",\"type\":\"string\"}]}");
        client.register(TOPIC + "-value", older);
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>(new RestSchemaRegistryClient(registry.url()));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.event(EventType.CASE_CLOSED)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Error registering Avro schema org.casepulse.events.CaseEvent for subject '"
                        + TOPIC + "-value': Schema Registry at " + registry.url())
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining("Schema being registered is incompatible with an earlier schema for subject")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT");
    }

    @Test
    void shouldNotRegisterWhenAutoRegistrationIsOff() {
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.event(EventType.CASE_CLOSED)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Error looking up Avro schema")
                .hasMessageContaining("error_code 40401");
    }

    @Test
    void shouldRefuseAConfigWithoutRegistryUrlOrWithBadValues() {
        SpecificAvroSerde<CaseEvent> serde = new SpecificAvroSerde<>();

        assertThatThrownBy(() -> serde.configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        assertThatThrownBy(() -> serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
        assertThatThrownBy(() -> serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.BASIC_AUTH_USER_INFO);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
