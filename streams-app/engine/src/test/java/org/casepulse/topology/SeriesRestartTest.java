package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.state.SeriesChange;
import org.casepulse.state.SeriesChanges;
import org.casepulse.state.SeriesState;
import org.junit.jupiter.api.Test;

/**
 * Which series wait to be published is kept in memory only. A task that stopped after its
 * changes were stored but before they were published must publish them when it starts again
 * (nothing lost), and one that had published them must not send them again (nothing twice).
 */
class SeriesRestartTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    private static final long NOW = BusinessClock.startOf(TODAY).toEpochMilli() + 12 * 3_600_000L;
    private static final ReferenceData REFERENCE = ReferenceData.defaults();

    // The stores outlive each processor, as a task's stores are restored when it starts again.
    private final KeyValueStore<String, SeriesState> published = store(StateStores.SERIES, AvroStateSerde.of(SeriesState.class));
    private final KeyValueStore<String, org.casepulse.state.SeriesMonth> cells = store(StateStores.SERIES_CELLS, new SeriesMonthSerde());
    private final KeyValueStore<String, Long> clock = store(StateStores.SERIES_CLOCK, Serdes.Long());

    @Test
    void shouldPublishAfterARestartWhatWasAppliedButNotPublished() {
        MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> first = start();
        SeriesProcessor stopped = processor();
        stopped.init(first);
        stopped.process(new Record<>("referral-rate-per-10k", referrals(3), NOW));
        assertThat(first.forwarded()).isEmpty(); // stopped before its first flush

        MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> second = start();
        SeriesProcessor restarted = processor();
        restarted.init(second);
        flush(second);
        assertThat(second.forwarded()).extracting(forwarded -> forwarded.record().value())
                .anySatisfy(figure -> assertThat(figure.getNumerator()).isEqualTo(3));

        MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> third = start();
        SeriesProcessor again = processor();
        again.init(third);
        flush(third);
        assertThat(third.forwarded()).as("figures already sent are not sent again").isEmpty();
    }

    private static SeriesChanges referrals(long count) {
        Instant knownAt = Instant.ofEpochMilli(NOW);
        return new SeriesChanges("referral-rate-per-10k", List.of(
                new SeriesChange(REFERENCE.areas().national().code(), TODAY.withDayOfMonth(1), count, 0L, knownAt, null)));
    }

    private MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> start() {
        MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(NOW);
        for (KeyValueStore<String, ?> store : List.of(published, cells, clock)) {
            if (!store.isOpen()) {
                store.init(context.getStateStoreContext(), store);
            }
            context.addStateStore(store);
        }
        return context;
    }

    private static void flush(MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context) {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(NOW);
    }

    private static SeriesProcessor processor() {
        return new SeriesProcessor(REFERENCE.catalogue(), REFERENCE.areas(), REFERENCE.benchmarks(),
                BusinessClock.fixed(TODAY), 13, FlushCadence.defaults(), Duration.ofSeconds(30),
                PipelineMetrics.discarding());
    }

    private static <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
    }
}
