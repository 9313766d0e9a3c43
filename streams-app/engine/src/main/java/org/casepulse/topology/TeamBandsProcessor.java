package org.casepulse.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.bands.TeamBands;
import org.casepulse.indicators.bands.TeamFigure;
import org.casepulse.indicators.figures.FigureMaker;
import org.casepulse.indicators.figures.SeriesPublisher;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;

/**
 * Figures of figures (COUNTING.md 13.1), keyed by banded indicator and ancestor area: holds the
 * latest figure of each team (lowest area) under the ancestor per period, as the series stage
 * published it, and publishes the team-band-share figures that a change moves: the period's own,
 * and the next period's (whose previous value it is). A team whose figure moves to another band
 * moves the share; a withdrawn figure takes the team out of the denominator.
 *
 * <p>What was published is a function of the store: each change forwards the difference between
 * the figures of the store before and after it, in the same transaction as the store's write, so
 * under exactly-once nothing is lost or sent twice, and a restart needs nothing in memory.
 */
final class TeamBandsProcessor implements Processor<String, String, IndicatorSnapshotKey, IndicatorSnapshot> {

    private final Map<String, List<IndicatorDefinition>> sharesBySource;
    private final AreaHierarchy areas;
    private final PipelineMetrics metrics;
    private ProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context;
    private KeyValueStore<String, String> teams;

    TeamBandsProcessor(IndicatorCatalogue catalogue, AreaHierarchy areas, PipelineMetrics metrics) {
        this.sharesBySource = sharesBySource(catalogue);
        this.areas = areas;
        this.metrics = metrics;
    }

    /** The team-band-share entries of the catalogue, by the indicator each bands. */
    static Map<String, List<IndicatorDefinition>> sharesBySource(IndicatorCatalogue catalogue) {
        Map<String, List<IndicatorDefinition>> shares = new TreeMap<>();
        for (IndicatorDefinition indicator : catalogue.all()) {
            if (indicator.measure().isFigureOfFigures()) {
                shares.computeIfAbsent(indicator.parameters().of(), id -> new ArrayList<>()).add(indicator);
            }
        }
        return shares;
    }

    @Override
    public void init(ProcessorContext<IndicatorSnapshotKey, IndicatorSnapshot> context) {
        this.context = context;
        this.teams = context.getStateStore(StateStores.TEAM_FIGURES);
    }

    @Override
    public void process(Record<String, String> record) {
        TeamFigureChange change = TeamFigureChange.parse(record.key(), record.value());
        List<IndicatorDefinition> shares = sharesBySource.getOrDefault(change.source(), List.of()).stream()
                .filter(share -> share.publishes(change.type())).toList();
        Area area = areas.find(change.ancestor()).orElse(null);
        String held = teams.get(change.storeKey());
        String now = change.storedValue();
        if (shares.isEmpty() || area == null || Objects.equals(held, now)) {
            return;
        }
        Map<LocalDate, List<TeamFigure>> before = teamsByPeriod(change.typePrefix());
        if (now == null) {
            teams.delete(change.storeKey());
        } else {
            teams.put(change.storeKey(), now);
        }
        Map<LocalDate, List<TeamFigure>> after = teamsByPeriod(change.typePrefix());

        Period changed = TeamBands.period(change.type(), change.periodEnd());
        Set<LocalDate> ends = new TreeSet<>(before.keySet());
        ends.addAll(after.keySet());
        List<Period> affected = new ArrayList<>(List.of(changed));
        for (LocalDate end : ends) {
            Period period = TeamBands.period(change.type(), end);
            if (period.previous().equals(changed)) {
                affected.add(period); // its previous value is the changed period's
            }
        }
        long wallClock = context.currentSystemTimeMs();
        Instant computedAt = Instant.ofEpochMilli(wallClock);
        for (IndicatorDefinition share : shares) {
            for (Period period : affected) {
                IndicatorSnapshot was = figure(share, area, period, before, computedAt);
                IndicatorSnapshot is = figure(share, area, period, after, computedAt);
                if (is == null && was != null) {
                    context.forward(new Record<>(SeriesPublisher.keyOf(was), null, wallClock));
                    metrics.snapshotWithdrawn();
                } else if (is != null && (was == null || !FigureMaker.sameFigure(was, is))) {
                    context.forward(new Record<>(SeriesPublisher.keyOf(is), is, wallClock));
                    metrics.snapshotEmitted(is.getRevision() > 0);
                }
            }
        }
    }

    private static IndicatorSnapshot figure(IndicatorDefinition share, Area area, Period period,
                                            Map<LocalDate, List<TeamFigure>> teamsByPeriod, Instant computedAt) {
        return TeamBands.figure(share, area, period, teamsByPeriod.getOrDefault(period.end(), List.of()),
                teamsByPeriod.getOrDefault(period.previous().end(), List.of()), computedAt);
    }

    /** The teams' figures of one banded indicator, ancestor and period type, by period end. */
    private Map<LocalDate, List<TeamFigure>> teamsByPeriod(String typePrefix) {
        Map<LocalDate, List<TeamFigure>> byPeriod = new TreeMap<>();
        try (KeyValueIterator<String, String> entries = teams.prefixScan(typePrefix, Serdes.String().serializer())) {
            while (entries.hasNext()) {
                KeyValue<String, String> entry = entries.next();
                TeamFigureChange.StoredTeam stored = TeamFigureChange.stored(typePrefix, entry.key, entry.value);
                byPeriod.computeIfAbsent(stored.periodEnd(), end -> new ArrayList<>()).add(stored.figure());
            }
        }
        return byPeriod;
    }
}
