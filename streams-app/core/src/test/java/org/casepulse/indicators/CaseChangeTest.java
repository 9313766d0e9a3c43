package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;
import org.casepulse.testing.CaseEvents;
import org.junit.jupiter.api.Test;

class CaseChangeTest {

    private final CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
    private final CaseEvent referral = aCase.referral("N1", "2024-03-01");
    private final CaseEvent allocation = aCase.allocation("N1", "2024-03-04", "w1");

    @Test
    void shouldNameTheKindAndDateOfAVisitInTheCasesArea() {
        CaseChange change = CaseChange.between(history(referral, allocation),
                history(referral, allocation, aCase.visit("N1", "2024-03-10")));

        assertThat(change.earliest()).isEqualTo(LocalDate.parse("2024-03-10"));
        assertThat(change.kinds()).isEqualTo(EventKinds.of(EventType.VISIT_RECORDED));
        assertThat(change.touches(EventKinds.of(EventType.VISIT_RECORDED))).isTrue();
        assertThat(change.touches(EventKinds.of(EventType.ALLOCATION_MADE) | EventKinds.AREA)).isFalse();
    }

    @Test
    void shouldSayTheAreaMovedWhenTheNewEventIsTheLatestOfItsDateElsewhere() {
        CaseChange change = CaseChange.between(history(referral, allocation),
                history(referral, allocation, aCase.visit("N2", "2024-03-10")));

        assertThat(change.kinds() & EventKinds.AREA).isNotZero();
        assertThat(change.touches(EventKinds.AREA)).isTrue();
    }

    @Test
    void shouldNameTheKindsOfAnAmendmentsOldAndNewVersions() {
        CaseEvent plan = aCase.planStarted("N1", "2024-03-08", "p1", PlanType.CP);
        CaseEvent amended = CaseEvents.amend(plan).setOccurredOn(LocalDate.parse("2024-03-06")).build();

        CaseChange change = CaseChange.between(history(referral, allocation, plan), history(referral, allocation, amended));

        assertThat(change.earliest()).isEqualTo(LocalDate.parse("2024-03-06"));
        assertThat(change.kinds()).isEqualTo(EventKinds.of(EventType.PLAN_STARTED));
    }

    @Test
    void shouldEvaluateTheWholeCaseWhenAnEventCarriesTheChildsAttributes() {
        CaseEvent withBirth = CaseEvent.newBuilder(aCase.visit("N1", "2024-03-10"))
                .setChildDateOfBirth(LocalDate.parse("2015-06-01")).build();

        CaseChange change = CaseChange.between(history(referral, allocation), history(referral, allocation, withBirth));

        assertThat(change.isPartial()).isFalse();
        assertThat(change.touches(0)).as("nothing of before may be kept").isTrue();
    }

    @Test
    void shouldEvaluateTheWholeCaseWhenItsReferralArrivesOrChanges() {
        CaseEvent otherReferral = CaseEvents.amend(referral).setOccurredOn(LocalDate.parse("2024-02-28")).build();

        assertThat(CaseChange.between(history(allocation), history(referral, allocation)).isPartial()).isFalse();
        assertThat(CaseChange.between(history(referral, allocation), history(otherReferral, allocation)).isPartial())
                .isFalse();
    }

    @Test
    void shouldRecordTheKindsAMeasureAsksTheHistoryFor() {
        CaseHistory history = history(referral, allocation, aCase.visit("N1", "2024-03-10"));
        history.takeReads();

        history.visits();
        history.areaOn(LocalDate.parse("2024-03-10"));

        assertThat(history.takeReads()).isEqualTo(EventKinds.of(EventType.VISIT_RECORDED) | EventKinds.AREA);
        assertThat(history.takeReads()).as("taken, so started afresh").isZero();
    }

    private static CaseHistory history(CaseEvent... events) {
        return CaseHistory.of(new ArrayList<>(List.of(events)));
    }
}
