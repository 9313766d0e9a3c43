package org.casepulse.indicators.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.Period;
import org.casepulse.reference.Area;
import org.casepulse.reference.Benchmarks;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;

/**
 * Works out what to publish for a series: every figure of the reporting window that differs
 * from what was published, and a withdrawal (tombstone) for every published figure that became
 * empty or left the window. Each figure carries its revision as the series counts it from the
 * input (COUNTING.md 6), never from how often it was published.
 */
public final class SeriesPublisher {

    /** A figure to publish, or a withdrawal when {@code snapshot} is null. */
    public record Change(IndicatorSnapshotKey key, IndicatorSnapshot snapshot) {}

    /** What to send, and the figures that stand published afterwards. */
    public record Publication(List<Change> changes, List<IndicatorSnapshot> published) {}

    private SeriesPublisher() {}

    public static Publication publish(IndicatorSeries series, Area area, List<IndicatorSnapshot> published,
                                      ReportingWindow window, Instant now) {
        return publish(series, area, published, window, now, Benchmarks.none());
    }

    /** As above, each figure carrying what the catalogue puts beside it and its benchmarks. */
    public static Publication publish(IndicatorSeries series, Area area, List<IndicatorSnapshot> published,
                                      ReportingWindow window, Instant now, Benchmarks benchmarks) {
        Map<Period, Counts> counts = new HashMap<>();
        Map<IndicatorSnapshotKey, IndicatorSnapshot> before = new LinkedHashMap<>();
        for (IndicatorSnapshot snapshot : published) {
            before.put(keyOf(snapshot), snapshot);
        }

        List<Change> changes = new ArrayList<>();
        Map<IndicatorSnapshotKey, IndicatorSnapshot> after = new LinkedHashMap<>();
        for (Period period : window.periods(series.indicator())) {
            Counts current = counts.computeIfAbsent(period, p -> series.counts(p, window.today()));
            if (current.empty()) {
                continue;
            }
            Period previousPeriod = period.previous();
            Counts previous = window.contains(previousPeriod) ? counts.computeIfAbsent(previousPeriod, p -> series.counts(p, window.today())) : null;

            IndicatorSnapshotKey key = key(series.indicator().id(), area.code(), period.type(), period.end());
            IndicatorSnapshot old = before.get(key);
            Beside beside = Beside.of(series.indicator(), period,
                    p -> counts.computeIfAbsent(p, q -> series.counts(q, window.today())),
                    benchmarks.forPeriodEnd(series.indicator().id(), period.end()).orElse(null));
            IndicatorSnapshot figure = FigureMaker.make(series.indicator(), area, period, current, previous,
                    series.revision(period, window.today()), now, beside);
            if (old != null && FigureMaker.sameFigure(old, figure)) {
                figure = old;
            } else {
                changes.add(new Change(key, figure));
            }
            after.put(key, figure);
        }
        before.keySet().removeAll(after.keySet());
        for (IndicatorSnapshotKey withdrawn : before.keySet()) {
            changes.add(new Change(withdrawn, null));
        }
        return new Publication(changes, new ArrayList<>(after.values()));
    }

    public static IndicatorSnapshotKey keyOf(IndicatorSnapshot snapshot) {
        return key(snapshot.getIndicatorId(), snapshot.getAreaCode(), snapshot.getPeriodType(), snapshot.getPeriodEnd());
    }

    private static IndicatorSnapshotKey key(String indicatorId, String areaCode, PeriodType type, LocalDate periodEnd) {
        return new IndicatorSnapshotKey(indicatorId, areaCode, type, periodEnd);
    }
}
