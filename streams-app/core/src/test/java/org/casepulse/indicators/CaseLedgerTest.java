package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.testing.CaseEvents.amend;

import java.time.LocalDate;
import org.casepulse.events.CaseEvent;
import org.casepulse.testing.CaseEvents;
import org.junit.jupiter.api.Test;

class CaseLedgerTest {

    private final CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");

    @Test
    void shouldReplaceAnEventWithAHigherRevision() {
        CaseLedger ledger = CaseLedger.empty();
        CaseEvent allocation = aCase.allocation("N1", "2024-03-05", "worker-1");
        CaseEvent amended = amend(allocation).setOccurredOn(LocalDate.parse("2024-03-07")).build();

        assertThat(ledger.admit(allocation)).isEqualTo(CaseLedger.Admission.NEW);
        assertThat(ledger.admit(amended)).isEqualTo(CaseLedger.Admission.AMENDED);

        assertThat(ledger.effectiveEvents()).containsExactly(amended);
    }

    @Test
    void shouldIgnoreTheSameOrALowerRevision() {
        CaseLedger ledger = CaseLedger.empty();
        CaseEvent allocation = aCase.allocation("N1", "2024-03-05", "worker-1");
        CaseEvent amended = amend(allocation).setWorkerId("worker-2").build();
        ledger.admit(amended);

        CaseEvent sameRevisionOtherContent = CaseEvent.newBuilder(amended).setWorkerId("worker-3").build();
        assertThat(ledger.admit(allocation)).isEqualTo(CaseLedger.Admission.DUPLICATE);
        assertThat(ledger.admit(sameRevisionOtherContent)).isEqualTo(CaseLedger.Admission.DUPLICATE);
        assertThat(ledger.effectiveEvents()).containsExactly(amended);
    }

    @Test
    void shouldNotCountARetractedEventEvenWhenTheRetractionArrivesFirst() {
        CaseLedger ledger = CaseLedger.empty();
        CaseEvent referral = aCase.referral("N1", "2024-03-01");
        CaseEvent visit = aCase.visit("N1", "2024-03-04");
        ledger.admit(aCase.retraction("N1", "2024-03-06", visit.getEventId()));
        ledger.admit(referral);
        ledger.admit(visit);

        assertThat(ledger.effectiveEvents()).containsExactly(referral);
        assertThat(ledger.versions()).hasSize(3);
    }

    @Test
    void shouldNotLetAHigherRevisionBringARetractedEventBack() {
        CaseLedger ledger = CaseLedger.empty();
        CaseEvent visit = aCase.visit("N1", "2024-03-04");
        ledger.admit(visit);
        ledger.admit(aCase.retraction("N1", "2024-03-06", visit.getEventId()));
        ledger.admit(amend(visit).build());

        assertThat(ledger.effectiveEvents()).isEmpty();
    }

    @Test
    void shouldRestoreAnEventWhenItsRetractionIsAmendedToRetractAnother() {
        CaseLedger ledger = CaseLedger.empty();
        CaseEvent first = aCase.visit("N1", "2024-03-04");
        CaseEvent second = aCase.visit("N1", "2024-03-05");
        CaseEvent retraction = aCase.retraction("N1", "2024-03-06", first.getEventId());
        ledger.admit(first);
        ledger.admit(second);
        ledger.admit(retraction);
        ledger.admit(amend(retraction).setRetractsEventId(second.getEventId()).build());

        assertThat(ledger.effectiveEvents()).containsExactly(first);
    }
}
