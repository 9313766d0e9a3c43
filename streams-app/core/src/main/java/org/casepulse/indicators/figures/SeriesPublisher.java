package org.casepulse.indicators.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
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
        return publish(series, area, published, window, now, benchmarks, null);
    }

    /**
     * As above, re-evaluating only the figures that read a cell at one of {@code touched} (the
     * buckets changed since {@code published} was worked out, in the same window): every other
     * published figure stands as it is. {@code touched} null re-evaluates every figure and
     * withdraws those that left the window (a new day, or nothing known of what changed).
     */
    public static Publication publish(IndicatorSeries series, Area area, List<IndicatorSnapshot> published,
                                      ReportingWindow window, Instant now, Benchmarks benchmarks,
                                      NavigableSet<LocalDate> touched) {
        Map<Period, Counts> counts = new HashMap<>();
        Map<IndicatorSnapshotKey, IndicatorSnapshot> before = new LinkedHashMap<>();
        for (IndicatorSnapshot snapshot : published) {
            before.put(keyOf(snapshot), snapshot);
        }

        List<Change> changes = new ArrayList<>();
        Map<IndicatorSnapshotKey, IndicatorSnapshot> after = touched == null ? new LinkedHashMap<>() : new LinkedHashMap<>(before);
        List<IndicatorSnapshotKey> withdrawn = new ArrayList<>();
        for (Period period : window.periods(series.indicator())) {
            IndicatorSnapshotKey key = key(series.indicator().id(), area.code(), period.type(), period.end());
            if (touched != null && !reads(series, period, window, touched)) {
                continue;
            }
            IndicatorSnapshot old = before.get(key);
            Counts current = counts.computeIfAbsent(period, p -> series.counts(p, window.today()));
            if (current.empty()) {
                if (touched != null && after.remove(key) != null) {
                    withdrawn.add(key);
                }
                continue;
            }
            Period previousPeriod = period.previous();
            Counts previous = window.contains(previousPeriod) ? counts.computeIfAbsent(previousPeriod, p -> series.counts(p, window.today())) : null;

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
        if (touched == null) {
            before.keySet().removeAll(after.keySet());
            withdrawn.addAll(before.keySet());
        }
        for (IndicatorSnapshotKey key : withdrawn) {
            changes.add(new Change(key, null));
        }
        return new Publication(changes, new ArrayList<>(after.values()));
    }

    /** Whether the figure of {@code period} reads a touched cell: through its own counts, its previous period's or what is beside it. */
    static boolean reads(IndicatorSeries series, Period period, ReportingWindow window, NavigableSet<LocalDate> touched) {
        if (series.reads(period, touched)) {
            return true;
        }
        Period previous = period.previous();
        if (window.contains(previous) && series.reads(previous, touched)) {
            return true;
        }
        for (Period besides : Beside.periodsRead(series.indicator(), period)) {
            if (series.reads(besides, touched)) {
                return true;
            }
        }
        return false;
    }

    public static IndicatorSnapshotKey keyOf(IndicatorSnapshot snapshot) {
        return key(snapshot.getIndicatorId(), snapshot.getAreaCode(), snapshot.getPeriodType(), snapshot.getPeriodEnd());
    }

    private static IndicatorSnapshotKey key(String indicatorId, String areaCode, PeriodType type, LocalDate periodEnd) {
        return new IndicatorSnapshotKey(indicatorId, areaCode, type, periodEnd);
    }
}
