package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.casepulse.events.CaseEvent;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.state.CaseState;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: 30,000 valid visits on one case made its stored state pass the producer's 1 MB limit
 * after about 17,700, and the engine stopped for good. The case ledger now refuses the event that
 * would take a case past its limit (dead-lettered, counted as an anomaly), and carries on.
 */
class CaseStateLimitTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final int VISITS = 30_000;
    /**
     * The limit is measured in the case ledger's own encoding (CaseStateSerde); the test
     * driver keeps every changelog record it is sent (one per event here), so a smaller limit
     * keeps the test's memory small while the guard does the same work.
     */
    private static final int LIMIT = 16 * 1024;
    private final TopologyHarness harness = TopologyHarness.onWallClock(REFERENCE, LocalDate.parse("2024-04-20"), LIMIT);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldKeepEveryCaseStateUnderItsLimitAndCarryOnAfter30000VisitsOnOneCase() {
        CaseEvents busy = CaseEvents.forCase("case-busy", "child-1");
        harness.send(busy.referral("N1", "2023-04-03"));
        LocalDate first = LocalDate.parse("2023-04-03");
        List<CaseEvent> visits = new ArrayList<>();
        for (int i = 0; i < VISITS; i++) {
            visits.add(busy.visit("N1", first.plusDays(i % 380).toString()));
            harness.send(visits.get(i));
        }
        CaseEvents later = CaseEvents.forCase("case-later", "child-2");
        harness.send(later.referral("N2", "2024-03-01"), later.allocation("N2", "2024-03-05", "w2")).flush();

        KeyValueStore<String, CaseState> ledger = harness.driver().getKeyValueStore(StateStores.CASE_LEDGER);
        CaseState busyState = ledger.get("case-busy");
        int busySize = CaseStateSerde.encode(busyState).length;
        assertThat(busySize).isLessThanOrEqualTo(LIMIT);

        List<TestRecord<String, byte[]>> dead = harness.deadLetters();
        int applied = busyState.getEvents().size();
        assertThat(applied + dead.size()).isEqualTo(VISITS + 1);
        assertThat(dead).as("the guard trips").isNotEmpty();
        assertThat(dead).allSatisfy(record -> {
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASON)).isEqualTo("case-state-limit");
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.MESSAGE))
                    .contains("over the limit of " + LIMIT);
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isNotNull();
            assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.STREAMS_OFFSET)).isNotNull();
            assertThat(record.key()).isEqualTo("case-busy");
        });
        assertThat(counter("casepulse.events.dead.lettered", "reason")).isEqualTo(dead.size());
        assertThat(counter("casepulse.case.anomalies", "kind")).isEqualTo(dead.size());
        // The original bytes of the first visit refused: the one after the last applied.
        assertThat(dead.get(0).value()).isEqualTo(harness.serialize(visits.get(applied - 1)));
        // Records after the busy case are still counted.
        assertThat(harness.figure("allocation-within-2wd", "N2", PeriodType.MONTH, "2024-03-31").getDenominator())
                .isEqualTo(1);
    }

    private double counter(String name, String tag) {
        return harness.metrics().registry().get(name).tag(tag, "case-state-limit").counter().count();
    }
}
