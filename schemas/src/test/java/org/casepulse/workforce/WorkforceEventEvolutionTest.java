package org.casepulse.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
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
import org.casepulse.events.ReasonCode;
import org.casepulse.events.Violation;
import org.junit.jupiter.api.Test;

/**
 * The workforce contract (the generated class) against its first release (a frozen copy in the
 * test resources), in both directions. The type QUALIFICATION_RECORDED (WF8, newly qualified
 * staff) is appended after UNKNOWN, so every v1 symbol keeps its position: a v1 reader reads it as
 * its default UNKNOWN and dead-letters it (unsupported-type, "replay it after upgrading"), and the
 * current reader reads every v1 record unchanged. v3 appends the optional {@code appraisalRating}
 * (WF8's scores) after every v2 field, null by default: a v2 reader skips it, the current reader
 * reads a v2 appraisal as unrated.
 */
class WorkforceEventEvolutionTest {

    private static final Schema V1 = frozen("/evolution/WorkforceEvent-v1.avsc");
    private static final Schema V2 = frozen("/evolution/WorkforceEvent-v2.avsc");
    private static final Schema CURRENT = WorkforceEvent.getClassSchema();

    @Test
    void shouldBeCompatibleWithV1InBothDirectionsThanksToTheDefaultType() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, V1).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V1, CURRENT).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldOnlyAppendToTheV1TypesKeepingTheirPositionsAndTheDefault() {
        Schema v1Types = V1.getField("type").schema();
        Schema types = CURRENT.getField("type").schema();
        assertThat(types.getEnumSymbols().subList(0, v1Types.getEnumSymbols().size())).isEqualTo(v1Types.getEnumSymbols());
        assertThat(types.getEnumSymbols()).endsWith("QUALIFICATION_RECORDED");
        assertThat(types.getEnumDefault()).isEqualTo("UNKNOWN");
        assertThat(CURRENT.getFields()).extracting(Schema.Field::name)
                .startsWith(V1.getFields().stream().map(Schema.Field::name).toArray(String[]::new));
    }

    @Test
    void shouldBeCompatibleWithV2InBothDirectionsAppendingOnlyTheRating() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, V2).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V2, CURRENT).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        List<String> v2Names = V2.getFields().stream().map(Schema.Field::name).toList();
        assertThat(CURRENT.getFields()).extracting(Schema.Field::name)
                .containsExactlyElementsOf(java.util.stream.Stream.concat(v2Names.stream(), java.util.stream.Stream.of("appraisalRating")).toList());
        assertThat(CURRENT.getField("appraisalRating").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        assertThat(V2.getField("type").schema().getEnumSymbols()).isEqualTo(CURRENT.getField("type").schema().getEnumSymbols());
    }

    @Test
    void shouldReadAV2AppraisalAsUnratedAndLetAV2ReaderSkipTheRating() throws IOException {
        GenericRecord written = new GenericRecordBuilder(V2)
                .set("eventId", "wf-000107")
                .set("revision", 0)
                .set("type", new GenericData.EnumSymbol(V2.getField("type").schema(), "APPRAISAL_COMPLETED"))
                .set("areaCode", "N3")
                .set("effectiveOn", (int) LocalDate.of(2026, 2, 27).toEpochDay())
                .set("recordedAt", Instant.parse("2026-03-02T09:45:00Z").toEpochMilli())
                .set("workerId", "worker-0007")
                .build();
        WorkforceEvent read = new SpecificDatumReader<WorkforceEvent>(V2, CURRENT, SpecificData.getForClass(WorkforceEvent.class))
                .read(null, DecoderFactory.get().binaryDecoder(bytes(new GenericDatumWriter<>(V2), written), null));
        assertThat(read.getAppraisalRating()).isNull();
        assertThat(read.getWorkerId()).isEqualTo("worker-0007");

        WorkforceEvent rated = WorkforceEvent.newBuilder(read).setAppraisalRating(AppraisalRating.OUTSTANDING).build();
        GenericRecord asV2Sees = new GenericDatumReader<GenericRecord>(CURRENT, V2)
                .read(null, DecoderFactory.get().binaryDecoder(bytes(new SpecificDatumWriter<>(WorkforceEvent.class), rated), null));
        assertThat(asV2Sees.getSchema().getField("appraisalRating")).isNull();
        assertThat(asV2Sees.get("type")).hasToString("APPRAISAL_COMPLETED");
        assertThat(asV2Sees.get("workerId")).hasToString("worker-0007");
    }

    @Test
    void shouldReadAV1RecordUnchanged() throws IOException {
        GenericRecord written = new GenericRecordBuilder(V1)
                .set("eventId", "wf-000107")
                .set("revision", 0)
                .set("type", new GenericData.EnumSymbol(V1.getField("type").schema(), "APPRAISAL_COMPLETED"))
                .set("areaCode", "N3")
                .set("effectiveOn", (int) LocalDate.of(2026, 2, 27).toEpochDay())
                .set("recordedAt", Instant.parse("2026-03-02T09:45:00Z").toEpochMilli())
                .set("workerId", "worker-0007")
                .build();

        WorkforceEvent read = new SpecificDatumReader<WorkforceEvent>(V1, CURRENT, SpecificData.getForClass(WorkforceEvent.class))
                .read(null, DecoderFactory.get().binaryDecoder(bytes(new GenericDatumWriter<>(V1), written), null));

        assertThat(read.getType()).isEqualTo(WorkforceEventType.APPRAISAL_COMPLETED);
        assertThat(read.getWorkerId()).isEqualTo("worker-0007");
        assertThat(read.getEffectiveOn()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(WorkforceValidator.validate(read)).isEmpty();
    }

    @Test
    void shouldMakeAV1ReaderReadAQualificationAsUnknownWhichItDeadLetters() throws IOException {
        WorkforceEvent qualified = WorkforceEvent.newBuilder().setEventId("wf-000110").setType(WorkforceEventType.QUALIFICATION_RECORDED)
                .setAreaCode("N3").setEffectiveOn(LocalDate.of(2025, 9, 1)).setRecordedAt(Instant.parse("2025-09-01T09:00:00Z"))
                .setWorkerId("worker-0007").build();
        assertThat(WorkforceValidator.validate(qualified)).isEmpty();

        GenericRecord read = new GenericDatumReader<GenericRecord>(CURRENT, V1)
                .read(null, DecoderFactory.get().binaryDecoder(bytes(new SpecificDatumWriter<>(WorkforceEvent.class), qualified), null));

        assertThat(read.get("type")).hasToString("UNKNOWN");
        assertThat(read.get("workerId")).hasToString("worker-0007");
        WorkforceEvent asV1Sees = WorkforceEvent.newBuilder(qualified).setType(WorkforceEventType.UNKNOWN).build();
        assertThat(WorkforceValidator.validate(asV1Sees)).extracting(Violation::code).containsExactly(ReasonCode.UNSUPPORTED_TYPE);
    }

    @Test
    void shouldRequireTheWorkerOnAQualification() {
        WorkforceEvent anonymous = WorkforceEvent.newBuilder().setEventId("wf-000111").setType(WorkforceEventType.QUALIFICATION_RECORDED)
                .setAreaCode("N3").setEffectiveOn(LocalDate.of(2025, 9, 1)).setRecordedAt(Instant.parse("2025-09-01T09:00:00Z")).build();

        assertThat(WorkforceValidator.validate(anonymous)).extracting(v -> v.field() + " " + v.code().code())
                .containsExactly("workerId missing-field");
    }

    private static <T> byte[] bytes(org.apache.avro.io.DatumWriter<T> writer, T value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema frozen(String resource) {
        try (InputStream in = WorkforceEventEvolutionTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
