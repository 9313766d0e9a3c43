package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseChange;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.measures.CaseFacts;
import org.casepulse.indicators.measures.ChildSummaries;
import org.casepulse.indicators.measures.ChildTimelines;
import org.casepulse.oracle.RandomHistories;
import org.casepulse.reference.ReferenceData;
import org.casepulse.state.ChildSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facts and child summaries computed incrementally (the snapshot timelines and the
 * children-counted timelines from the earliest changed date only, and the indicators that read
 * none of the kinds of events a change touched kept as they were) equal those computed from the
 * whole history, after every event of random histories full of amendments, retractions,
 * duplicates and out-of-order arrivals.
 */
class IncrementalFactsTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();

    @ParameterizedTest(name = "history {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void shouldEqualTheFactsOfTheWholeHistoryAfterEveryEvent(long seed) {
        CaseFacts caseFacts = new CaseFacts(REFERENCE.catalogue(), REFERENCE.calendar());
        Map<String, List<CaseEvent>> byCase = new LinkedHashMap<>();
        for (CaseEvent event : RandomHistories.generate(seed, 60, LocalDate.parse("2025-03-03").plusDays(seed * 41))) {
            byCase.computeIfAbsent(event.getCaseId(), id -> new ArrayList<>()).add(event);
        }
        int incremental = 0;
        int kept = 0;
        int timelinesCompared = 0;
        for (List<CaseEvent> events : byCase.values()) {
            CaseLedger ledger = CaseLedger.empty();
            CaseHistory history = CaseHistory.of(ledger.effectiveEvents());
            Facts facts = caseFacts.compute(history);
            ChildSummary summary = null;
            ChildTimelines.Reads timelineReads = caseFacts.childTimelines().newReads();
            for (CaseEvent event : events) {
                if (ledger.admit(event) == CaseLedger.Admission.DUPLICATE) {
                    continue;
                }
                CaseHistory after = CaseHistory.of(ledger.effectiveEvents());
                CaseChange change = CaseChange.between(history, after);
                kept += caseFacts.indicatorsKept(facts, change);
                Facts stepped = caseFacts.computeAfter(after, facts, change);
                Facts whole = caseFacts.compute(after);
                assertThat(stepped.toList()).as("facts of case %s after %s", event.getCaseId(), event.getEventId())
                        .isEqualTo(whole.toList());
                assertThat(caseFacts.computeAfter(history, facts, after).toList()).isEqualTo(whole.toList());

                ChildSummary steppedSummary = ChildSummaries.after(event.getCaseId(), summary, after, change,
                        event.getRecordedAt(), caseFacts.childTimelines(), timelineReads);
                ChildSummary wholeSummary = ChildSummaries.of(event.getCaseId(), after, event.getRecordedAt(),
                        caseFacts.childTimelines());
                assertThat(steppedSummary).as("child summary of case %s after %s", event.getCaseId(), event.getEventId())
                        .isEqualTo(wholeSummary);
                if (change.isPartial()) {
                    incremental++;
                }
                if (wholeSummary != null) {
                    timelinesCompared += wholeSummary.getTimelines().size();
                }
                history = after;
                facts = stepped;
                summary = steppedSummary;
            }
        }
        assertThat(incremental).as("steps that took the incremental path").isGreaterThan(100);
        assertThat(kept).as("indicators' facts kept from before a change").isGreaterThan(1000);
        assertThat(timelinesCompared).as("children-counted timelines compared").isGreaterThan(100);
    }
}
