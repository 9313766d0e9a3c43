package org.casepulse.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The snapshot as issue 16 extends it (trend, last year's value, outturn, six months, benchmarks)
 * against the snapshot as released before (a frozen copy in the test resources): every added
 * field is an optional union with a null default, so either side reads the other's records.
 */
class IndicatorSnapshotEvolutionTest {

    private static final Schema V1 = v1();
    private static final Schema CURRENT = IndicatorSnapshot.getClassSchema();

    @Test
    void shouldReadSnapshotsWrittenBeforeTheComparatorsWithTheNewFieldsNull() throws IOException {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, V1).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        GenericRecord old = new GenericData.Record(V1);
        for (Schema.Field field : V1.getFields()) {
            if (field.hasDefaultValue()) {
                old.put(field.name(), GenericData.get().getDefaultValue(field));
            }
        }
        old.put("indicatorId", "cp-repeat");
        old.put("areaCode", "N1");
        old.put("areaLevel", new GenericData.EnumSymbol(V1.getField("areaLevel").schema(), "SERVICE_AREA"));
        old.put("periodType", new GenericData.EnumSymbol(V1.getField("periodType").schema(), "YTD"));
        old.put("periodStart", (int) LocalDate.of(2026, 4, 1).toEpochDay());
        old.put("periodEnd", (int) LocalDate.of(2026, 6, 30).toEpochDay());
        old.put("numerator", 33L);
        old.put("unit", new GenericData.EnumSymbol(V1.getField("unit").schema(), "PERCENT"));
        old.put("polarity", new GenericData.EnumSymbol(V1.getField("polarity").schema(), "L"));
        old.put("rag", new GenericData.EnumSymbol(V1.getField("rag").schema(), "GREEN"));
        old.put("directionOfTravel", new GenericData.EnumSymbol(V1.getField("directionOfTravel").schema(), "NO_CHANGE"));
        old.put("computedAt", 0L);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(V1).write(old, encoder);
        encoder.flush();
        IndicatorSnapshot read = new SpecificDatumReader<IndicatorSnapshot>(V1, CURRENT)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read.getNumerator()).isEqualTo(33L);
        assertThat(read.getTrend()).isNull();
        assertThat(read.getLastYearValue()).isNull();
        assertThat(read.getOutturnValue()).isNull();
        assertThat(read.getSixMonthsValue()).isNull();
        assertThat(read.getBenchmarkYear()).isNull();
        assertThat(read.getBenchmarkEngland()).isNull();
        assertThat(read.getBenchmarkRegion()).isNull();
        assertThat(read.getBenchmarkNeighbours()).isNull();
    }

    @Test
    void shouldLetAReaderOfTheReleasedSchemaSkipTheNewFields() throws IOException {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V1, CURRENT).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        IndicatorSnapshot current = IndicatorSnapshot.newBuilder()
                .setIndicatorId("cp-repeat").setAreaCode("N1").setAreaLevel(AreaLevel.SERVICE_AREA)
                .setPeriodType(PeriodType.YTD).setPeriodStart(LocalDate.of(2026, 4, 1))
                .setPeriodEnd(LocalDate.of(2026, 6, 30)).setNumerator(33).setDenominator(246L).setValue(13.4)
                .setUnit(Unit.PERCENT).setTarget(10.0).setPolarity(Polarity.L).setRag(Rag.RED)
                .setPreviousValue(15.4).setDirectionOfTravel(DirectionOfTravel.IMPROVING)
                .setComputedAt(Instant.EPOCH).setTrend(TrendGrade.MUCH_BETTER).setLastYearValue(25.0)
                .setOutturnValue(15.4).setSixMonthsValue(14.0).setBenchmarkYear("2008/09")
                .setBenchmarkEngland(13.0).setBenchmarkRegion(11.0).setBenchmarkNeighbours(12.0)
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<IndicatorSnapshot>(CURRENT).write(current, encoder);
        encoder.flush();

        GenericRecord old = new GenericDatumReader<GenericRecord>(CURRENT, V1)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(old.get("value")).isEqualTo(13.4);
        assertThat(old.get("previousValue")).isEqualTo(15.4);
        assertThat(old.getSchema().getField("trend")).isNull();
    }

    private static Schema v1() {
        try (InputStream in = IndicatorSnapshotEvolutionTest.class.getResourceAsStream("/evolution/IndicatorSnapshot-v1.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
