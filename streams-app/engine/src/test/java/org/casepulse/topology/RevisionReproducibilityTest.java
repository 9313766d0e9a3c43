package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.events.CaseEvent;
import org.casepulse.oracle.RandomHistories;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.Test;

/**
 * The same input gives the same figures, revisions included, however it is cut into flushes:
 * revision counts what the input recorded on each day (COUNTING.md 6), not how often a figure
 * happened to be published.
 */
class RevisionReproducibilityTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final LocalDate TODAY = LocalDate.parse("2025-09-17");

    @Test
    void shouldPublishTheSameFiguresAndRevisionsWhateverTheFlushes() {
        List<CaseEvent> events = RandomHistories.generate(42, 40, TODAY);

        Map<IndicatorSnapshotKey, IndicatorSnapshot> oneFlush = run(events, events.size());
        Map<IndicatorSnapshotKey, IndicatorSnapshot> flushEvery7 = run(events, 7);
        Map<IndicatorSnapshotKey, IndicatorSnapshot> flushEveryEvent = run(events, 1);

        assertThat(oneFlush.values()).as("the history restates figures").anyMatch(figure -> figure.getRevision() > 0);
        assertThat(flushEvery7).isEqualTo(oneFlush);
        assertThat(flushEveryEvent).isEqualTo(oneFlush);
    }

    /** The figures standing after sending {@code events}, flushing after every {@code batch} of them. */
    private static Map<IndicatorSnapshotKey, IndicatorSnapshot> run(List<CaseEvent> events, int batch) {
        Map<IndicatorSnapshotKey, IndicatorSnapshot> figures = new HashMap<>();
        try (TopologyHarness harness = TopologyHarness.asOf(REFERENCE, TODAY, 13)) {
            for (int from = 0; from < events.size(); from += batch) {
                harness.send(events.subList(from, Math.min(events.size(), from + batch))).flush();
            }
            harness.current().forEach((key, figure) -> {
                figure.setComputedAt(Instant.EPOCH); // when it was computed is the run's own business
                figures.put(key, figure);
            });
        }
        return figures;
    }
}
