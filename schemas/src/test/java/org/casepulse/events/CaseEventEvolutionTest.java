package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract v3 (the generated class) against v1 and v2 as released (frozen copies in the test
 * resources) and against a hypothetical v4, in both directions.
 *
 * <p>What Avro allows, and this pins down: a reader resolves an enum symbol by name, and a symbol
 * its own enum lacks is an error unless the reader's enum declares a default. v1's EventType has
 * no default and cannot get one retroactively, so a v1 reader decodes every v2 record of a v1
 * type (the new fields are skipped) but fails on a record of a v2 type: consumers upgrade before
 * producers send the new types, which is what BACKWARD compatibility means. v2's enums do declare
 * defaults (EventType.UNKNOWN, OTHER in the open lists), so a v2 reader decodes records of types
 * and symbols added later, and dead-letters an UNKNOWN type instead of failing.
 */
class CaseEventEvolutionTest {

    private static final Schema V1 = frozen("/evolution/CaseEvent-v1.avsc");
    private static final Schema V2 = frozen("/evolution/CaseEvent-v2.avsc");
    /** The current contract (v3): the generated class. */
    private static final Schema CURRENT = CaseEvent.getClassSchema();
    /** The current contract plus one event type and one assessment type, appended as the next release would. */
    private static final Schema LATER = withSymbols(CURRENT, "CONTACT_SESSION_HELD", "FAMILY_GROUP_CONFERENCE");

    @Test
    void shouldBeBackwardCompatibleWithV1() {
        SchemaCompatibility.SchemaPairCompatibility v2ReadsV1 = SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, V1);

        assertThat(v2ReadsV1.getType()).as(v2ReadsV1.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldNotBeForwardCompatibleWithV1OnlyBecauseOfTheNewEventTypes() {
        SchemaCompatibility.SchemaPairCompatibility v1ReadsV2 = SchemaCompatibility.checkReaderWriterCompatibility(V1, CURRENT);

        assertThat(v1ReadsV2.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        List<Incompatibility> problems = v1ReadsV2.getResult().getIncompatibilities();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.getType()).isEqualTo(SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS);
            assertThat(problem.getLocation()).isEqualTo("/fields/2/type/symbols");
            assertThat(problem.getMessage()).contains("CONFERENCE_HELD", "PLACEMENT_STARTED", "UNKNOWN");
        });
    }

    @Test
    void shouldLetAV2ReaderReadTheTypesAndSymbolsOfALaterVersion() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, LATER).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(LATER, CURRENT).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"REFERRAL_RECEIVED", "ASSESSMENT_STARTED", "ASSESSMENT_COMPLETED",
            "ALLOCATION_MADE", "VISIT_RECORDED", "PLAN_STARTED", "PLAN_ENDED", "CASE_CLOSED", "EVENT_RETRACTED"})
    void shouldReadARecordWrittenWithV1IntoTheV2ClassWithTheNewFieldsNull(EventType type) throws IOException {
        CaseEvent expected = SampleEvents.everyField(type);
        GenericRecord written = new GenericRecordBuilder(V1)
                .set("eventId", expected.getEventId())
                .set("revision", expected.getRevision())
                .set("type", new GenericData.EnumSymbol(V1.getField("type").schema(), type.name()))
                .set("caseId", expected.getCaseId())
                .set("childId", expected.getChildId())
                .set("areaCode", expected.getAreaCode())
                .set("occurredOn", (int) expected.getOccurredOn().toEpochDay())
                .set("recordedAt", expected.getRecordedAt().toEpochMilli())
                .set("caseType", expected.getCaseType())
                .set("assessmentId", expected.getAssessmentId())
                .set("childSeen", expected.getChildSeen())
                .set("workerId", expected.getWorkerId())
                .set("planId", expected.getPlanId())
                .set("planType", new GenericData.EnumSymbol(V1.getField("planType").schema().getTypes().get(1),
                        expected.getPlanType().name()))
                .set("retractsEventId", expected.getRetractsEventId())
                .build();

        CaseEvent read = new SpecificDatumReader<CaseEvent>(V1, CURRENT, SpecificData.getForClass(CaseEvent.class))
                .read(null, DecoderFactory.get().binaryDecoder(genericBytes(written), null));

        CaseEvent v1FieldsOnly = CaseEvent.newBuilder(SampleEvents.common(type).build())
                .setRevision(expected.getRevision()).setRecordedAt(expected.getRecordedAt())
                .setCaseType(expected.getCaseType()).setAssessmentId(expected.getAssessmentId())
                .setChildSeen(expected.getChildSeen()).setWorkerId(expected.getWorkerId())
                .setPlanId(expected.getPlanId()).setPlanType(expected.getPlanType())
                .setRetractsEventId(expected.getRetractsEventId())
                .build();
        assertThat(read).isEqualTo(v1FieldsOnly);
        assertThat(read.getChildDateOfBirth()).isNull();
        assertThat(read.getAssessmentType()).isNull();
    }

    @Test
    void shouldLetAV1ReaderReadAV2RecordOfAV1TypeSkippingTheNewFields() throws IOException {
        CaseEvent event = SampleEvents.everyField(EventType.ASSESSMENT_COMPLETED);

        GenericRecord read = new GenericDatumReader<GenericRecord>(CURRENT, V1)
                .read(null, DecoderFactory.get().binaryDecoder(specificBytes(event), null));

        assertThat(read.getSchema().getFields()).hasSize(15);
        assertThat(read.get("type")).hasToString("ASSESSMENT_COMPLETED");
        assertThat(read.get("assessmentId")).hasToString("asmt-000311");
        assertThat(read.get("childSeen")).isEqualTo(false);
        assertThat(read.get("planType")).hasToString("CIN");
        assertThat(read.get("retractsEventId")).hasToString("evt-000123-02");
        assertThat(read.get("occurredOn")).isEqualTo((int) event.getOccurredOn().toEpochDay());
        assertThat(read.get("recordedAt")).isEqualTo(event.getRecordedAt().toEpochMilli());
        assertThat(read.hasField("childDateOfBirth")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"STRATEGY_DISCUSSION_HELD", "CONFERENCE_HELD", "REVIEW_HELD",
            "PLACEMENT_STARTED", "PLACEMENT_ENDED", "CHILD_CHECK_RECORDED", "ADOPTION_DECISION_MADE", "PLACED_FOR_ADOPTION",
            "PRIVATE_FOSTERING_ARRANGEMENT_STARTED", "PRIVATE_FOSTERING_ARRANGEMENT_ENDED"})
    void shouldMakeAV1ReaderFailOnAV2TypeNamingIt(EventType type) throws IOException {
        byte[] bytes = specificBytes(SampleEvents.minimal(type));
        GenericDatumReader<GenericRecord> v1Reader = new GenericDatumReader<>(CURRENT, V1);

        assertThatThrownBy(() -> v1Reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null)))
                .isInstanceOf(AvroTypeException.class)
                .hasMessageContaining(type.name());
    }

    @Test
    void shouldReadATypeAndASymbolOfALaterVersionAsTheDefaultsAndDeadLetterTheType() throws IOException {
        GenericRecord written = new GenericRecordBuilder(LATER)
                .set("eventId", "evt-000123-40")
                .set("type", new GenericData.EnumSymbol(LATER.getField("type").schema(), "CONTACT_SESSION_HELD"))
                .set("caseId", "case-000123")
                .set("childId", "child-000045")
                .set("areaCode", "N3")
                .set("occurredOn", (int) LocalDate.of(2027, 5, 4).toEpochDay())
                .set("recordedAt", Instant.parse("2027-05-04T10:00:00Z").toEpochMilli())
                .set("assessmentType", new GenericData.EnumSymbol(
                        LATER.getField("assessmentType").schema().getTypes().get(1), "FAMILY_GROUP_CONFERENCE"))
                .build();

        CaseEvent read = new SpecificDatumReader<CaseEvent>(LATER, CURRENT, SpecificData.getForClass(CaseEvent.class))
                .read(null, DecoderFactory.get().binaryDecoder(genericBytes(written), null));

        assertThat(read.getType()).isEqualTo(EventType.UNKNOWN);
        assertThat(read.getAssessmentType()).isEqualTo(AssessmentType.OTHER);
        assertThat(read.getCaseId()).isEqualTo("case-000123");
        assertThat(EventValidator.validate(read))
                .extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.api.Assertions.tuple("type", ReasonCode.UNSUPPORTED_TYPE));
    }

    @Test
    void shouldBeBackwardCompatibleWithTheReleasedV2() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, V2).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldLetAReleasedV2ReaderReadAV3RecordOfAV2TypeSkippingTheNewFields() throws IOException {
        CaseEvent event = SampleEvents.everyField(EventType.CONFERENCE_HELD);

        GenericRecord read = new GenericDatumReader<GenericRecord>(CURRENT, V2)
                .read(null, DecoderFactory.get().binaryDecoder(specificBytes(event), null));

        assertThat(read.getSchema().getFields()).hasSize(V2.getFields().size());
        assertThat(read.get("type")).hasToString("CONFERENCE_HELD");
        assertThat(read.get("conferenceOutcome")).hasToString("NO_PLAN");
        assertThat(read.get("arrangementId")).hasToString("pfa-000009");
        assertThat(read.hasField("hearingType")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"HEARING_HELD", "REPORT_ORDERED", "REPORT_FILED", "ORDER_MADE",
            "SAFEGUARDING_CHECK_RECORDED", "DIVERSITY_FORM_COLLECTED", "AUDIT_ASSIGNED", "AUDIT_COMPLETED",
            "FEEDBACK_RECEIVED"})
    void shouldMakeAReleasedV2ReaderReadAV3TypeAsUnknownWhichItDeadLetters(EventType type) throws IOException {
        GenericRecord read = new GenericDatumReader<GenericRecord>(CURRENT, V2)
                .read(null, DecoderFactory.get().binaryDecoder(specificBytes(SampleEvents.everyField(type)), null));

        assertThat(read.get("type")).hasToString("UNKNOWN");
        assertThat(read.get("caseId")).hasToString("case-000123");
        // What a v2 deployment's validator then says of an UNKNOWN type (the same check ships in v3).
        CaseEvent asV2Sees = SampleEvents.minimal(EventType.CASE_CLOSED);
        asV2Sees.setType(EventType.UNKNOWN);
        assertThat(EventValidator.validate(asV2Sees)).extracting(Violation::code)
                .containsExactly(ReasonCode.UNSUPPORTED_TYPE);
    }

    @Test
    void shouldOnlyAppendToTheV2EnumsAndFields() {
        for (String field : List.of("type", "assessmentType", "visitType", "planEndReason", "closureReason",
                "conferenceType", "placementType", "checkType")) {
            Schema released = enumOf(V2.getField(field).schema());
            Schema current = enumOf(CURRENT.getField(field).schema());
            assertThat(current.getEnumSymbols().subList(0, released.getEnumSymbols().size()))
                    .as(field).isEqualTo(released.getEnumSymbols());
            assertThat(current.getEnumDefault()).as(field).isEqualTo(released.getEnumDefault());
        }
        assertThat(CURRENT.getFields().subList(0, V2.getFields().size()))
                .extracting(Schema.Field::name)
                .containsExactlyElementsOf(V2.getFields().stream().map(Schema.Field::name).toList());
        assertThat(CURRENT.getFields().subList(V2.getFields().size(), CURRENT.getFields().size()))
                .hasSize(14)
                .allSatisfy(added -> {
                    assertThat(added.schema().isNullable()).as(added.name()).isTrue();
                    assertThat(added.defaultVal()).as(added.name()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
                    Schema value = added.schema().getTypes().get(1);
                    if (value.getType() == Schema.Type.ENUM) {
                        assertThat(value.getEnumDefault()).as(added.name() + " needs a default symbol").isNotNull();
                    }
                });
    }

    private static Schema enumOf(Schema schema) {
        return schema.getType() == Schema.Type.UNION ? schema.getTypes().get(1) : schema;
    }

    @Test
    void shouldOnlyAppendToTheV1EnumsAndFields() {
        List<String> v1Types = V1.getField("type").schema().getEnumSymbols();
        List<String> v2Types = CURRENT.getField("type").schema().getEnumSymbols();
        assertThat(v2Types.subList(0, v1Types.size())).isEqualTo(v1Types);
        assertThat(CURRENT.getField("type").schema().getEnumDefault()).isEqualTo("UNKNOWN");
        assertThat(CURRENT.getFields().subList(0, V1.getFields().size()))
                .extracting(Schema.Field::name)
                .containsExactlyElementsOf(V1.getFields().stream().map(Schema.Field::name).toList());
        assertThat(CURRENT.getFields().subList(V1.getFields().size(), CURRENT.getFields().size()))
                .allSatisfy(added -> {
                    assertThat(added.schema().isNullable()).as(added.name()).isTrue();
                    assertThat(added.defaultVal()).as(added.name()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
                });
    }

    private static byte[] specificBytes(CaseEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(CaseEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] genericBytes(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema frozen(String resource) {
        try (InputStream in = CaseEventEvolutionTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema with one more EventType symbol and one more AssessmentType symbol, both at the end. */
    private static Schema withSymbols(Schema schema, String eventType, String assessmentType) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode tree = (ObjectNode) json.readTree(schema.toString());
            for (var field : tree.get("fields")) {
                if (field.get("name").asText().equals("type")) {
                    ((ArrayNode) field.get("type").get("symbols")).add(eventType);
                }
                if (field.get("name").asText().equals("assessmentType")) {
                    ((ArrayNode) field.get("type").get(1).get("symbols")).add(assessmentType);
                }
            }
            Schema later = new Schema.Parser().parse(tree.toString());
            assertThat(Arrays.asList(eventType, assessmentType)).allMatch(later.toString()::contains);
            return later;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
