package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.measures.CaseFacts;
import org.casepulse.oracle.RandomHistories;
import org.casepulse.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facts computed incrementally (the snapshot timeline from the earliest changed date only)
 * equal the facts computed from the whole history, after every event of random histories full
 * of amendments, retractions, duplicates and out-of-order arrivals.
 */
class IncrementalFactsTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();

    @ParameterizedTest(name = "history {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void shouldEqualTheFactsOfTheWholeHistoryAfterEveryEvent(long seed) {
        CaseFacts caseFacts = new CaseFacts(REFERENCE.catalogue(), REFERENCE.calendar());
        Map<String, List<CaseEvent>> byCase = new LinkedHashMap<>();
        for (CaseEvent event : RandomHistories.generate(seed, 60, LocalDate.parse("2025-03-03").plusDays(seed * 41))) {
            byCase.computeIfAbsent(event.getCaseId(), id -> new ArrayList<>()).add(event);
        }
        int incremental = 0;
        for (List<CaseEvent> events : byCase.values()) {
            CaseLedger ledger = CaseLedger.empty();
            CaseHistory history = CaseHistory.of(ledger.effectiveEvents());
            Facts facts = caseFacts.compute(history);
            for (CaseEvent event : events) {
                if (ledger.admit(event) == CaseLedger.Admission.DUPLICATE) {
                    continue;
                }
                CaseHistory after = CaseHistory.of(ledger.effectiveEvents());
                Facts stepped = caseFacts.computeAfter(history, facts, after);
                Facts whole = caseFacts.compute(after);
                assertThat(stepped.toList()).as("facts of case %s after %s", event.getCaseId(), event.getEventId())
                        .isEqualTo(whole.toList());
                if (history.hasReferral()) {
                    incremental++;
                }
                history = after;
                facts = stepped;
            }
        }
        assertThat(incremental).as("steps that could use the incremental path").isGreaterThan(100);
    }
}
