package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.figures.IndicatorSeries;
import org.casepulse.state.SeriesCell;

/**
 * The cells of every series, one small record each, keyed {@code indicator|area#epochDay} (the
 * day zero-padded) so that a change reads and writes one cell, and a series is one range scan.
 */
final class SeriesCells {

    private final KeyValueStore<String, SeriesCell> store;

    SeriesCells(KeyValueStore<String, SeriesCell> store) {
        this.store = store;
    }

    void add(String seriesKey, LocalDate bucket, long numerator, long denominator) {
        String key = key(seriesKey, bucket);
        SeriesCell cell = store.get(key);
        long newNumerator = numerator + (cell == null ? 0 : cell.getNumerator());
        long newDenominator = denominator + (cell == null ? 0 : cell.getDenominator());
        if (newNumerator == 0 && newDenominator == 0) {
            store.delete(key);
        } else {
            store.put(key, new SeriesCell(newNumerator, newDenominator));
        }
    }

    IndicatorSeries load(String seriesKey, IndicatorDefinition indicator, long population) {
        List<LocalDate> buckets = new ArrayList<>();
        List<Long> numerators = new ArrayList<>();
        List<Long> denominators = new ArrayList<>();
        try (KeyValueIterator<String, SeriesCell> cells = store.range(seriesKey + '#', seriesKey + "#~")) {
            cells.forEachRemaining(entry -> {
                buckets.add(LocalDate.ofEpochDay(Long.parseLong(entry.key.substring(seriesKey.length() + 1))));
                numerators.add(entry.value.getNumerator());
                denominators.add(entry.value.getDenominator());
            });
        }
        return IndicatorSeries.of(indicator, population, buckets, numerators, denominators);
    }

    /** Applies {@link IndicatorSeries#forgetBefore} to the store as it did to {@code series}. */
    void forgetBefore(String seriesKey, IndicatorSeries series, LocalDate horizon) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, SeriesCell> cells = store.range(seriesKey + '#', key(seriesKey, horizon))) {
            cells.forEachRemaining(entry -> old.add(entry.key));
        }
        old.remove(key(seriesKey, horizon));
        if (old.isEmpty()) {
            return;
        }
        old.forEach(store::delete);
        series.forgetBefore(horizon);
        long[] kept = series.cells().get(horizon);
        if (kept != null) {
            store.put(key(seriesKey, horizon), new SeriesCell(kept[0], kept[1]));
        } else {
            store.delete(key(seriesKey, horizon));
        }
    }

    static String key(String seriesKey, LocalDate bucket) {
        return seriesKey + '#' + String.format("%08d", bucket.toEpochDay());
    }

    static Map.Entry<String, String> split(String seriesKey) {
        int bar = seriesKey.indexOf('|');
        return Map.entry(seriesKey.substring(0, bar), seriesKey.substring(bar + 1));
    }
}
