package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.casepulse.state.ChildPlan;
import org.casepulse.state.ChildState;
import org.casepulse.state.ChildSummary;
import org.casepulse.state.ChildTimeline;
import org.casepulse.state.HoldingState;
import org.casepulse.state.SeriesMonth;
import org.casepulse.state.SeriesChange;
import org.casepulse.state.SeriesChanges;
import org.junit.jupiter.api.Test;

/**
 * The compact state formats give back exactly what they were given (every optional field both
 * present and absent, negative and large numbers, dates in any order), refuse another format's
 * bytes, and are smaller than the Avro they replace (sizes printed; records that repeat strings or
 * numbers shrink to half or less, a lone child summary, mostly distinct ids, only a little).
 */
class CompactStateSerdesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-14");
    private static final Instant AT = Instant.parse("2026-03-14T09:30:00.123Z");

    @Test
    void shouldRoundTripSeriesMonthsAndChanges() {
        roundTrip(new SeriesMonthSerde(), month());
        roundTrip(new SeriesMonthSerde(), month(DAY, null, 0L, 0L));
        roundTrip(new SeriesMonthSerde(), month(DAY, null, Long.MIN_VALUE, Long.MAX_VALUE, DAY.plusDays(3), DAY.plusDays(40), -3L, 7L));
        Random random = new Random(2);
        for (int n = 0; n < 50; n++) {
            List<SeriesChange> changes = new ArrayList<>();
            for (int i = 0; i < random.nextInt(60); i++) {
                changes.add(new SeriesChange("N" + random.nextInt(20), DAY.minusDays(random.nextInt(900)),
                        (long) random.nextInt(9) - 4, (long) random.nextInt(9) - 4, AT.minusMillis(random.nextInt()),
                        random.nextBoolean() ? null : DAY.minusDays(random.nextInt(30))));
            }
            roundTrip(new SeriesChangesSerde(), new SeriesChanges("referral-rate", changes));
        }
    }

    @Test
    void shouldRoundTripWorkerHoldings() {
        roundTrip(new HoldingStateSerde(), new HoldingState(List.of(), List.of(), List.of()));
        roundTrip(new HoldingStateSerde(), new HoldingState(List.of(DAY, DAY.minusDays(40), DAY.plusDays(3)),
                List.of(1L, -1L, Long.MAX_VALUE), Arrays.asList(null, DAY, DAY.minusDays(100))));
    }

    @Test
    void shouldRoundTripChildSummariesAndStates() {
        Random random = new Random(3);
        List<ChildSummary> summaries = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            ChildSummary summary = summary(random, "case-" + random.nextInt(4));
            roundTrip(new ChildSummarySerde(), summary);
            summaries.add(summary);
        }
        roundTrip(new ChildStateSerde(), new ChildState(summaries));
        roundTrip(new ChildStateSerde(), new ChildState(List.of()));
    }

    /**
     * Bytes written by the release that introduced each format (captured, not computed): state already
     * in the stores and changelogs must stay readable, and the same value must still be written the same.
     */
    @Test
    void shouldKeepTheBytesOfEachFormat() {
        sameBytes(new SeriesMonthSerde(), month(DAY, null, 3L, -2L, DAY.plusDays(2), DAY.plusDays(9), 0L, 41L),
                "d802dcc002000603040f0052");
        sameBytes(new HoldingStateSerde(), new HoldingState(List.of(DAY, DAY.minusDays(40), DAY.plusDays(3)),
                List.of(1L, -1L, 5L), Arrays.asList(null, DAY, DAY.minusDays(100))), "d303dcc00202004f0151560ace01");
        sameBytes(new ChildStateSerde(), child(),
                "d5070b636173652d3030303034320c6368696c642d3030303030370253310353333106706c616e2d31116368696c6472656e2d6f6e2d706c"
                        + "616e730b636173652d303030303433020001a1c00203040104b4c00202010502b4c0020302280001f688f3ba9d67ddc00206010000000000"
                        + "b6b2faba9d6700");
    }

    private static <T> void sameBytes(CompactSerde<T> serde, T value, String hex) {
        assertThat(serde.decode(HexFormat.of().parseHex(hex))).isEqualTo(value);
        assertThat(HexFormat.of().formatHex(serde.encode(value))).isEqualTo(hex);
    }

    /** Two summaries of one child, every optional field present in the first and absent in the second. */
    private static ChildState child() {
        ChildSummary first = new ChildSummary("case-000042", "child-000007", DAY.minusDays(30), "S1", "S31",
                List.of(new ChildPlan("plan-1", DAY.minusDays(20), "S1")),
                List.of(new ChildTimeline("children-on-plans", List.of(DAY.minusDays(20), DAY), Arrays.asList("S1", null),
                        List.of(1, -1))),
                AT, DAY);
        ChildSummary second = new ChildSummary("case-000043", "child-000007", null, null, null, List.of(), List.of(),
                AT.plusSeconds(60), null);
        return new ChildState(List.of(first, second));
    }

    @Test
    void shouldRefuseAnotherFormat() {
        byte[] avro = AvroStateSerde.of(SeriesMonth.class).serializer().serialize("t", month(DAY, null, 1L, 2L));
        assertThatThrownBy(() -> new SeriesMonthSerde().deserializer().deserialize("t", avro))
                .isInstanceOf(SerializationException.class).hasMessageContaining("reset the application");
        byte[] cell = new SeriesMonthSerde().serializer().serialize("t", month(DAY, null, 1L, 2L));
        assertThatThrownBy(() -> new HoldingStateSerde().deserializer().deserialize("t", cell))
                .isInstanceOf(SerializationException.class);
        byte[] truncated = Arrays.copyOf(cell, cell.length - 1);
        assertThatThrownBy(() -> new SeriesMonthSerde().deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldBeSmallerThanAvro() {
        Random random = new Random(4);
        List<ChildSummary> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(summary(random, "case-00042"));
        }
        List<SeriesChange> seriesChanges = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            seriesChanges.add(new SeriesChange("N" + (i % 21), DAY.minusDays(i / 21), 1L, 0L, AT.plusMillis(i * 37L), null));
        }
        Object[] days = new Object[4 * 30];
        for (int i = 0; i < 30; i++) {
            days[4 * i] = DAY.withDayOfMonth(1).plusDays(i);
            days[4 * i + 1] = i % 5 == 0 ? DAY.plusMonths(1) : null;
            days[4 * i + 2] = (long) (i % 7);
            days[4 * i + 3] = (long) (20 + i % 3);
        }
        compare("series month (30 cells)", new SeriesMonthSerde(), SeriesMonth.class, month(days), 60);
        compare("series changes (200 cells)", new SeriesChangesSerde(), SeriesChanges.class,
                new SeriesChanges("referral-rate", seriesChanges), 50);
        compare("child (6 summaries)", new ChildStateSerde(), ChildState.class, new ChildState(cases), 50);
        compare("child summary", new ChildSummarySerde(), ChildSummary.class, cases.get(0), 90);
        compare("worker holding (3 deltas)", new HoldingStateSerde(), HoldingState.class, new HoldingState(
                List.of(DAY, DAY.plusDays(5), DAY.plusDays(60)), List.of(1L, 1L, -1L), Arrays.asList(null, null, DAY)), 50);
    }

    private static <T extends SpecificRecordBase> void compare(String what, Serde<T> compact, Class<T> type, T value,
                                                                int maxPercent) {
        int compactSize = compact.serializer().serialize("t", value).length;
        int avroSize = AvroStateSerde.of(type).serializer().serialize("t", value).length;
        System.out.printf("%-28s compact %6d bytes, Avro %6d bytes (%.0f%%)%n", what, compactSize, avroSize,
                100.0 * compactSize / avroSize);
        assertThat(100L * compactSize).as(what).isLessThanOrEqualTo((long) maxPercent * avroSize);
    }

    private static ChildSummary summary(Random random, String caseId) {
        List<ChildPlan> plans = new ArrayList<>();
        for (int i = 0; i < random.nextInt(3); i++) {
            plans.add(new ChildPlan("plan-" + i, DAY.minusDays(random.nextInt(700)), "S" + random.nextInt(3)));
        }
        List<ChildTimeline> timelines = new ArrayList<>();
        for (int t = 0; t < random.nextInt(5); t++) {
            List<LocalDate> dates = new ArrayList<>();
            List<String> areas = new ArrayList<>();
            List<Integer> numerators = new ArrayList<>();
            LocalDate date = DAY.minusDays(600);
            for (int i = 0; i < random.nextInt(6); i++) {
                date = date.plusDays(random.nextInt(90));
                dates.add(date);
                areas.add(random.nextBoolean() ? null : "S" + random.nextInt(3));
                numerators.add(random.nextInt(3) - 1);
            }
            timelines.add(new ChildTimeline("children-on-plans-" + t, dates, areas, numerators));
        }
        boolean referred = random.nextBoolean();
        return new ChildSummary(caseId, "child-7", referred ? DAY.minusDays(random.nextInt(500)) : null,
                referred ? "S1" : null, random.nextBoolean() ? null : "S31", plans, timelines,
                AT.minusSeconds(random.nextInt(100_000)), random.nextBoolean() ? null : DAY.minusDays(random.nextInt(50)));
    }

    private static <T> void roundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(value);
    }

    /** A month of cells from (bucket, recorded day or null, numerator, denominator) quadruples. */
    private static SeriesMonth month(Object... cells) {
        List<LocalDate> buckets = new ArrayList<>();
        List<LocalDate> recordedOn = new ArrayList<>();
        List<Long> numerators = new ArrayList<>();
        List<Long> denominators = new ArrayList<>();
        for (int i = 0; i < cells.length; i += 4) {
            buckets.add((LocalDate) cells[i]);
            recordedOn.add((LocalDate) cells[i + 1]);
            numerators.add((Long) cells[i + 2]);
            denominators.add((Long) cells[i + 3]);
        }
        return new SeriesMonth(buckets, recordedOn, numerators, denominators);
    }
}
