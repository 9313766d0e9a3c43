package org.casepulse.http;

import org.casepulse.scorecard.Figures;
import org.casepulse.scorecard.FigureFilter;
import org.casepulse.scorecard.FigureChange;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.Figure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casepulse.scorecard.Figures.keyOf;
import static org.casepulse.scorecard.Figures.percent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;

/** The snapshot view on the real broker: all partitions, committed records only, tombstones, progress. */
@WithRealKafka
class SnapshotViewIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final LocalDate OCTOBER = LocalDate.of(2025, 10, 31);

    @Test
    void shouldReadEveryPartitionFromTheBeginningAndCountItsProgress(RealKafka kafka) {
        try (SnapshotTopic topic = SnapshotTopic.create(kafka, 4)) {
            List<IndicatorSnapshot> figures = IntStream.range(0, 60).mapToObj(i -> figure("N" + (i % 8 + 1),
                    OCTOBER.minusMonths(i / 8).withDayOfMonth(1).plusMonths(1).minusDays(1), 50.0 + i)).toList();
            topic.publish(figures);

            try (SnapshotView view = topic.startView()) {
                await().atMost(TIMEOUT).until(view::isCaughtUp);

                assertThat(view.figures().size()).isEqualTo(60);
                assertThat(view.progress()).isEqualTo(ViewProgress.caughtUp(60));
                assertThat(view.topic()).isEqualTo(topic.name());
            }
        }
    }

    @Test
    void shouldTellListenersOfEveryChangeAndApplyWithdrawals(RealKafka kafka) {
        try (SnapshotTopic topic = SnapshotTopic.create(kafka, 2);
             SnapshotView view = topic.startView()) {
            await().atMost(TIMEOUT).until(view::isCaughtUp);
            List<FigureChange> changes = new CopyOnWriteArrayList<>();
            Consumer<FigureChange> listener = changes::add;
            view.addListener(listener);
            IndicatorSnapshot first = figure("N1", OCTOBER, 70.0);
            IndicatorSnapshot restated = IndicatorSnapshot.newBuilder(first).setValue(71.0).setRevision(1).build();

            topic.publish(first, first, restated);
            topic.withdraw(keyOf(restated));
            await().atMost(TIMEOUT).until(() -> changes.size() == 3);

            assertThat(changes).containsExactly(FigureChange.published(Figure.of(first)),
                    FigureChange.published(Figure.of(restated)), FigureChange.withdrawn(FigureKey.of(keyOf(first))));
            assertThat(view.figures().size()).isZero();

            view.removeListener(listener);
            topic.publish(figure("N2", OCTOBER, 60.0));
            await().atMost(TIMEOUT).until(() -> view.figures().size() == 1);
            assertThat(changes).hasSize(3);
        }
    }

    @Test
    void shouldReadOnlyCommittedFigures(RealKafka kafka) {
        try (SnapshotTopic topic = SnapshotTopic.create(kafka, 1);
             SnapshotView view = topic.startView()) {
            topic.publishAborted(figure("N3", OCTOBER, 10.0));
            topic.publish(figure("N4", OCTOBER, 40.0));

            await().atMost(TIMEOUT).until(() -> view.figures().size() == 1);
            assertThat(view.figures().find(FigureFilter.ALL)).extracting(Figure::areaCode).containsExactly("N4");
        }
    }

    @Test
    void shouldSkipRecordsItCannotRead(RealKafka kafka) {
        try (SnapshotTopic topic = SnapshotTopic.create(kafka, 1)) {
            topic.publishGarbage("not avro".getBytes(StandardCharsets.UTF_8), "nor this".getBytes(StandardCharsets.UTF_8));
            topic.publish(figure("N5", OCTOBER, 55.0));

            try (SnapshotView view = topic.startView()) {
                await().atMost(TIMEOUT).until(view::isCaughtUp);

                assertThat(view.figures().find(FigureFilter.ALL)).extracting(Figure::areaCode).containsExactly("N5");
            }
        }
    }

    @Test
    void shouldStopPromptlyWhileWaitingForItsTopic(RealKafka kafka) {
        try (SnapshotTopic topic = SnapshotTopic.named(kafka)) {
            SnapshotView view = topic.startView();
            assertThat(view.progress().describe()).isEqualTo("waiting for topic " + topic.name());
            Instant start = Instant.now();

            view.close();

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
            assertThat(view.progress().phase()).isEqualTo(ViewProgress.Phase.CLOSED);
        }
    }

    private static IndicatorSnapshot figure(String area, LocalDate periodEnd, double value) {
        return percent("allocation-within-2wd", area, AreaLevel.SERVICE_AREA, PeriodType.MONTH, periodEnd, value,
                Rag.GREEN).build();
    }
}
