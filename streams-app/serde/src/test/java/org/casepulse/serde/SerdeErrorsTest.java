package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.casepulse.registry.EmbeddedSchemaRegistry;
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
    void shouldReadTheSchemaGuidOrIdFromAHeaderAndRefuseAMalformedOne() throws Exception {
        byte[] prefixed = new SpecificAvroSerializer<CaseEvent>(client).serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));
        byte[] body = java.util.Arrays.copyOfRange(prefixed, 5, prefixed.length);
        String guid = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(registry.url() + "/subjects/" + TOPIC
                        + "-value/versions/1")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                .path("guid").asText();
        java.util.UUID uuid = java.util.UUID.fromString(guid);
        byte[] guidHeader = java.nio.ByteBuffer.allocate(17).put((byte) 1)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
        SpecificAvroDeserializer<CaseEvent> deserializer = new SpecificAvroDeserializer<>(new RestSchemaRegistryClient(registry.url()));

        CaseEvent byGuid = deserializer.deserialize(TOPIC, new org.apache.kafka.common.header.internals.RecordHeaders()
                .add(SpecificAvroDeserializer.VALUE_SCHEMA_ID_HEADER, guidHeader), body);
        CaseEvent byId = deserializer.deserialize(TOPIC, new org.apache.kafka.common.header.internals.RecordHeaders()
                .add(SpecificAvroDeserializer.VALUE_SCHEMA_ID_HEADER, java.util.Arrays.copyOf(prefixed, 5)), body);
        CaseEvent noHeader = deserializer.deserialize(TOPIC, new org.apache.kafka.common.header.internals.RecordHeaders(), prefixed);

        assertThat(byGuid).isEqualTo(Samples.event(EventType.CASE_CLOSED));
        assertThat(byId).isEqualTo(byGuid);
        assertThat(noHeader).isEqualTo(byGuid);
        assertThat(registry.requests()).contains("GET /schemas/guids/" + guid);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new org.apache.kafka.common.header.internals.RecordHeaders()
                .add(SpecificAvroDeserializer.VALUE_SCHEMA_ID_HEADER, new byte[] {7, 7}), body))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("is not a schema id");
    }

    @Test
    void shouldRejectValidAvroFollowedByTrailingBytes() {
        byte[] bytes = new SpecificAvroSerializer<CaseEvent>(client).serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));
        byte[] withGarbage = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        withGarbage[bytes.length] = 0x42;

        assertThatThrownBy(() -> new SpecificAvroDeserializer<CaseEvent>(client).deserialize(TOPIC, withGarbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left over after the record");
        assertThat(new SpecificAvroDeserializer<CaseEvent>(client).deserialize(TOPIC, bytes))
                .isEqualTo(Samples.event(EventType.CASE_CLOSED));
    }

    @Test
    void shouldNameTheUrlWhenTheRegistryIsUnreachable() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        Map<String, String> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, deadUrl, AvroSerdeConfig.MAX_RETRIES, "0");
        SpecificAvroSerde<CaseEvent> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, Samples.event(EventType.CASE_CLOSED)))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("for subject '" + TOPIC + "-value'")
                .hasMessageContaining("Schema Registry unreachable at " + deadUrl);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 0, 0, 1, 0}))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
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
