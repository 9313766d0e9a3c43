package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An index of closed cases by the date of their latest event, ordered so that the cases past a
 * horizon are one range scan away (keys are {@code epochDay|caseId}, the day zero-padded).
 */
final class CaseExpiry {

    private final KeyValueStore<String, String> index;

    CaseExpiry(KeyValueStore<String, String> index) {
        this.index = index;
    }

    void reindex(String caseId, LocalDate before, LocalDate after) {
        if (before != null && !before.equals(after)) {
            index.delete(key(before, caseId));
        }
        if (after != null && !after.equals(before)) {
            index.put(key(after, caseId), caseId);
        }
    }

    /** Removes from the index and returns the cases whose latest event is dated before {@code horizon}. */
    List<String> expiringBefore(LocalDate horizon) {
        List<String> keys = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        try (KeyValueIterator<String, String> expired = index.range(dayPrefix(0), dayPrefix(horizon.toEpochDay()))) {
            expired.forEachRemaining(entry -> {
                keys.add(entry.key);
                cases.add(entry.value);
            });
        }
        keys.forEach(index::delete);
        return cases;
    }

    private static String key(LocalDate day, String caseId) {
        return dayPrefix(day.toEpochDay()) + '|' + caseId;
    }

    /** Sorts before every key of that day ('|' sorts after digits, the prefix alone before its keys). */
    private static String dayPrefix(long epochDay) {
        return Keys.zeroPadded(epochDay, 8);
    }
}
