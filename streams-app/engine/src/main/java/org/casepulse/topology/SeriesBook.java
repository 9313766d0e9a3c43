package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.figures.IndicatorSeries;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.state.SeriesMonth;
import org.casepulse.state.SeriesState;

/**
 * The series of one stream task and the figures published from them. The stores are the truth
 * (changelogged, restored after a failure); this task is their only writer, so it keeps them
 * decoded in memory as well and writes through: publishing reads no store. A series' cells are
 * one record per month, keyed {@code indicator|area#epochDay} (the month's first day,
 * zero-padded), holding the month's buckets and their late parts (the part of a cell recorded on
 * a day after its month ended, which revisions count), so a series is one range scan when it is
 * first needed, and the changes an input record makes to a month are one write
 * ({@link #writeChanged}): during a backfill a record changes many days of the same months, and a
 * record per day made the cells the largest writer to the changelog.
 */
public final class SeriesBook {

    /** Store of the cells, for interactive queries. */
    public static final String CELLS_STORE = StateStores.SERIES_CELLS;
    /** Store of the published figures, one entry per series, for interactive queries. */
    public static final String PUBLISHED_STORE = StateStores.SERIES;

    private final KeyValueStore<String, SeriesMonth> cellStore;
    private final KeyValueStore<String, SeriesState> publishedStore;
    private final Map<String, IndicatorSeries> series = new HashMap<>();
    private final Map<String, List<IndicatorSnapshot>> published = new HashMap<>();
    /** The months changed in memory and not yet written: series key, then the month's first day. */
    private final Map<String, Set<LocalDate>> unwritten = new HashMap<>();

    SeriesBook(KeyValueStore<String, SeriesMonth> cellStore, KeyValueStore<String, SeriesState> publishedStore) {
        this.cellStore = cellStore;
        this.publishedStore = publishedStore;
    }

    IndicatorSeries series(String seriesKey, IndicatorDefinition indicator, long population) {
        return series.computeIfAbsent(seriesKey, key -> load(key, indicator, population));
    }

    /** Changes a cell in memory; {@link #writeChanged} writes its month. */
    void apply(String seriesKey, IndicatorSeries target, LocalDate bucket, long numerator, long denominator) {
        target.apply(bucket, numerator, denominator);
        unwritten.computeIfAbsent(seriesKey, key -> new LinkedHashSet<>()).add(monthOf(bucket));
    }

    /** Changes a cell's late part in memory; {@link #writeChanged} writes its month. */
    void applyLate(String seriesKey, IndicatorSeries target, LocalDate bucket, LocalDate recordedOn,
                   long numerator, long denominator) {
        target.applyLate(bucket, recordedOn, numerator, denominator);
        unwritten.computeIfAbsent(seriesKey, key -> new LinkedHashSet<>()).add(monthOf(bucket));
    }

    /**
     * Writes every month changed since the last call, once each. Called at the end of each input
     * record, so that the store holds what the record's offset, committed with it, says was applied.
     */
    void writeChanged() {
        unwritten.forEach((seriesKey, months) -> {
            IndicatorSeries target = series.get(seriesKey);
            for (LocalDate month : months) {
                if (target == null) {
                    cellStore.delete(key(seriesKey, month)); // emptied and forgotten since
                } else {
                    writeMonth(seriesKey, target, month);
                }
            }
        });
        unwritten.clear();
    }

    /**
     * Folds or drops what lies before the horizon, and forgets the late changes recorded on or
     * before {@code lastUncounted}, in memory and in the store alike.
     */
    void forgetBefore(String seriesKey, IndicatorSeries target, LocalDate horizon, LocalDate lastUncounted) {
        Set<LocalDate> months = new TreeSet<>();
        target.late().forEach((day, changes) -> {
            boolean uncounted = !day.isAfter(lastUncounted);
            for (LocalDate bucket : uncounted ? changes.keySet() : changes.headMap(horizon, false).keySet()) {
                months.add(monthOf(bucket));
            }
        });
        NavigableMap<LocalDate, long[]> old = target.cells().headMap(horizon, false);
        if (old.isEmpty() && months.isEmpty()) {
            return;
        }
        old.keySet().forEach(bucket -> months.add(monthOf(bucket)));
        months.add(monthOf(horizon)); // what is folded lands at the horizon
        target.forgetBefore(horizon);
        target.forgetLateThrough(lastUncounted);
        months.forEach(month -> writeMonth(seriesKey, target, month));
    }

    List<IndicatorSnapshot> published(String seriesKey) {
        return published.computeIfAbsent(seriesKey, key -> {
            SeriesState state = publishedStore.get(key);
            return state == null ? List.of() : state.getPublished();
        });
    }

    /** Keeps an entry for every series with cells, even with nothing published, so a new day finds it. */
    void publish(String seriesKey, IndicatorSeries target, List<IndicatorSnapshot> figures) {
        if (!figures.isEmpty() && figures.equals(published.get(seriesKey))) {
            return; // unchanged figures are already stored: no write, no changelog record
        }
        published.put(seriesKey, figures);
        if (target.cells().isEmpty() && target.late().isEmpty() && figures.isEmpty()) {
            publishedStore.delete(seriesKey);
            series.remove(seriesKey);
            published.remove(seriesKey);
        } else {
            publishedStore.put(seriesKey, new SeriesState(new ArrayList<>(figures)));
        }
    }

    /**
     * Every series with cells or figures in the stores: those with an entry in the published
     * store, and those whose cells changed but were never published (a task that stopped between
     * the two), found from the cells' keys.
     */
    List<String> keys() {
        Set<String> keys = new TreeSet<>();
        try (KeyValueIterator<String, SeriesState> all = publishedStore.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        try (KeyValueIterator<String, SeriesMonth> all = cellStore.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key.substring(0, entry.key.indexOf('#'))));
        }
        return new ArrayList<>(keys);
    }

    /** Writes a month of a series as memory holds it: its cells and their late parts, or nothing. */
    private void writeMonth(String seriesKey, IndicatorSeries target, LocalDate month) {
        LocalDate next = month.plusMonths(1);
        List<LocalDate> buckets = new ArrayList<>();
        List<LocalDate> recordedOn = new ArrayList<>();
        List<Long> numerators = new ArrayList<>();
        List<Long> denominators = new ArrayList<>();
        target.cells().subMap(month, true, next, false).forEach((bucket, cell) -> {
            buckets.add(bucket);
            recordedOn.add(null);
            numerators.add(cell[0]);
            denominators.add(cell[1]);
        });
        target.late().forEach((day, cells) -> cells.subMap(month, true, next, false).forEach((bucket, cell) -> {
            buckets.add(bucket);
            recordedOn.add(day);
            numerators.add(cell[0]);
            denominators.add(cell[1]);
        }));
        String key = key(seriesKey, month);
        if (buckets.isEmpty()) {
            cellStore.delete(key);
        } else {
            cellStore.put(key, new SeriesMonth(buckets, recordedOn, numerators, denominators));
        }
    }

    private IndicatorSeries load(String seriesKey, IndicatorDefinition indicator, long population) {
        return read(cellStore, seriesKey, indicator, population);
    }

    /** A series as its cells stand in {@code cells} (this task's store, or an interactive query of it). */
    public static IndicatorSeries read(ReadOnlyKeyValueStore<String, SeriesMonth> cells, String seriesKey,
                                       IndicatorDefinition indicator, long population) {
        List<LocalDate> buckets = new ArrayList<>();
        List<Long> numerators = new ArrayList<>();
        List<Long> denominators = new ArrayList<>();
        List<SeriesMonth> months = new ArrayList<>();
        try (KeyValueIterator<String, SeriesMonth> range = cells.range(seriesKey + '#', seriesKey + "#~")) {
            range.forEachRemaining(entry -> months.add(entry.value));
        }
        for (SeriesMonth month : months) {
            for (int i = 0; i < month.getBuckets().size(); i++) {
                if (month.getRecordedOn().get(i) == null) {
                    buckets.add(month.getBuckets().get(i));
                    numerators.add(month.getNumerators().get(i));
                    denominators.add(month.getDenominators().get(i));
                }
            }
        }
        IndicatorSeries series = IndicatorSeries.of(indicator, population, buckets, numerators, denominators);
        for (SeriesMonth month : months) {
            for (int i = 0; i < month.getBuckets().size(); i++) {
                LocalDate recordedOn = month.getRecordedOn().get(i);
                if (recordedOn != null) {
                    series.applyLate(month.getBuckets().get(i), recordedOn, month.getNumerators().get(i),
                            month.getDenominators().get(i));
                }
            }
        }
        return series;
    }

    static String key(String seriesKey, LocalDate month) {
        return seriesKey + '#' + Keys.zeroPadded(month.toEpochDay(), 8);
    }

    private static LocalDate monthOf(LocalDate bucket) {
        return bucket.withDayOfMonth(1);
    }
}
