package org.casepulse.topology;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.casepulse.indicators.bands.TeamFigure;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;

/**
 * A lowest area's figure of a banded indicator, published or withdrawn, on its way to one
 * ancestor's team-bands stage. Keyed {@code source|ancestor}, so one task holds every team of an
 * ancestor; its value {@code TYPE|periodEnd|revision|value|team} (value empty: withdrawn, or no
 * value to band). The engine's own format, on its own repartition topic.
 */
record TeamFigureChange(String source, String ancestor, PeriodType type, LocalDate periodEnd, String team,
                        BigDecimal value, int revision) {

    private static final char SEPARATOR = '|';

    /**
     * The changes a published figure (or withdrawal, {@code snapshot} null) makes: one per
     * ancestor of its area, when it is a figure of a banded indicator at a lowest area.
     */
    static List<KeyValue<String, String>> of(IndicatorSnapshotKey key, IndicatorSnapshot snapshot,
                                             Set<String> bandedSources, AreaHierarchy areas) {
        if (!bandedSources.contains(key.getIndicatorId()) || !areas.isLowest(key.getAreaCode())) {
            return List.of();
        }
        BigDecimal value = snapshot == null || snapshot.getValue() == null ? null
                : BigDecimal.valueOf(snapshot.getValue()).stripTrailingZeros();
        int revision = snapshot == null ? 0 : snapshot.getRevision();
        List<KeyValue<String, String>> changes = new ArrayList<>();
        for (Area ancestor : areas.lineage(key.getAreaCode())) {
            if (ancestor.code().equals(key.getAreaCode())) {
                continue;
            }
            TeamFigureChange change = new TeamFigureChange(key.getIndicatorId(), ancestor.code(), key.getPeriodType(),
                    key.getPeriodEnd(), key.getAreaCode(), value, revision);
            changes.add(KeyValue.pair(change.recordKey(), change.recordValue()));
        }
        return changes;
    }

    static TeamFigureChange parse(String recordKey, String recordValue) {
        int keySeparator = recordKey.indexOf(SEPARATOR);
        String[] parts = recordValue.split("\\|", 5);
        if (keySeparator < 0 || parts.length != 5) {
            throw new IllegalArgumentException("not a team figure change: " + recordKey + " " + recordValue);
        }
        return new TeamFigureChange(recordKey.substring(0, keySeparator), recordKey.substring(keySeparator + 1),
                PeriodType.valueOf(parts[0]), LocalDate.parse(parts[1]), parts[4],
                parts[3].isEmpty() ? null : new BigDecimal(parts[3]), Integer.parseInt(parts[2]));
    }

    String recordKey() {
        return source + SEPARATOR + ancestor;
    }

    String recordValue() {
        return type.name() + SEPARATOR + periodEnd + SEPARATOR + revision + SEPARATOR
                + (value == null ? "" : value.toPlainString()) + SEPARATOR + team;
    }

    /** The stage's store key of every team of this ancestor's figures of one period type. */
    String typePrefix() {
        return source + SEPARATOR + ancestor + SEPARATOR + type.name() + SEPARATOR;
    }

    /** The stage's store key of this team's figure: the type prefix, then the period's end and the team. */
    String storeKey() {
        return typePrefix() + periodEnd + SEPARATOR + team;
    }

    /** What the stage stores for the team's figure ({@code revision|value}), or null when it has none. */
    String storedValue() {
        return value == null ? null : revision + String.valueOf(SEPARATOR) + value.toPlainString();
    }

    /** The period end and team figure of a stored entry under {@link #typePrefix()}. */
    static StoredTeam stored(String typePrefix, String storeKey, String storedValue) {
        String rest = storeKey.substring(typePrefix.length());
        int separator = rest.indexOf(SEPARATOR);
        int valueSeparator = storedValue.indexOf(SEPARATOR);
        return new StoredTeam(LocalDate.parse(rest.substring(0, separator)), new TeamFigure(rest.substring(separator + 1),
                new BigDecimal(storedValue.substring(valueSeparator + 1)),
                Integer.parseInt(storedValue.substring(0, valueSeparator))));
    }

    record StoredTeam(LocalDate periodEnd, TeamFigure figure) {}
}
