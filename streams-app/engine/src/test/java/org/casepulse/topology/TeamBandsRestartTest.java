package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.Unit;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.junit.jupiter.api.Test;

/**
 * The team-bands stage keeps nothing in memory: what it published is a function of its store, and
 * each change sends the difference in the same transaction as the store's write. A task started
 * again on the restored store carries on from it, and a change received twice (at-least-once
 * replay) sends nothing the second time.
 */
class TeamBandsRestartTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final LocalDate JUNE = LocalDate.parse("2025-06-30");
    private static final long NOW = 1_750_000_000_000L;
    private static final Set<String> BANDED = Set.of("s7-average-filing-weeks");

    private final KeyValueStore<String, String> teams = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StateStores.TEAM_FIGURES), Serdes.String(), Serdes.String())
            .withLoggingDisabled().build();

    @Test
    void shouldCarryOnFromItsStoreAfterARestartAndSendNothingTwice() {
        MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> first = start();
        TeamBandsProcessor stopped = processor(first);
        send(stopped, "N1", 11.0);
        assertThat(northUnder12(first)).containsExactly("1/1");

        MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> second = start();
        TeamBandsProcessor restarted = processor(second);
        send(restarted, "N2", 17.5);
        assertThat(northUnder12(second)).as("N1, held in the store, still counts").containsExactly("1/2");

        MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> third = start();
        TeamBandsProcessor replaying = processor(third);
        send(replaying, "N2", 17.5);
        assertThat(third.forwarded()).as("a change already applied sends nothing").isEmpty();

        send(replaying, "N1", null); // N1's figure withdrawn: only N2 left, over 16
        assertThat(northUnder12(third)).containsExactly("0/1");
    }

    private void send(TeamBandsProcessor processor, String team, Double weeks) {
        IndicatorSnapshotKey key = new IndicatorSnapshotKey("s7-average-filing-weeks", team, PeriodType.MONTH, JUNE);
        IndicatorSnapshot figure = weeks == null ? null : IndicatorSnapshot.newBuilder()
                .setIndicatorId(key.getIndicatorId()).setAreaCode(team).setAreaLevel(AreaLevel.SERVICE_AREA)
                .setPeriodType(PeriodType.MONTH).setPeriodStart(JUNE.withDayOfMonth(1)).setPeriodEnd(JUNE)
                .setNumerator(Math.round(weeks * 7)).setDenominator(1L).setValue(weeks).setUnit(Unit.RATIO)
                .setTarget(12.0).setPolarity(Polarity.L).setRag(Rag.GREEN).setPreviousValue(null)
                .setDirectionOfTravel(DirectionOfTravel.NOT_COMPARABLE).setSmallNumbers(true).setRevision(0)
                .setComputedAt(java.time.Instant.ofEpochMilli(NOW)).build();
        for (KeyValue<String, String> change : TeamFigureChange.of(key, figure, BANDED, REFERENCE.areas())) {
            if (change.key.endsWith("|NORTH")) {
                processor.process(new Record<>(change.key, change.value, NOW));
            }
        }
    }

    private static List<String> northUnder12(MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context) {
        Map<IndicatorSnapshotKey, IndicatorSnapshot> sent = context.forwarded().stream()
                .map(MockProcessorContext.CapturedForward::record)
                .filter(r -> r.key().getIndicatorId().equals("s7-teams-filing-under-12-weeks"))
                .collect(Collectors.toMap(Record::key, Record::value, (a, b) -> b));
        return sent.values().stream().map(s -> s.getNumerator() + "/" + s.getDenominator()).toList();
    }

    private MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> start() {
        MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(NOW);
        if (!teams.isOpen()) {
            teams.init(context.getStateStoreContext(), teams);
        }
        context.addStateStore(teams);
        return context;
    }

    private static TeamBandsProcessor processor(MockProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context) {
        TeamBandsProcessor processor = new TeamBandsProcessor(REFERENCE.catalogue(), REFERENCE.areas(),
                PipelineMetrics.discarding());
        processor.init(context);
        return processor;
    }
}
