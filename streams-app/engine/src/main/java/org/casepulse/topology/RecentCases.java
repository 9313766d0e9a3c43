package org.casepulse.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.casepulse.indicators.Facts;
import org.casepulse.state.CaseState;

/**
 * Recently changed cases as this processor last wrote them, decoded, with the facts computed for
 * them: the next event of a case then neither reads and decodes its state nor computes its
 * "before" facts again. The state store stays the truth: this processor is the only writer of its
 * cases, and the cache is created anew whenever the processor is (re)initialised, after any
 * restore or rollback.
 */
final class RecentCases {

    record Entry(CaseState state, Facts facts) {}

    private final Map<String, Entry> entries;

    RecentCases(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    Entry get(String caseId) {
        return entries.get(caseId);
    }

    void put(String caseId, CaseState state, Facts facts) {
        entries.put(caseId, new Entry(state, facts));
    }

    void remove(String caseId) {
        entries.remove(caseId);
    }
}
