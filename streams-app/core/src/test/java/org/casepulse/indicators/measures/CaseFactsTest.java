package org.casepulse.indicators.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.CheckType;
import org.casepulse.events.ConferenceOutcome;
import org.casepulse.events.ConferenceType;
import org.casepulse.events.EventType;
import org.casepulse.events.PlacementType;
import org.casepulse.events.PlanType;
import org.casepulse.events.ReviewType;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.Facts;
import org.casepulse.reference.ReferenceData;
import org.casepulse.testing.CaseEvents;
import org.junit.jupiter.api.Test;

/** Facts of single cases, worked out by hand against the England and Wales calendar. */
class CaseFactsTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private final CaseFacts caseFacts = new CaseFacts(REFERENCE.catalogue(), REFERENCE.calendar());
    private final CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");

    @Test
    void shouldCountAnAllocationOnTheSecondWorkingDayAsInTimeAtTheAllocationsArea() {
        // Referral Fri 1 Mar 2024 (day 0), Mon 4 = 1, Tue 5 = 2: within 2 and 7 working days.
        Facts facts = facts(aCase.referral("N1", "2024-03-01"), aCase.allocation("N2", "2024-03-05", "w1"));

        assertThat(of(facts, "allocation-within-2wd")).containsExactly(fact("allocation-within-2wd", "N2", "2024-03-01", 1, 1));
        assertThat(of(facts, "allocation-within-7wd")).containsExactly(fact("allocation-within-7wd", "N2", "2024-03-01", 1, 1));
    }

    @Test
    void shouldCountAWeekendReceiptFromTheNextMonday() {
        // Referral Sat 2 Mar 2024: Mon 4 = 1, Tue 5 = 2, Wed 6 = 3: late for 2 working days.
        Facts facts = facts(aCase.referral("N1", "2024-03-02"), aCase.allocation("N1", "2024-03-06", "w1"));

        assertThat(of(facts, "allocation-within-2wd")).containsExactly(fact("allocation-within-2wd", "N1", "2024-03-01", 0, 1));
    }

    @Test
    void shouldLeaveOutAnAllocationDatedBeforeItsReferralAndCountTheAnomaly() {
        Facts facts = facts(aCase.referral("N1", "2024-03-04"), aCase.allocation("N1", "2024-03-01", "w1"));

        assertThat(of(facts, "allocation-within-2wd")).isEmpty();
        assertThat(facts.anomalies()).contains(Anomaly.ALLOCATION_BEFORE_REFERRAL);
    }

    @Test
    void shouldContributeNothingUntilTheReferralIsKnown() {
        Facts facts = facts(aCase.allocation("N1", "2024-03-05", "w1"), aCase.visit("N1", "2024-03-06"));

        assertThat(facts.toList()).isEmpty();
    }

    @Test
    void shouldMakeAnUnallocatedCaseOverdueOnTheEighthWorkingDayAcrossEaster() {
        // Referral Thu 28 Mar 2024; Good Friday 29 Mar and Easter Monday 1 Apr are bank holidays.
        // Working days: Tue 2 Apr = 1, 3 = 2, 4 = 3, 5 = 4, Mon 8 = 5, 9 = 6, 10 = 7, Thu 11 Apr = 8 (> 7).
        // Allocated Mon 15 Apr: no longer unallocated from that day.
        Facts facts = facts(aCase.referral("N1", "2024-03-28"), aCase.allocation("N1", "2024-04-15", "w1"));

        assertThat(of(facts, "unallocated-over-7wd")).containsExactly(
                fact("unallocated-over-7wd", "N1", "2024-03-28", 0, 1),
                fact("unallocated-over-7wd", "N1", "2024-04-11", 1, 0),
                fact("unallocated-over-7wd", "N1", "2024-04-15", -1, 0));
        assertThat(of(facts, "workload-allocated")).containsExactly(
                fact("workload-allocated", "N1", "2024-03-28", 0, 1),
                fact("workload-allocated", "N1", "2024-04-15", 1, 0));
    }

    @Test
    void shouldMoveSnapshotCountsWithTheCaseAndStopThemAtClosure() {
        // Open in N1 from 1 Mar, allocated 4 Mar, moved to N2 by a visit on 11 Mar, closed 20 Mar.
        Facts facts = facts(
                aCase.referral("N1", "2024-03-01"),
                aCase.allocation("N1", "2024-03-04", "w1"),
                aCase.visit("N2", "2024-03-11"),
                aCase.closed("N2", "2024-03-20"));

        assertThat(of(facts, "workload-allocated")).containsExactly(
                fact("workload-allocated", "N1", "2024-03-01", 0, 1),
                fact("workload-allocated", "N1", "2024-03-04", 1, 0),
                fact("workload-allocated", "N1", "2024-03-11", -1, -1),
                fact("workload-allocated", "N2", "2024-03-11", 1, 1),
                fact("workload-allocated", "N2", "2024-03-20", -1, -1));
        assertThat(facts.toList()).filteredOn(Fact::isHolding).containsExactly(
                new Fact("average-caseload", "N1", "w1", LocalDate.parse("2024-03-04"), 1, 0),
                new Fact("average-caseload", "N1", "w1", LocalDate.parse("2024-03-11"), -1, 0),
                new Fact("average-caseload", "N2", "w1", LocalDate.parse("2024-03-11"), 1, 0),
                new Fact("average-caseload", "N2", "w1", LocalDate.parse("2024-03-20"), -1, 0));
    }

    @Test
    void shouldLeaveTheFactsOfTodaysIndicatorsUnchangedByEventsOfTheContractV2Types() {
        CaseEvent[] v1 = {
                aCase.referral("N1", "2024-03-01"),
                aCase.allocation("N1", "2024-03-04", "w1"),
                aCase.planStarted("N1", "2024-03-05", "p1", PlanType.CP),
                aCase.visit("N1", "2024-03-08")};
        List<CaseEvent> withV2 = new ArrayList<>(List.of(v1));
        for (EventType type : EnumSet.range(EventType.STRATEGY_DISCUSSION_HELD, EventType.PRIVATE_FOSTERING_ARRANGEMENT_ENDED)) {
            withV2.add(CaseEvent.newBuilder(aCase.visit("N1", "2024-03-06")).setType(type).setChildSeen(null)
                    .setAssessmentType(AssessmentType.S47_ENQUIRY).setConferenceType(ConferenceType.INITIAL)
                    .setConferenceOutcome(ConferenceOutcome.PLAN).setReviewType(ReviewType.CLA_REVIEW)
                    .setPlacementId("pl1").setPlacementType(PlacementType.FOSTER_CARE).setCheckType(CheckType.DENTAL_CHECK)
                    .setArrangementId("pf1").build());
        }

        // The indicators shipped before issue 12 read none of the new types (the new kinds do).
        java.util.Set<String> before12 = java.util.Set.of("allocation-within-2wd", "allocation-within-7wd",
                "allocation-within-28wd", "re-referral-12m", "referral-to-assessment", "assessment-within-45wd",
                "children-seen-at-assessment", "cp-visits-in-timescale", "repeat-cp-plan", "cp-plan-over-2y-at-end",
                "referral-rate-per-10k", "demand-change", "workload-allocated", "unallocated-over-7wd",
                "assessments-open-over-45wd", "cp-visit-overdue", "average-caseload");
        assertThat(caseFacts.compute(CaseHistory.of(withV2)).toList()).filteredOn(f -> before12.contains(f.indicatorId()))
                .isEqualTo(facts(v1).toList().stream().filter(f -> before12.contains(f.indicatorId())).toList())
                .isNotEmpty();
    }

    @Test
    void shouldTimeCpVisitsFromThePlanStartThenFromThePreviousVisit() {
        // Plan starts Mon 8 Jan 2024. Visit Fri 19 Jan: 9 working days (in time).
        // Visit Mon 5 Feb: 11 working days after 19 Jan (late). Visit Tue 6 Feb: 1 (in time).
        Facts facts = facts(
                aCase.referral("S1", "2024-01-02"),
                aCase.planStarted("S1", "2024-01-08", "p1", PlanType.CP),
                aCase.visit("S1", "2024-01-19"),
                aCase.visit("S1", "2024-02-05"),
                aCase.visit("S1", "2024-02-06"));

        assertThat(of(facts, "cp-visits-in-timescale")).containsExactly(
                fact("cp-visits-in-timescale", "S1", "2024-01-01", 1, 1),
                fact("cp-visits-in-timescale", "S1", "2024-02-01", 1, 2));
        // Overdue once more than 10 working days pass: the plan start would fall due on 23 Jan, but the
        // 19 Jan visit comes first; that one falls due on Mon 5 Feb, the day of the next visit, so the
        // case is never overdue until the 6 Feb visit falls due on Wed 21 Feb.
        // cp-visit-overdue counts children (the child's ledger merges the cases): the case's candidacy.
        assertThat(of(facts, "cp-visit-overdue")).isEmpty();
        CaseHistory history = CaseHistory.of(List.of(
                aCase.referral("S1", "2024-01-02"),
                aCase.planStarted("S1", "2024-01-08", "p1", PlanType.CP),
                aCase.visit("S1", "2024-01-19"),
                aCase.visit("S1", "2024-02-05"),
                aCase.visit("S1", "2024-02-06")));
        assertThat(caseFacts.childTimelines().of(history)).filteredOn(t -> t.getIndicatorId().equals("cp-visit-overdue"))
                .singleElement().satisfies(t -> {
                    assertThat(t.getDates()).containsExactly(java.time.LocalDate.parse("2024-01-08"),
                            java.time.LocalDate.parse("2024-02-21"));
                    assertThat(t.getAreaCodes()).containsExactly("S1", "S1");
                    assertThat(t.getNumerators()).containsExactly(0, 1);
                });
    }

    private Facts facts(CaseEvent... events) {
        return caseFacts.compute(CaseHistory.of(List.of(events)));
    }

    private static List<Fact> of(Facts facts, String indicatorId) {
        return facts.toList().stream().filter(f -> f.indicatorId().equals(indicatorId) && !f.isHolding()).toList();
    }

    private static Fact fact(String indicatorId, String area, String bucket, long numerator, long denominator) {
        return new Fact(indicatorId, area, null, LocalDate.parse(bucket), numerator, denominator);
    }
}
