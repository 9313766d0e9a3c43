package org.casepulse.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.figures.IndicatorSeries;
import org.casepulse.indicators.figures.RecordedDays;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.indicators.figures.SeriesKey;
import org.casepulse.indicators.figures.SeriesPublisher;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.Benchmarks;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.state.SeriesChange;
import org.casepulse.state.SeriesChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums the changes for one indicator in one area into its series and publishes the figures of
 * the reporting window that changed: on each flush for the series that received changes, and
 * for every series when the day changes (snapshot figures move with the clock, and a new month
 * brings new periods). Work per day change is per series (indicators x areas), never per case.
 */
final class SeriesProcessor implements Processor<String, SeriesChanges, IndicatorSnapshotKey, IndicatorSnapshot> {

    private static final Logger LOG = LoggerFactory.getLogger(SeriesProcessor.class);
    private static final String TODAY = "today";

    private final IndicatorCatalogue catalogue;
    private final Benchmarks benchmarks;
    private final AreaHierarchy areas;
    private final BusinessClock clock;
    private final int reportingMonths;
    private final FlushCadence cadence;
    private final Duration clockInterval;
    private final PipelineMetrics metrics;

    private ProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context;
    private SeriesBook book;
    /**
     * The series changed since they were last published, with the latest recordedAt of their
     * changes (for the lag metric). In memory only: a task that starts, after a crash or a
     * rebalance, re-evaluates every series it holds at its first flush ({@link #republishAll}).
     * That publishes exactly what a crash left unpublished: the published figures are stored in
     * the same transaction as the snapshots sent, so what differs from them was never sent. A
     * store for this cost a changelog record per series and flush (0.8 per input event).
     */
    private NavigableMap<String, Long> dirty;
    private boolean republishAll;
    private FlushSchedule flushes;
    private KeyValueStore<String, Long> day;
    private final Set<String> unknownIndicators = new HashSet<>();
    /**
     * The buckets each dirty series changed at since it was last published, so that a flush
     * re-evaluates only the figures that read them. Kept in memory only: a dirty series without
     * an entry (after a restore) is re-evaluated whole, which is always right.
     */
    private Map<String, NavigableSet<LocalDate>> touched;

    SeriesProcessor(IndicatorCatalogue catalogue, AreaHierarchy areas, Benchmarks benchmarks, BusinessClock clock,
                    int reportingMonths, FlushCadence cadence, Duration clockInterval, PipelineMetrics metrics) {
        this.catalogue = catalogue;
        this.benchmarks = benchmarks;
        this.areas = areas;
        this.clock = clock;
        this.reportingMonths = reportingMonths;
        this.cadence = cadence;
        this.clockInterval = clockInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context) {
        this.context = context;
        this.book = new SeriesBook(context.getStateStore(StateStores.SERIES_CELLS), context.getStateStore(StateStores.SERIES));
        this.dirty = new TreeMap<>();
        this.republishAll = true;
        this.day = context.getStateStore(StateStores.SERIES_CLOCK);
        this.touched = new HashMap<>();
        this.flushes = FlushSchedule.start(context, cadence, this::publishChanged);
        context.schedule(clockInterval, PunctuationType.WALL_CLOCK_TIME, this::followTheClock);
    }

    @Override
    public void process(Record<String, SeriesChanges> record) {
        flushes.received(record);
        IndicatorDefinition indicator = indicatorOf(record.value().getIndicatorId());
        if (indicator == null) {
            return;
        }
        ReportingWindow window = window(context.currentSystemTimeMs());
        LocalDate horizon = window.horizon();
        LocalDate lastUncounted = RecordedDays.lastUncounted(window);
        Map<String, Long> latestKnown = new HashMap<>();
        for (SeriesChange change : record.value().getChanges()) {
            Area area = areas.find(change.getAreaCode()).orElse(null);
            if (area == null) {
                continue;
            }
            LocalDate bucket = change.getBucket();
            if (bucket.isBefore(horizon)) {
                if (!indicator.measure().isSnapshot()) {
                    continue; // no published figure reaches back that far
                }
                bucket = horizon; // day changes fold into the count at the horizon
            }
            String key = new SeriesKey(indicator.id(), area.code()).encode();
            IndicatorSeries series = book.series(key, indicator, areas.population(area.code()));
            book.apply(key, series, bucket, change.getNumerator(), change.getDenominator());
            touched.computeIfAbsent(key, k -> new TreeSet<>()).add(bucket);
            LocalDate recordedOn = change.getRecordedOn();
            if (recordedOn != null && recordedOn.isAfter(lastUncounted)) {
                book.applyLate(key, series, bucket, recordedOn, change.getNumerator(), change.getDenominator());
            }
            latestKnown.merge(key, change.getKnownAt().toEpochMilli(), Math::max);
        }
        book.writeChanged();
        latestKnown.forEach((key, latest) -> dirty.merge(key, latest, Math::max));
    }

    /** Publishes what the changes since the last flush touched; says whether any figure was sent. */
    private boolean publishChanged(long wallClockTime, long newestInputTimestamp) {
        ReportingWindow window = window(wallClockTime);
        // Until the clock has moved the series to a new day, its figures are re-evaluated whole.
        Long lastDay = day.get(TODAY);
        boolean sameDay = lastDay != null && lastDay == window.today().toEpochDay();
        boolean sent = false;
        if (republishAll) {
            republishAll = false;
            Set<String> keys = new TreeSet<>(book.keys());
            keys.addAll(dirty.keySet()); // changed since the task started, not yet in a store's iteration
            for (String key : keys) {
                Long knownAt = dirty.get(key);
                sent |= publish(key, window, knownAt == null ? null : Instant.ofEpochMilli(knownAt), wallClockTime, null);
            }
            dirty.clear();
            touched.clear();
            return sent;
        }
        while (!dirty.isEmpty()) {
            Map.Entry<String, Long> entry = dirty.pollFirstEntry();
            NavigableSet<LocalDate> buckets = touched.remove(entry.getKey());
            sent |= publish(entry.getKey(), window, Instant.ofEpochMilli(entry.getValue()), wallClockTime, sameDay ? buckets : null);
        }
        return sent;
    }

    /** On a new day, every series is re-published: snapshot figures move and new periods begin. */
    private void followTheClock(long wallClockTime) {
        LocalDate today = clock.today(wallClockTime);
        Long last = day.get(TODAY);
        if (last != null && last == today.toEpochDay()) {
            return;
        }
        day.put(TODAY, today.toEpochDay());
        long started = System.nanoTime();
        ReportingWindow window = window(wallClockTime);
        List<String> keys = book.keys();
        for (String key : keys) {
            publish(key, window, null, wallClockTime, null);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.dayChange(took);
        LOG.info("New day {}: re-evaluated {} series in {} ms", today, keys.size(), took.toMillis());
    }

    /**
     * Publishes what changed in a series: the figures reading {@code touched}, or all when it is
     * null. Says whether any figure was sent.
     */
    private boolean publish(String key, ReportingWindow window, Instant knownAt, long wallClockTime,
                         NavigableSet<LocalDate> touched) {
        SeriesKey seriesKey = SeriesKey.parse(key);
        IndicatorDefinition indicator = indicatorOf(seriesKey.indicatorId());
        Area area = areas.find(seriesKey.areaCode()).orElse(null);
        if (indicator == null || area == null) {
            return false;
        }
        IndicatorSeries series = book.series(key, indicator, areas.population(area.code()));
        book.forgetBefore(key, series, window.horizon(), RecordedDays.lastUncounted(window));
        SeriesPublisher.Publication publication = SeriesPublisher.publish(series, area, book.published(key), window,
                Instant.ofEpochMilli(wallClockTime), benchmarks, touched);
        for (SeriesPublisher.Change change : publication.changes()) {
            context.forward(new Record<>(change.key(), change.snapshot(), wallClockTime));
            if (change.snapshot() == null) {
                metrics.snapshotWithdrawn();
            } else {
                metrics.snapshotEmitted(change.snapshot().getRevision() > 0);
                if (knownAt != null) {
                    metrics.snapshotLag(Duration.between(knownAt, Instant.ofEpochMilli(wallClockTime)));
                }
            }
        }
        book.publish(key, series, publication.published());
        return !publication.changes().isEmpty();
    }

    private ReportingWindow window(long wallClockTime) {
        return new ReportingWindow(clock.today(wallClockTime), reportingMonths, catalogue.lookBackMonths());
    }

    private IndicatorDefinition indicatorOf(String indicatorId) {
        IndicatorDefinition indicator = catalogue.find(indicatorId).orElse(null);
        if (indicator == null && unknownIndicators.add(indicatorId)) {
            LOG.warn("Ignoring changes for indicator '{}': not in the catalogue (reset the application after removing an indicator)", indicatorId);
        }
        return indicator;
    }

}
