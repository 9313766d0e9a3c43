package org.casepulse.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.events.PlanType.CIN;
import static org.casepulse.events.PlanType.CP;
import static org.casepulse.snapshots.PeriodType.SNAPSHOT;

import java.time.LocalDate;
import org.casepulse.events.CaseEvent;
import org.casepulse.snapshots.Unit;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked figures of every snapshot measure (COUNTING.md section 3) at a month end, Friday
 * 31 May 2024, and at today, Friday 14 June 2024. Monday 27 May 2024 is a bank holiday.
 */
class SnapshotMeasuresTest {
    private static final String TODAY = "2024-06-14";
    private static final String MAY_END = "2024-05-31";

    @Test
    void shouldCountOpenCasesThatAreAllocatedAndThoseUnallocatedForOverSevenWorkingDays() {
        CaseScript s1 = CaseScript.of("s1", "k1", "N1");
        CaseScript s2 = CaseScript.of("s2", "k2", "N1");
        CaseScript s3 = CaseScript.of("s3", "k3", "N1");
        CaseScript s4 = CaseScript.of("s4", "k4", "N1");
        CaseScript s5 = CaseScript.of("s5", "k5", "N1");
        CaseScript s6 = CaseScript.of("s6", "k6", "N1");
        CaseScript s7 = CaseScript.of("s7", "k7", "N1");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                s1.referral("2024-05-01"), s1.allocation("2024-05-02", "w1"),     // open, allocated
                // Unallocated from Mon 20 May: to Fri 31 May 4 + 4 = 8 working days (27 May a bank holiday),
                // to Fri 14 Jun 18.
                s2.referral("2024-05-20"),
                // Unallocated from Wed 22 May: to 31 May 6 working days, to 14 Jun 16.
                s3.referral("2024-05-22"),
                // Closed on 15 May: open at the end of April only.
                s4.referral("2024-04-01"), s4.allocation("2024-04-02", "w1"), s4.closure("2024-05-15"),
                // Referred after 31 May: open and allocated at today only.
                s5.referral("2024-06-05"), s5.allocation("2024-06-06", "w2"),
                // Closed before its referral: the anomaly, left out of every snapshot.
                s6.referral("2024-05-10"), s6.closure("2024-05-05"),
                // Unallocated from Tue 28 May (3 working days to 31 May), closed before today.
                s7.referral("2024-05-28"), s7.closure("2024-06-03"));

        // 31 May: open s1, s2, s3, s7; allocated s1; unallocated over 7 working days s2.
        assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, MAY_END)).isEqualTo("1/4");
        assertThat(figures.get("workload-allocated", "N1", SNAPSHOT, MAY_END).value()).isEqualByComparingTo("25.0");
        assertThat(figures.counts("unallocated-over-7wd", "N1", SNAPSHOT, MAY_END)).isEqualTo("1/4");
        // Today: open s1, s2, s3, s5; allocated s1, s5; unallocated over 7 s2 (18) and s3 (16).
        assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, TODAY)).isEqualTo("2/4");
        ExpectedFigure unallocatedToday = figures.get("unallocated-over-7wd", "N1", SNAPSHOT, TODAY);
        assertThat(unallocatedToday.numerator()).isEqualTo(2);
        assertThat(unallocatedToday.denominator()).isEqualTo(4);
        assertThat(unallocatedToday.unit()).isEqualTo(Unit.COUNT);
        assertThat(unallocatedToday.value()).isEqualByComparingTo("2");
        assertThat(unallocatedToday.periodStart()).isEqualTo(LocalDate.parse(TODAY));
        // 30 April: only s4 is open, allocated.
        assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, "2024-04-30")).isEqualTo("1/1");
        assertThat(figures.counts("unallocated-over-7wd", "N1", SNAPSHOT, "2024-04-30")).isEqualTo("0/1");
    }

    @Test
    void shouldCountOpenAssessmentsInCasesReferredOver45WorkingDaysAgo() {
        CaseScript a1 = CaseScript.of("a1", "k1", "N1");
        CaseScript a2 = CaseScript.of("a2", "k2", "N1");
        CaseScript a3 = CaseScript.of("a3", "k3", "N1");
        CaseScript a4 = CaseScript.of("a4", "k4", "N1");
        CaseScript a5 = CaseScript.of("a5", "k5", "N1");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                // Referred Fri 1 Mar: 61 working days to 31 May, 71 to 14 Jun. Open throughout: over.
                a1.referral("2024-03-01"), a1.assessmentStarted("A1", "2024-03-05"),
                // Referred Mon 15 Apr: 32 working days to 31 May (not over); completed 3 Jun.
                a2.referral("2024-04-15"), a2.assessmentStarted("A1", "2024-04-16"),
                a2.assessmentCompleted("A1", "2024-06-03", true),
                // A1 completed by 31 May; A2 started after it, open today, referral 71 working days back: over.
                a3.referral("2024-03-01"), a3.assessmentStarted("A1", "2024-03-05"),
                a3.assessmentCompleted("A1", "2024-05-20", true), a3.assessmentStarted("A2", "2024-06-10"),
                // The case closed on 30 May: its open assessment no longer counts.
                a4.referral("2024-02-01"), a4.assessmentStarted("A1", "2024-02-05"), a4.closure("2024-05-30"),
                // Completed without a start: never open.
                a5.referral("2024-03-01"), a5.assessmentCompleted("A1", "2024-03-10", false));

        assertThat(figures.counts("assessments-open-over-45wd", "N1", SNAPSHOT, MAY_END)).isEqualTo("1/2");
        assertThat(figures.counts("assessments-open-over-45wd", "N1", SNAPSHOT, TODAY)).isEqualTo("2/2");
    }

    @Test
    void shouldCountCasesOnAnActiveCpPlanWhoseLastVisitIsOverTenWorkingDaysAgo() {
        CaseScript v1 = CaseScript.of("v1", "k1", "N1");
        CaseScript v2 = CaseScript.of("v2", "k2", "N1");
        CaseScript v3 = CaseScript.of("v3", "k3", "N1");
        CaseScript v4 = CaseScript.of("v4", "k4", "N1");
        CaseScript v5 = CaseScript.of("v5", "k5", "N1");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                // Last visit Fri 24 May: 4 working days to 31 May (fine), 14 to 14 Jun (overdue).
                v1.referral("2024-04-01"), v1.planStarted("P1", CP, "2024-05-01"),
                v1.visit("2024-05-10"), v1.visit("2024-05-24"),
                // No visit by 31 May: plan start Mon 20 May, 8 working days (fine); visited Wed 12 Jun: 2 (fine).
                v2.referral("2024-04-01"), v2.planStarted("P1", CP, "2024-05-20"), v2.visit("2024-06-12"),
                // Plan from 1 Mar, never visited, ended 15 May: active, and overdue, at 30 April only.
                v3.referral("2024-02-01"), v3.planStarted("P1", CP, "2024-03-01"), v3.planEnded("P1", CP, "2024-05-15"),
                // A child-in-need plan: not counted.
                v4.referral("2024-04-01"), v4.planStarted("P1", CIN, "2024-04-02"),
                // The visit of 20 Mar precedes the plan (Mon 1 Apr): the last visit is the start, 42 working days
                // before 31 May: overdue; 21 before 30 April: overdue.
                v5.referral("2024-03-15"), v5.visit("2024-03-20"), v5.planStarted("P1", CP, "2024-04-01"));

        assertThat(figures.counts("cp-visit-overdue", "N1", SNAPSHOT, "2024-04-30")).isEqualTo("2/2");
        assertThat(figures.counts("cp-visit-overdue", "N1", SNAPSHOT, MAY_END)).isEqualTo("1/3");
        assertThat(figures.counts("cp-visit-overdue", "N1", SNAPSHOT, TODAY)).isEqualTo("2/3");
    }

    @Test
    void shouldCountEachWorkerOnceInEveryAreaForAverageCaseload() {
        // w1 holds cases in N1 and N2 (both in region NORTH) and in C1 (CENTRAL); w2 one case in N1 until it is
        // reallocated to w1 on 3 June.
        CaseScript k1 = CaseScript.of("k1", "c1", "N1");
        CaseScript k2 = CaseScript.of("k2", "c2", "N2");
        CaseScript k3 = CaseScript.of("k3", "c3", "N1");
        CaseScript k4 = CaseScript.of("k4", "c4", "N1");
        CaseScript k5 = CaseScript.of("k5", "c5", "C1");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                k1.referral("2024-05-01"), k1.allocation("2024-05-02", "w1"),
                k2.referral("2024-05-01"), k2.allocation("2024-05-02", "w1"),
                k3.referral("2024-05-01"), k3.allocation("2024-05-02", "w2"), k3.allocation("2024-06-03", "w1"),
                k4.referral("2024-05-01"),                                        // unallocated: not counted
                k5.referral("2024-05-01"), k5.allocation("2024-05-02", "w1"));

        // 31 May: N1 k1 (w1), k3 (w2) = 2 cases / 2 workers; NORTH 3 cases / w1, w2; national 4 / 2.
        assertThat(figures.counts("average-caseload", "N1", SNAPSHOT, MAY_END)).isEqualTo("2/2");
        assertThat(figures.counts("average-caseload", "N2", SNAPSHOT, MAY_END)).isEqualTo("1/1");
        assertThat(figures.counts("average-caseload", "NORTH", SNAPSHOT, MAY_END)).isEqualTo("3/2");
        assertThat(figures.get("average-caseload", "NORTH", SNAPSHOT, MAY_END).value()).isEqualByComparingTo("1.5");
        assertThat(figures.counts("average-caseload", "CENTRAL", SNAPSHOT, MAY_END)).isEqualTo("1/1");
        assertThat(figures.counts("average-caseload", "NATIONAL", SNAPSHOT, MAY_END)).isEqualTo("4/2");
        // Today every case is w1's: counted once in N1, in NORTH and nationally.
        assertThat(figures.counts("average-caseload", "N1", SNAPSHOT, TODAY)).isEqualTo("2/1");
        assertThat(figures.counts("average-caseload", "NORTH", SNAPSHOT, TODAY)).isEqualTo("3/1");
        assertThat(figures.counts("average-caseload", "NATIONAL", SNAPSHOT, TODAY)).isEqualTo("4/1");
        assertThat(figures.get("average-caseload", "NATIONAL", SNAPSHOT, TODAY).value()).isEqualByComparingTo("4.0");
    }

    @Test
    void shouldCountAnOpenCaseInTheAreaOfItsMostRecentEventAtTheInstant() {
        CaseScript moving = CaseScript.of("m1", "k1", "N1");
        CaseEvent[] history = {
                moving.referral("2024-05-01"), moving.allocation("2024-05-02", "w1"),
                moving.in("N2").visit("2024-06-05")};
        ComputedFigures figures = ComputedFigures.of(TODAY, history);

        assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, MAY_END)).isEqualTo("1/1");
        assertThat(figures.counts("workload-allocated", "N2", SNAPSHOT, MAY_END)).isEqualTo("empty");
        assertThat(figures.counts("workload-allocated", "N1", SNAPSHOT, TODAY)).isEqualTo("empty");
        assertThat(figures.counts("workload-allocated", "N2", SNAPSHOT, TODAY)).isEqualTo("1/1");
        assertThat(figures.counts("workload-allocated", "NORTH", SNAPSHOT, TODAY)).isEqualTo("1/1");
    }
}
