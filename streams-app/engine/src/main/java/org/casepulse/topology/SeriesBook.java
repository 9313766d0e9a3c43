package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.casepulse.state.SeriesCell;
import org.casepulse.state.SeriesState;

/**
 * The series of one stream task and the figures published from them. The stores are the truth
 * (changelogged, restored after a failure); this task is their only writer, so it keeps them
 * decoded in memory as well and writes through: a change costs one small write, and publishing
 * reads no store. Cells are one record each, keyed {@code indicator|area#epochDay} (the day
 * zero-padded), so a series is one range scan when it is first needed; a late change (the part of
 * a cell recorded on a day after its month ended, which revisions count) is keyed
 * {@code indicator|area#epochDay#recordedEpochDay} in the same store.
 */
public final class SeriesBook {

    /** Store of the cells, for interactive queries. */
    public static final String CELLS_STORE = StateStores.SERIES_CELLS;
    /** Store of the published figures, one entry per series, for interactive queries. */
    public static final String PUBLISHED_STORE = StateStores.SERIES;

    private final KeyValueStore<String, SeriesCell> cellStore;
    private final KeyValueStore<String, SeriesState> publishedStore;
    private final Map<String, IndicatorSeries> series = new HashMap<>();
    private final Map<String, List<IndicatorSnapshot>> published = new HashMap<>();

    SeriesBook(KeyValueStore<String, SeriesCell> cellStore, KeyValueStore<String, SeriesState> publishedStore) {
        this.cellStore = cellStore;
        this.publishedStore = publishedStore;
    }

    IndicatorSeries series(String seriesKey, IndicatorDefinition indicator, long population) {
        return series.computeIfAbsent(seriesKey, key -> load(key, indicator, population));
    }

    void apply(String seriesKey, IndicatorSeries target, LocalDate bucket, long numerator, long denominator) {
        target.apply(bucket, numerator, denominator);
        write(seriesKey, target, bucket);
    }

    void applyLate(String seriesKey, IndicatorSeries target, LocalDate bucket, LocalDate recordedOn,
                   long numerator, long denominator) {
        target.applyLate(bucket, recordedOn, numerator, denominator);
        writeLate(seriesKey, target, bucket, recordedOn);
    }

    /**
     * Folds or drops what lies before the horizon, and forgets the late changes recorded on or
     * before {@code lastUncounted}, in memory and in the store alike.
     */
    void forgetBefore(String seriesKey, IndicatorSeries target, LocalDate horizon, LocalDate lastUncounted) {
        List<LocalDate[]> lateDropped = new ArrayList<>();
        Set<LocalDate> lateFolded = new TreeSet<>();
        target.late().forEach((day, changes) -> {
            boolean uncounted = !day.isAfter(lastUncounted);
            for (LocalDate bucket : uncounted ? changes.keySet() : changes.headMap(horizon, false).keySet()) {
                lateDropped.add(new LocalDate[] {bucket, day});
                if (!uncounted) {
                    lateFolded.add(day);
                }
            }
        });
        NavigableMap<LocalDate, long[]> old = target.cells().headMap(horizon, false);
        if (old.isEmpty() && lateDropped.isEmpty()) {
            return;
        }
        List<LocalDate> dropped = new ArrayList<>(old.keySet());
        target.forgetBefore(horizon);
        target.forgetLateThrough(lastUncounted);
        dropped.forEach(bucket -> cellStore.delete(key(seriesKey, bucket)));
        lateDropped.forEach(entry -> cellStore.delete(lateKey(seriesKey, entry[0], entry[1])));
        if (!dropped.isEmpty()) {
            write(seriesKey, target, horizon);
        }
        lateFolded.forEach(day -> writeLate(seriesKey, target, horizon, day));
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
        try (KeyValueIterator<String, SeriesCell> all = cellStore.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key.substring(0, entry.key.indexOf('#'))));
        }
        return new ArrayList<>(keys);
    }

    private void write(String seriesKey, IndicatorSeries target, LocalDate bucket) {
        long[] cell = target.cells().get(bucket);
        if (cell == null) {
            cellStore.delete(key(seriesKey, bucket));
        } else {
            cellStore.put(key(seriesKey, bucket), new SeriesCell(cell[0], cell[1]));
        }
    }

    private void writeLate(String seriesKey, IndicatorSeries target, LocalDate bucket, LocalDate recordedOn) {
        NavigableMap<LocalDate, long[]> day = target.late().get(recordedOn);
        long[] cell = day == null ? null : day.get(bucket);
        if (cell == null) {
            cellStore.delete(lateKey(seriesKey, bucket, recordedOn));
        } else {
            cellStore.put(lateKey(seriesKey, bucket, recordedOn), new SeriesCell(cell[0], cell[1]));
        }
    }

    private IndicatorSeries load(String seriesKey, IndicatorDefinition indicator, long population) {
        return read(cellStore, seriesKey, indicator, population);
    }

    /** A series as its cells stand in {@code cells} (this task's store, or an interactive query of it). */
    public static IndicatorSeries read(ReadOnlyKeyValueStore<String, SeriesCell> cells, String seriesKey,
                                       IndicatorDefinition indicator, long population) {
        List<LocalDate> buckets = new ArrayList<>();
        List<Long> numerators = new ArrayList<>();
        List<Long> denominators = new ArrayList<>();
        List<Map.Entry<String, SeriesCell>> late = new ArrayList<>();
        try (KeyValueIterator<String, SeriesCell> range = cells.range(seriesKey + '#', seriesKey + "#~")) {
            range.forEachRemaining(entry -> {
                String suffix = entry.key.substring(seriesKey.length() + 1);
                if (suffix.indexOf('#') >= 0) {
                    late.add(Map.entry(suffix, entry.value));
                    return;
                }
                buckets.add(LocalDate.ofEpochDay(Long.parseLong(suffix)));
                numerators.add(entry.value.getNumerator());
                denominators.add(entry.value.getDenominator());
            });
        }
        IndicatorSeries series = IndicatorSeries.of(indicator, population, buckets, numerators, denominators);
        for (Map.Entry<String, SeriesCell> entry : late) {
            String[] days = entry.getKey().split("#");
            series.applyLate(LocalDate.ofEpochDay(Long.parseLong(days[0])), LocalDate.ofEpochDay(Long.parseLong(days[1])),
                    entry.getValue().getNumerator(), entry.getValue().getDenominator());
        }
        return series;
    }

    static String key(String seriesKey, LocalDate bucket) {
        return seriesKey + '#' + Keys.zeroPadded(bucket.toEpochDay(), 8);
    }

    static String lateKey(String seriesKey, LocalDate bucket, LocalDate recordedOn) {
        return key(seriesKey, bucket) + '#' + Keys.zeroPadded(recordedOn.toEpochDay(), 8);
    }
}
