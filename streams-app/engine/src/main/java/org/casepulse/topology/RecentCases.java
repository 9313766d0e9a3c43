package org.casepulse.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.measures.ChildTimelines;
import org.casepulse.state.CaseState;
import org.casepulse.state.ChildSummary;

/**
 * Recently changed cases as this processor last wrote them, decoded, with their ledger, history, the
 * facts computed for them and the summary last sent to their child (null if none): the next event
 * of a case then neither reads and decodes its state nor computes its "before" history, facts and
 * summary again. The state store stays the truth: this processor is the only writer of its
 * cases, and the cache is created anew whenever the processor is (re)initialised, after any
 * restore or rollback.
 */
final class RecentCases {

    /**
     * The ledger is the live one of the case, not a copy: whoever changes it without writing the
     * case must remove the entry. {@code timelineReads} says what the summary's timelines were made
     * from, and is updated in place with the next summary.
     */
    record Entry(CaseState state, CaseLedger ledger, CaseHistory history, Facts facts, ChildSummary summary,
                 ChildTimelines.Reads timelineReads) {}

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

    void put(String caseId, Entry entry) {
        entries.put(caseId, entry);
    }

    void remove(String caseId) {
        entries.remove(caseId);
    }
}
