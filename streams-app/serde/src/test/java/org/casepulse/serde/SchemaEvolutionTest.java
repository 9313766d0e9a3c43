package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.serde.Samples.TOPIC;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.registry.RestSchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CaseEvent v1 (the generated class) against a v2 that adds an optional field, in both directions. */
class SchemaEvolutionTest {
    private static final String SUBJECT = TOPIC + "-value";
    /**
     * v1 with one more field, optional with a default: what a compatible release would add. It goes
     * in the middle, so that every later field changes position.
     */
    private static final Schema V2 = withField(CaseEvent.getClassSchema(), 3,
            "{\"name\": \"sourceSystem\", \"type\": [\"null\", \"string\"], \"default\": null}");

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
    void shouldAcceptV2AsBackwardCompatible() {
        int v1 = client.register(SUBJECT, CaseEvent.getClassSchema());
        int v2 = client.register(SUBJECT, V2);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(client.getLatest(SUBJECT).version()).isEqualTo(2);
    }

    @Test
    void shouldReadDataWrittenWithV2IntoTheV1Class() throws IOException {
        client.register(SUBJECT, CaseEvent.getClassSchema());
        int v2 = client.register(SUBJECT, V2);
        GenericRecord written = new GenericRecordBuilder(V2)
                .set("eventId", "evt-9")
                .set("revision", 1)
                .set("type", new GenericData.EnumSymbol(V2.getField("type").schema(), "PLAN_STARTED"))
                .set("caseId", "case-17")
                .set("childId", "child-4")
                .set("areaCode", "TEAM-N1")
                .set("occurredOn", (int) LocalDate.of(2024, 5, 2).toEpochDay())
                .set("recordedAt", Instant.parse("2024-05-02T10:00:00Z").toEpochMilli())
                .set("planId", "plan-3")
                .set("planType", new GenericData.EnumSymbol(V2.getField("planType").schema().getTypes().get(1), "CP"))
                .set("sourceSystem", "ESCC-LCS")
                .build();
        byte[] bytes = confluentFrame(v2, written);

        CaseEvent asClass = new SpecificAvroDeserializer<>(client, CaseEvent.class).deserialize(TOPIC, bytes);
        CaseEvent byName = new SpecificAvroDeserializer<CaseEvent>(client).deserialize(TOPIC, bytes);

        CaseEvent expected = CaseEvent.newBuilder()
                .setEventId("evt-9").setRevision(1).setType(EventType.PLAN_STARTED)
                .setCaseId("case-17").setChildId("child-4").setAreaCode("TEAM-N1")
                .setOccurredOn(LocalDate.of(2024, 5, 2)).setRecordedAt(Instant.parse("2024-05-02T10:00:00Z"))
                .setPlanId("plan-3").setPlanType(PlanType.CP)
                .build();
        assertThat(asClass).isEqualTo(expected);
        assertThat(byName).isEqualTo(expected);
    }

    @Test
    void shouldReadDataWrittenWithV1IntoV2() throws IOException {
        CaseEvent event = Samples.event(EventType.ASSESSMENT_COMPLETED);
        byte[] bytes = new SpecificAvroSerializer<CaseEvent>(client).serialize(TOPIC, event);
        client.register(SUBJECT, V2);

        int writerId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        GenericRecord read = new GenericDatumReader<GenericRecord>(client.getById(writerId), V2)
                .read(null, DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));

        assertThat(read.get("sourceSystem")).as("the added field takes its default").isNull();
        assertThat(read.get("eventId")).hasToString(event.getEventId());
        assertThat(read.get("assessmentId")).hasToString("asmt-1");
        assertThat(read.get("childSeen")).isEqualTo(true);
        assertThat(read.get("occurredOn")).isEqualTo((int) event.getOccurredOn().toEpochDay());
        assertThat(read.get("recordedAt")).isEqualTo(event.getRecordedAt().toEpochMilli());
    }

    @Test
    void shouldSerializeWithTheLatestVersionWhenAsked() throws IOException {
        client.register(SUBJECT, CaseEvent.getClassSchema());
        int v2 = client.register(SUBJECT, V2);
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);
        int requestsBefore = registry.requests().size();

        for (EventType type : EventType.values()) {
            serializer.serialize(TOPIC, Samples.event(type));
        }
        byte[] bytes = serializer.serialize(TOPIC, Samples.event(EventType.EVENT_RETRACTED));

        assertThat(registry.requests().subList(requestsBefore, registry.requests().size()))
                .containsExactly("GET /subjects/" + SUBJECT + "/versions/latest");
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v2);
        GenericRecord asV2 = new GenericDatumReader<GenericRecord>(V2)
                .read(null, DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));
        assertThat(asV2.get("retractsEventId")).hasToString("evt-2");
        assertThat(asV2.get("sourceSystem")).isNull();
        assertThat(new SpecificAvroDeserializer<>(client, CaseEvent.class).deserialize(TOPIC, bytes))
                .isEqualTo(Samples.event(EventType.EVENT_RETRACTED));
    }

    /** Confluent framing around a record written by Avro's generic writer, as another producer would. */
    private static byte[] confluentFrame(int schemaId, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema withField(Schema schema, int position, String fieldJson) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode tree = (ObjectNode) json.readTree(schema.toString());
            ((ArrayNode) tree.get("fields")).insert(position, json.readTree(fieldJson));
            return new Schema.Parser().parse(tree.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
