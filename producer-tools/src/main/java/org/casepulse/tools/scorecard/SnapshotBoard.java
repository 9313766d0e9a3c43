package org.casepulse.tools.scorecard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;

/**
 * The current figures of the compacted snapshot topic: one per indicator, area, period type and
 * period end, the last one published; a withdrawal (a null value) removes it. Not thread-safe.
 */
public final class SnapshotBoard {

    /** What identifies a figure, as the topic's key does. */
    public record Key(String indicatorId, String areaCode, PeriodType periodType, LocalDate periodEnd) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::indicatorId)
                .thenComparing(Key::areaCode)
                .thenComparing(Key::periodType)
                .thenComparing(Key::periodEnd);

        public static Key of(IndicatorSnapshotKey key) {
            return new Key(key.getIndicatorId(), key.getAreaCode(), key.getPeriodType(), key.getPeriodEnd());
        }
    }

    private final NavigableMap<Key, IndicatorSnapshot> figures = new TreeMap<>(Key.ORDER);

    /**
     * Applies one record of the topic.
     *
     * @param value the figure, or null when it was withdrawn
     * @return whether the board changed
     */
    public boolean apply(IndicatorSnapshotKey key, IndicatorSnapshot value) {
        Key k = Key.of(key);
        if (value == null) {
            return figures.remove(k) != null;
        }
        return !value.equals(figures.put(k, value));
    }

    public Optional<IndicatorSnapshot> figure(Key key) {
        return Optional.ofNullable(figures.get(key));
    }

    /**
     * The figure of the indicator, area and period type with the latest period end on or before
     * {@code notAfter} (any, when null).
     */
    public Optional<IndicatorSnapshot> latest(String indicatorId, String areaCode, PeriodType type, LocalDate notAfter) {
        Map.Entry<Key, IndicatorSnapshot> entry = figures.floorEntry(
                new Key(indicatorId, areaCode, type, notAfter == null ? LocalDate.MAX : notAfter));
        if (entry == null) {
            return Optional.empty();
        }
        Key found = entry.getKey();
        boolean same = found.indicatorId().equals(indicatorId) && found.areaCode().equals(areaCode)
                && found.periodType() == type;
        return same ? Optional.of(entry.getValue()) : Optional.empty();
    }

    /** The period types published for the indicator, in enum order. */
    public Set<PeriodType> periodTypes(String indicatorId) {
        Set<PeriodType> types = new TreeSet<>();
        figures.keySet().stream().filter(k -> k.indicatorId().equals(indicatorId)).forEach(k -> types.add(k.periodType()));
        return types;
    }

    /** The indicators with figures, in id order. */
    public Set<String> indicatorIds() {
        Set<String> ids = new LinkedHashSet<>();
        figures.keySet().forEach(k -> ids.add(k.indicatorId()));
        return ids;
    }

    /** Every figure, in key order. */
    public Collection<IndicatorSnapshot> figures() {
        return figures.values();
    }

    public int size() {
        return figures.size();
    }
}
