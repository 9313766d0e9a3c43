package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.casepulse.events.CaseEvent;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: three valid events of about 400 KB on one case made the case's stored state pass the
 * producer's 1 MB limit and stopped the engine for good. Oversized fields and records are now
 * refused at admission, with the reason and the field, and the engine carries on.
 */
class OversizedInputTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private final TopologyHarness harness = TopologyHarness.onWallClock(REFERENCE, LocalDate.parse("2024-04-20"));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldDeadLetterThreeEventsOf400KilobytesAtAdmissionAndKeepCounting() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        String huge = "x".repeat(400 * 1024);
        harness.send(aCase.referral("N1", "2024-03-01"));
        for (int i = 0; i < 3; i++) {
            harness.send(CaseEvent.newBuilder(aCase.visit("N1", "2024-03-0" + (4 + i))).setCaseType(huge).build());
        }
        harness.send(aCase.allocation("N1", "2024-03-05", "w1")).flush();

        List<TestRecord<String, byte[]>> dead = harness.deadLetters();
        assertThat(dead).hasSize(3).allSatisfy(record -> {
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASON)).isEqualTo("record-too-large");
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.FIELD)).isEqualTo("caseType");
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.MESSAGE))
                    .contains("over the limit of 16384");
            assertThat(record.value().length).isGreaterThan(400 * 1024);
        });
        assertThat(harness.figure("allocation-within-2wd", "N1", PeriodType.MONTH, "2024-03-31").getDenominator())
                .isEqualTo(1);
        assertThat(deadLettered("record-too-large")).isEqualTo(3.0);
    }

    @Test
    void shouldRefuseAnIdOverItsLimitNamingTheField() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        harness.send(aCase.referral("N1", "2024-03-01"))
                .send(aCase.allocation("N1", "2024-03-05", "w".repeat(129)))
                .send(aCase.allocation("N1", "2024-03-05", "w".repeat(128)))
                .flush();

        List<TestRecord<String, byte[]>> dead = harness.deadLetters();
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASON)).isEqualTo("field-too-long");
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.FIELD)).isEqualTo("workerId");
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.MESSAGE))
                    .isEqualTo("workerId: is 129 characters, over the limit of 128");
        });
        assertThat(harness.figure("allocation-within-2wd", "N1", PeriodType.MONTH, "2024-03-31").getDenominator())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseARecordOverTheSizeLimitEvenWhenItCannotBeRead() {
        byte[] garbage = new byte[20_000];
        Arrays.fill(garbage, (byte) 7);
        harness.sendRaw("case-1", garbage).flush();

        assertThat(harness.deadLetters()).singleElement().satisfies(record -> {
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASON)).isEqualTo("record-too-large");
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.FIELD)).isNull();
        });
    }

    private double deadLettered(String reason) {
        return harness.metrics().registry().get("casepulse.events.dead.lettered").tag("reason", reason).counter().count();
    }
}
