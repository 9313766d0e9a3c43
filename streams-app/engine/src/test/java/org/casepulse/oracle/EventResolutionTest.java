package org.casepulse.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.oracle.CaseScript.amended;
import static org.casepulse.oracle.CaseScript.on;
import static org.casepulse.snapshots.PeriodType.MONTH;
import static org.casepulse.snapshots.PeriodType.SNAPSHOT;

import java.time.LocalDate;
import org.casepulse.events.CaseEvent;
import org.junit.jupiter.api.Test;

/**
 * Which events count (COUNTING.md section 1): amendments, duplicates, lower revisions and
 * retractions, in whatever order they arrive. Today is 15 June 2024.
 */
class EventResolutionTest {
    private static final String TODAY = "2024-06-15";

    @Test
    void shouldMoveAnAllocationToTheMonthAndAreaOfItsAmendmentWhicheverRevisionArrivesFirst() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent referral = c1.referral("2024-03-01");
        CaseEvent allocation = c1.allocation("2024-03-05", "w1");
        // Moved to Wed 10 April in N2: 26 working days after Fri 1 March, so not within 2.
        CaseEvent moved = amended(allocation, on("2024-04-10").andThen(b -> b.setAreaCode("N2")));

        for (ComputedFigures figures : new ComputedFigures[] {
                ComputedFigures.of(TODAY, referral, allocation, moved),
                ComputedFigures.of(TODAY, moved, referral, allocation)}) {
            assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("empty");
            assertThat(figures.counts("allocation-within-2wd", "N2", MONTH, "2024-04")).isEqualTo("0/1");
            assertThat(figures.counts("allocation-within-2wd", "NORTH", MONTH, "2024-04")).isEqualTo("0/1");
            // At the end of March the case is open in N1 (its referral's area) and not yet allocated;
            // at the end of April its latest event is the allocation, in N2.
            assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, "2024-03-31")).isEqualTo("0/1");
            assertThat(figures.counts("workload-allocated", "N2", SNAPSHOT, "2024-04-30")).isEqualTo("1/1");
            assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, "2024-04-30")).isEqualTo("empty");
        }
    }

    @Test
    void shouldRemoveARetractedEventEvenWhenTheRetractionArrivesFirst() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent referral = c1.referral("2024-03-01");
        CaseEvent allocation = c1.allocation("2024-03-05", "w1");
        CaseEvent retraction = c1.retraction(allocation, "2024-03-06");

        for (ComputedFigures figures : new ComputedFigures[] {
                ComputedFigures.of(TODAY, referral, allocation, retraction),
                ComputedFigures.of(TODAY, retraction, referral, allocation)}) {
            assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("empty");
            assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, "2024-03-31")).isEqualTo("0/1");
        }
    }

    @Test
    void shouldKeepAnEventRetractedWhenItsRetractionIsRetracted() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent referral = c1.referral("2024-03-01");
        CaseEvent allocation = c1.allocation("2024-03-05", "w1");
        CaseEvent retraction = c1.retraction(allocation, "2024-03-06");
        CaseEvent retractionOfRetraction = c1.retraction(retraction, "2024-03-07");

        ComputedFigures figures = ComputedFigures.of(TODAY, referral, allocation, retraction, retractionOfRetraction);

        assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("empty");
    }

    @Test
    void shouldRetractOnlyTheEventOfItsOwnCase() {
        // Both cases have an event E2 (their allocation); the retraction in c1 does not touch c2's.
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseScript c2 = CaseScript.of("c2", "k2", "N1");
        CaseEvent c1Referral = c1.referral("2024-03-01");
        CaseEvent c1Allocation = c1.allocation("2024-03-05", "w1");
        CaseEvent c1Retraction = c1.retraction(c1Allocation, "2024-03-06");
        ComputedFigures figures = ComputedFigures.of(TODAY, c1Referral, c1Allocation, c1Retraction,
                c2.referral("2024-03-01"), c2.allocation("2024-03-05", "w1"));

        assertThat(c1Allocation.getEventId()).isEqualTo("E2");
        assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("1/1");
    }

    @Test
    void shouldCountADuplicateOnceAndIgnoreALowerRevisionArrivingLate() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent referral = c1.referral("2024-03-01");
        CaseEvent allocation = c1.allocation("2024-03-05", "w1");
        // Revision 1 moves it to Wed 20 March: 13 working days after the referral, not within 2.
        CaseEvent revised = amended(allocation, on("2024-03-20"));

        ComputedFigures figures = ComputedFigures.of(TODAY, referral, revised, allocation, revised);

        assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("0/1");
    }

    @Test
    void shouldKeepTheFirstReceivedOfTwoDifferentEventsWithTheSameRevision() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent referral = c1.referral("2024-03-01");
        CaseEvent allocation = c1.allocation("2024-03-05", "w1");          // within 2 working days
        CaseEvent sameRevision = CaseScript.copy(allocation).setOccurredOn(LocalDate.parse("2024-03-20"))
                .build();                                                   // not within 2

        assertThat(ComputedFigures.of(TODAY, referral, allocation, sameRevision)
                .counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("1/1");
        assertThat(ComputedFigures.of(TODAY, referral, sameRevision, allocation)
                .counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("0/1");
    }

    @Test
    void shouldCountACaseFromItsEarliestEffectiveReferralOnly() {
        CaseScript noReferral = CaseScript.of("c1", "k1", "N1");
        CaseScript retractedReferral = CaseScript.of("c2", "k2", "N1");
        CaseScript twoReferrals = CaseScript.of("c3", "k3", "N1");
        // No referral: the allocation counts nowhere.
        CaseEvent lonelyAllocation = noReferral.allocation("2024-03-05", "w1");
        // The only referral retracted: the case counts nowhere.
        CaseEvent c2Referral = retractedReferral.referral("2024-03-01");
        CaseEvent c2Allocation = retractedReferral.allocation("2024-03-05", "w1");
        CaseEvent c2Retraction = retractedReferral.retraction(c2Referral, "2024-03-07");
        // The earlier of two referrals retracted: the referral is Mon 4 March, and the allocation on Wed 6 March
        // is 2 working days after it (it would have been 3 after Fri 1 March).
        CaseEvent c3FirstReferral = twoReferrals.referral("2024-03-01");
        CaseEvent c3SecondReferral = twoReferrals.referral("2024-03-04");
        CaseEvent c3Allocation = twoReferrals.allocation("2024-03-06", "w1");
        CaseEvent c3Retraction = twoReferrals.retraction(c3FirstReferral, "2024-03-08");

        ComputedFigures figures = ComputedFigures.of(TODAY, lonelyAllocation,
                c2Referral, c2Allocation, c2Retraction,
                c3FirstReferral, c3SecondReferral, c3Allocation, c3Retraction);

        assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("1/1");
        // One referral fact for c3: the extra referral is an anomaly, not a second referral.
        assertThat(figures.counts("referral-to-assessment", "N1", MONTH, "2024-03")).isEqualTo("0/1");
        assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, "2024-03-31")).isEqualTo("1/1");
    }

    @Test
    void shouldMoveEveryReferralFactWithAnAmendedReferralDate() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent referral = c1.referral("2024-03-01");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                referral, c1.assessmentStarted("A1", "2024-04-03"), amended(referral, on("2024-04-02")));

        assertThat(figures.counts("referral-to-assessment", "N1", MONTH, "2024-03")).isEqualTo("empty");
        assertThat(figures.counts("referral-to-assessment", "N1", MONTH, "2024-04")).isEqualTo("1/1");
        assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, "2024-03-31")).isEqualTo("empty");
    }

    @Test
    void shouldTakeChildSeenFromTheLatestRevisionOfTheCompletion() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent referral = c1.referral("2024-03-01");
        CaseEvent start = c1.assessmentStarted("A1", "2024-03-04");
        CaseEvent completion = c1.assessmentCompleted("A1", "2024-03-11", true);
        ComputedFigures figures = ComputedFigures.of(TODAY, referral, start, completion,
                amended(completion, b -> b.setChildSeen(false)));

        assertThat(figures.counts("children-seen-at-assessment", "N1", MONTH, "2024-03")).isEqualTo("0/1");
    }
}
