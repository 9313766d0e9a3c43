package org.casepulse.scorecard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.casepulse.scorecard.FigureKey.SeriesKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;

/**
 * The published figures, held in memory, and the questions the operations surface asks of them.
 * Fed one record of the snapshot topic at a time by {@link SnapshotView}; free of Kafka so that
 * its queries can be tested alone. Thread-safe: one writer, many readers.
 */
public final class SnapshotFigures {
    private static final Comparator<Figure> BY_KEY = Comparator.comparing(Figure::indicatorId)
            .thenComparing(Figure::areaCode)
            .thenComparing(Figure::periodType)
            .thenComparing(Figure::periodEnd);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<SeriesKey, NavigableMap<LocalDate, Figure>> series = new HashMap<>();
    private int size;

    /**
     * Applies one record of the snapshot topic: a figure, or a withdrawal when {@code figure} is
     * null (a tombstone).
     *
     * @return the change, or empty when the record changes nothing (the same figure again, or the
     *         withdrawal of a figure not held)
     * @throws IllegalArgumentException when the figure does not match its key
     */
    public Optional<FigureChange> apply(FigureKey key, Figure figure) {
        Objects.requireNonNull(key, "key");
        if (figure != null && !figure.key().equals(key)) {
            throw new IllegalArgumentException("figure " + figure.key() + " published under key " + key);
        }
        lock.writeLock().lock();
        try {
            return figure == null ? withdraw(key) : publish(figure);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many figures are held. */
    public int size() {
        return read(() -> size);
    }

    public Optional<Figure> figure(FigureKey key) {
        return read(() -> {
            NavigableMap<LocalDate, Figure> figures = series.get(key.series());
            return Optional.ofNullable(figures == null ? null : figures.get(key.periodEnd()));
        });
    }

    /** The figures the filter matches, by indicator, area, period type and period end. */
    public List<Figure> find(FigureFilter filter) {
        return read(() -> {
            List<Figure> found = new ArrayList<>();
            series.forEach((key, figures) -> {
                if (filter.matchesSeries(key)) {
                    found.addAll(within(figures, filter.from(), filter.to()).values());
                }
            });
            found.sort(BY_KEY);
            return found;
        });
    }

    /** The figure with the latest period end of a series. */
    public Optional<Figure> latest(String indicatorId, String areaCode, PeriodType periodType) {
        return latest(indicatorId, areaCode, periodType, null);
    }

    /** The figure of a series with the latest period end on or before {@code notAfter} (any, when null). */
    public Optional<Figure> latest(String indicatorId, String areaCode, PeriodType periodType, LocalDate notAfter) {
        return read(() -> {
            NavigableMap<LocalDate, Figure> figures = series.get(new SeriesKey(indicatorId, areaCode, periodType));
            Map.Entry<LocalDate, Figure> entry = figures == null ? null
                    : notAfter == null ? figures.lastEntry() : figures.floorEntry(notAfter);
            return Optional.ofNullable(entry == null ? null : entry.getValue());
        });
    }

    /** The figure of the same series with the latest period end before {@code key}'s: the previous period's. */
    public Optional<Figure> previous(FigureKey key) {
        return read(() -> {
            NavigableMap<LocalDate, Figure> figures = series.get(key.series());
            var entry = figures == null ? null : figures.lowerEntry(key.periodEnd());
            return Optional.ofNullable(entry == null ? null : entry.getValue());
        });
    }

    /** The latest period end of a series, if it has any figure. */
    public Optional<LocalDate> latestPeriodEnd(String indicatorId, String areaCode, PeriodType periodType) {
        return latest(indicatorId, areaCode, periodType).map(Figure::periodEnd);
    }

    /**
     * The figures of a series whose period ends within {@code months} months up to and including
     * its latest one, oldest first: the trend line of a scorecard row.
     */
    public List<Figure> history(String indicatorId, String areaCode, PeriodType periodType, int months) {
        return history(indicatorId, areaCode, periodType, months, null);
    }

    /** As {@link #history(String, String, PeriodType, int)}, ending at the latest period end on or before {@code notAfter}. */
    public List<Figure> history(String indicatorId, String areaCode, PeriodType periodType, int months,
                                LocalDate notAfter) {
        return read(() -> {
            NavigableMap<LocalDate, Figure> figures = series.get(new SeriesKey(indicatorId, areaCode, periodType));
            LocalDate latest = figures == null ? null : notAfter == null ? figures.lastKey() : figures.floorKey(notAfter);
            if (latest == null) {
                return List.of();
            }
            return List.copyOf(figures.subMap(latest.minusMonths(months), false, latest, true).values());
        });
    }

    /**
     * How the given areas compare on an indicator for one period: the best value by polarity
     * (H highest, L lowest, T closest to target; none without polarity; ties go to the area given
     * first) and the areas rated RED, worst first. Areas without a figure for the period are left out.
     */
    public Standings standings(String indicatorId, PeriodType periodType, LocalDate periodEnd,
                               Collection<String> areaCodes) {
        List<Figure> peers = read(() -> areaCodes.stream()
                .map(code -> series.get(new SeriesKey(indicatorId, code, periodType)))
                .filter(Objects::nonNull)
                .map(figures -> figures.get(periodEnd))
                .filter(figure -> figure != null && figure.value() != null)
                .toList());
        if (peers.isEmpty()) {
            return Standings.NONE;
        }
        Optional<Comparator<Figure>> worstFirst = worstFirst(peers.get(0));
        if (worstFirst.isEmpty()) {
            return Standings.NONE;
        }
        // A stable sort: of equal values, the area given first stays first.
        Optional<Figure> best = peers.stream().sorted(worstFirst.get().reversed()).findFirst();
        List<Figure> hotspots = peers.stream().filter(figure -> figure.rag() == Rag.RED)
                .sorted(worstFirst.get())
                .toList();
        return new Standings(best, hotspots);
    }

    /** Orders figures of one indicator from worst to best by its polarity; empty when not judged. */
    private static Optional<Comparator<Figure>> worstFirst(Figure sample) {
        Polarity polarity = sample.polarity();
        if (polarity == Polarity.T && sample.target() == null) {
            return Optional.empty();
        }
        return switch (polarity) {
            case H -> Optional.of(Comparator.comparing(Figure::value));
            case L -> Optional.of(Comparator.comparing(Figure::value).reversed());
            case T -> Optional.of(Comparator.comparing((Figure figure) -> distanceFromTarget(figure)).reversed());
            case NONE -> Optional.empty();
        };
    }

    private static double distanceFromTarget(Figure figure) {
        return figure.target() == null ? Double.POSITIVE_INFINITY : Math.abs(figure.value() - figure.target());
    }

    private static NavigableMap<LocalDate, Figure> within(NavigableMap<LocalDate, Figure> figures, LocalDate from,
                                                          LocalDate to) {
        NavigableMap<LocalDate, Figure> view = figures;
        if (from != null) {
            view = view.tailMap(from, true);
        }
        return to == null ? view : view.headMap(to, true);
    }

    private Optional<FigureChange> publish(Figure figure) {
        NavigableMap<LocalDate, Figure> figures = series.computeIfAbsent(figure.key().series(), k -> new TreeMap<>());
        Figure previous = figures.put(figure.periodEnd(), figure);
        if (previous == null) {
            size++;
        }
        return figure.equals(previous) ? Optional.empty() : Optional.of(FigureChange.published(figure));
    }

    private Optional<FigureChange> withdraw(FigureKey key) {
        NavigableMap<LocalDate, Figure> figures = series.get(key.series());
        if (figures == null || figures.remove(key.periodEnd()) == null) {
            return Optional.empty();
        }
        size--;
        if (figures.isEmpty()) {
            series.remove(key.series());
        }
        return Optional.of(FigureChange.withdrawn(key));
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
