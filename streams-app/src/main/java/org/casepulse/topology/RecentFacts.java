package org.casepulse.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.Facts;

/**
 * The facts last computed for recently changed cases, so that the next event of a case does not
 * compute its "before" facts again. Only a hint: an entry is used only when the case's stored
 * events are exactly those it was computed from, and it is dropped once used; the stores stay the
 * truth (a processor starts with an empty one after any restore).
 */
final class RecentFacts {

    private record Entry(List<CaseEvent> events, Facts facts) {}

    private final Map<String, Entry> entries;

    RecentFacts(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<Facts> take(String caseId, List<CaseEvent> storedEvents) {
        Entry entry = entries.remove(caseId);
        return entry != null && entry.events().equals(storedEvents) ? Optional.of(entry.facts()) : Optional.empty();
    }

    void keep(String caseId, List<CaseEvent> events, Facts facts) {
        entries.put(caseId, new Entry(events, facts));
    }
}
