package org.casepulse.oracle;

import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.events.PlanType.CIN;
import static org.casepulse.events.PlanType.CP;
import static org.casepulse.oracle.ComputedFigures.variant;
import static org.casepulse.oracle.ComputedFigures.withIndicators;
import static org.casepulse.snapshots.PeriodType.MONTH;
import static org.casepulse.snapshots.PeriodType.R12M;
import static org.casepulse.snapshots.PeriodType.YTD;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.AssessmentAnchor;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.Lookback;
import org.casepulse.snapshots.AreaLevel;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked figures of every event measure (COUNTING.md section 2): tiny histories, the counts
 * worked out in the comments. Today is Saturday 15 June 2024; the window runs June 2023 to June
 * 2024. Areas are the shipped ones: N1 and N2 are service areas of region NORTH.
 */
class EventMeasuresTest {
    private static final String TODAY = "2024-06-15";

    @Test
    void shouldCountAllocationsWithinWorkingDaysOfReferralCountingReceiptDayAsNought() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseScript c2 = CaseScript.of("c2", "k2", "N1");
        CaseScript c3 = CaseScript.of("c3", "k3", "N1");
        CaseScript c4 = CaseScript.of("c4", "k4", "N1");
        CaseScript c5 = CaseScript.of("c5", "k5", "N1");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                // Fri 1 Mar -> Tue 5 Mar: Mon 4 = 1, Tue 5 = 2 -> within 2 (and 7).
                c1.referral("2024-03-01"), c1.allocation("2024-03-05", "w1"),
                // Weekend receipt, Sat 9 Mar -> Wed 13 Mar: Mon 11 = 1, Tue = 2, Wed = 3 -> not within 2, within 7.
                c2.referral("2024-03-09"), c2.allocation("2024-03-13", "w1"),
                // Thu 28 Mar -> Wed 3 Apr over Easter: Good Friday 29 Mar and Easter Monday 1 Apr are bank
                // holidays; Tue 2 Apr = 1, Wed 3 Apr = 2 -> within 2, counted in April (the allocation's month).
                c3.referral("2024-03-28"), c3.allocation("2024-04-03", "w1"),
                // First allocation Wed 28 Feb is before the referral (Fri 1 Mar): the pair is left out, and the
                // later allocation is not the first, so the case has no allocation fact at all.
                c4.referral("2024-03-01"), c4.allocation("2024-02-28", "w1"), c4.allocation("2024-03-04", "w2"),
                // Allocated on the day of receipt: 0 working days -> within 2; the reallocation adds nothing.
                c5.referral("2024-03-04"), c5.allocation("2024-03-04", "w1"), c5.allocation("2024-03-20", "w2"));

        assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-03")).isEqualTo("2/3");
        assertThat(figures.counts("allocation-within-7wd", "N1", MONTH, "2024-03")).isEqualTo("3/3");
        assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-04")).isEqualTo("1/1");
        assertThat(figures.counts("allocation-within-2wd", "N1", MONTH, "2024-02")).isEqualTo("empty");
        assertThat(figures.counts("allocation-within-2wd", "NORTH", MONTH, "2024-03")).isEqualTo("2/3");
        assertThat(figures.counts("allocation-within-2wd", "NATIONAL", MONTH, "2024-03")).isEqualTo("2/3");
        ExpectedFigure march = figures.get("allocation-within-2wd", "N1", MONTH, "2024-03");
        assertThat(march.value()).isEqualByComparingTo("66.7");
        assertThat(march.areaLevel()).isEqualTo(AreaLevel.SERVICE_AREA);
    }

    @Test
    void shouldCountReReferralsWithinTwelveCalendarMonthsOr365Days() {
        // Each child's second referral is on Fri 15 Mar 2024; 15 Mar 2024 minus 12 months is 15 Mar 2023,
        // minus 365 days is 16 Mar 2023 (the year back contains 29 Feb 2024).
        CaseScript exact1 = CaseScript.of("a1", "exact", "N1");
        CaseScript exact2 = CaseScript.of("a2", "exact", "N1");
        CaseScript inside1 = CaseScript.of("b1", "inside", "N1");
        CaseScript inside2 = CaseScript.of("b2", "inside", "N1");
        CaseScript outside1 = CaseScript.of("c1", "outside", "N1");
        CaseScript outside2 = CaseScript.of("c2", "outside", "N1");
        CaseScript sameDay1 = CaseScript.of("d1", "same-day", "N1");
        CaseScript sameDay2 = CaseScript.of("d2", "same-day", "N1");
        CaseEvent[] history = {
                exact1.referral("2023-03-15"), exact2.referral("2024-03-15"),     // 12 months: yes; 365 days: no
                inside1.referral("2023-03-16"), inside2.referral("2024-03-15"),   // one day inside: yes, yes
                outside1.referral("2023-03-14"), outside2.referral("2024-03-15"), // one day outside: no, no
                // Two cases referred the same day: neither is before the other, neither is a re-referral.
                sameDay1.referral("2024-03-20"), sameDay2.referral("2024-03-20")};
        IndicatorDefinition days365 = variant("re-referral-12m", "re-referral-365d",
                p -> p.withLookback(Lookback.days(365)));

        ComputedFigures twelveMonths = ComputedFigures.of(TODAY, history);
        ComputedFigures threeSixtyFive = ComputedFigures.of(withIndicators(days365), TODAY, history);

        // March 2024 referrals: exact2, inside2, outside2, sameDay1, sameDay2.
        assertThat(twelveMonths.counts("re-referral-12m", "N1", MONTH, "2024-03")).isEqualTo("2/5");
        assertThat(threeSixtyFive.counts("re-referral-365d", "N1", MONTH, "2024-03")).isEqualTo("1/5");
        // R12M to March 2024 runs from April 2023: the first referrals (March 2023) are outside it.
        assertThat(twelveMonths.counts("re-referral-12m", "N1", R12M, "2024-03")).isEqualTo("2/5");
        // YTD to March 2024 runs from April 2023 as well.
        assertThat(twelveMonths.counts("re-referral-12m", "N1", YTD, "2024-03")).isEqualTo("2/5");
        assertThat(twelveMonths.counts("re-referral-12m", "N1", YTD, "2024-04")).isEqualTo("empty");
    }

    @Test
    void shouldCountReferralsThatLedToAnAssessmentStartedAnyTimeSince() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseScript c2 = CaseScript.of("c2", "k2", "N1");
        CaseScript c3 = CaseScript.of("c3", "k3", "N1");
        CaseScript c4 = CaseScript.of("c4", "k4", "N1");
        CaseScript c5 = CaseScript.of("c5", "k5", "N1");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                c1.referral("2024-03-04"), c1.assessmentStarted("A1", "2024-03-06"),   // yes
                c2.referral("2024-03-05"),                                             // no assessment: no
                c3.referral("2024-03-06"), c3.assessmentStarted("A1", "2024-03-01"),   // started before: no
                c4.referral("2024-03-07"), c4.assessmentStarted("A1", "2024-05-20"),   // months later: yes
                c5.referral("2024-03-08"), c5.assessmentCompleted("A1", "2024-03-20", true)); // no start: no

        assertThat(figures.counts("referral-to-assessment", "N1", MONTH, "2024-03")).isEqualTo("2/5");
        assertThat(figures.counts("referral-to-assessment", "N1", MONTH, "2024-05")).isEqualTo("empty");
    }

    @Test
    void shouldCountAssessmentsCompletedWithin45WorkingDaysOfReferralOrOfTheirStart() {
        // No bank holiday between 8 Jan and 12 Mar 2024.
        // Mon 8 Jan -> Mon 11 Mar = 45 working days (9 weeks of 5); -> Tue 12 Mar = 46.
        // Wed 17 Jan -> Mon 11 Mar = 38; -> Tue 12 Mar = 39.
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseScript c2 = CaseScript.of("c2", "k2", "N1");
        CaseScript c3 = CaseScript.of("c3", "k3", "N1");
        CaseScript c4 = CaseScript.of("c4", "k4", "N1");
        CaseEvent[] history = {
                // 45 from referral: within; 38 from start: within.
                c1.referral("2024-01-08"), c1.assessmentStarted("A1", "2024-01-17"),
                c1.assessmentCompleted("A1", "2024-03-11", true),
                // 46 from referral: not within; 39 from start: within.
                c2.referral("2024-01-08"), c2.assessmentStarted("A1", "2024-01-17"),
                c2.assessmentCompleted("A1", "2024-03-12", true),
                // 46 from referral: not within; no start: no fact when anchored on the start.
                c3.referral("2024-01-08"), c3.assessmentCompleted("A1", "2024-03-12", true),
                // Completed before the referral: left out of the referral-anchored measure; no start either.
                c4.referral("2024-03-04"), c4.assessmentCompleted("A1", "2024-03-01", true)};
        IndicatorDefinition fromStart = variant("assessment-within-45wd", "assessment-within-45wd-of-start",
                p -> p.withAnchor(AssessmentAnchor.ASSESSMENT_START));

        assertThat(ComputedFigures.of(TODAY, history).counts("assessment-within-45wd", "N1", MONTH, "2024-03"))
                .isEqualTo("1/3");
        assertThat(ComputedFigures.of(withIndicators(fromStart), TODAY, history)
                .counts("assessment-within-45wd-of-start", "N1", MONTH, "2024-03")).isEqualTo("2/2");
    }

    @Test
    void shouldCountCompletedAssessmentsWhereTheChildWasSeen() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseScript c2 = CaseScript.of("c2", "k2", "N2");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                c1.referral("2024-03-01"),
                c1.assessmentStarted("A1", "2024-03-04"), c1.assessmentCompleted("A1", "2024-03-11", true),
                // A second completion of A1 is not its completion: the earliest one is.
                c1.assessmentCompleted("A1", "2024-03-25", false),
                c1.assessmentStarted("A2", "2024-03-05"), c1.assessmentCompleted("A2", "2024-03-20", false),
                c2.referral("2024-03-01"),
                c2.assessmentStarted("A1", "2024-03-04"), c2.assessmentCompleted("A1", "2024-04-02", true));

        assertThat(figures.counts("children-seen-at-assessment", "N1", MONTH, "2024-03")).isEqualTo("1/2");
        assertThat(figures.counts("children-seen-at-assessment", "N2", MONTH, "2024-04")).isEqualTo("1/1");
        assertThat(figures.counts("children-seen-at-assessment", "NORTH", YTD, "2024-03")).isEqualTo("1/2");
        assertThat(figures.counts("children-seen-at-assessment", "NORTH", YTD, "2024-04")).isEqualTo("1/1");
    }

    @Test
    void shouldCountCpVisitsWithinTenWorkingDaysOfThePreviousVisitOrThePlanStart() {
        CaseScript v1 = CaseScript.of("v1", "k1", "N1");
        CaseScript v2 = CaseScript.of("v2", "k2", "N2");
        CaseScript v3 = CaseScript.of("v3", "k3", "N2");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                v1.referral("2024-01-15"),
                v1.visit("2024-02-01"),                               // before the plan: not a CP visit
                v1.planStarted("P1", CP, "2024-02-05"),
                v1.visit("2024-02-19"),                               // Mon 5 Feb -> Mon 19 Feb = 10: in time
                v1.visit("2024-03-05"),                               // Mon 19 Feb -> Tue 5 Mar = 11: late
                v1.visit("2024-03-07"),                               // Tue 5 Mar -> Thu 7 Mar = 2: in time
                v1.planEnded("P1", CP, "2024-03-20"),
                v1.visit("2024-03-25"),                               // after the end: not a CP visit
                // Two overlapping CP plans: P1 from Mon 8 Jan (no end), P2 from Mon 5 Feb to Fri 23 Feb.
                v2.referral("2024-01-02"),
                v2.planStarted("P1", CP, "2024-01-08"),
                v2.planStarted("P2", CP, "2024-02-05"),
                v2.visit("2024-01-22"),                               // P1's first: 8 Jan -> 22 Jan = 10: in time
                // Inside both: belongs to P2, the later start. Its first: 5 Feb -> 6 Feb = 1: in time
                // (against P1's previous visit, 22 Jan -> 6 Feb, it would have been 11: late).
                v2.visit("2024-02-06"),
                v2.planEnded("P2", CP, "2024-02-23"),
                v2.visit("2024-03-04"),                               // P1 again: 22 Jan -> 4 Mar = 30: late
                // A child-in-need plan makes no visit a CP visit.
                v3.referral("2024-01-02"), v3.planStarted("P1", CIN, "2024-01-08"), v3.visit("2024-01-10"));

        assertThat(figures.counts("cp-visits-in-timescale", "N1", MONTH, "2024-02")).isEqualTo("1/1");
        assertThat(figures.counts("cp-visits-in-timescale", "N1", MONTH, "2024-03")).isEqualTo("1/2");
        assertThat(figures.counts("cp-visits-in-timescale", "N2", MONTH, "2024-01")).isEqualTo("1/1");
        assertThat(figures.counts("cp-visits-in-timescale", "N2", MONTH, "2024-02")).isEqualTo("1/1");
        assertThat(figures.counts("cp-visits-in-timescale", "N2", MONTH, "2024-03")).isEqualTo("0/1");
        assertThat(figures.counts("cp-visits-in-timescale", "NORTH", MONTH, "2024-03")).isEqualTo("1/3");
        // YTD to March 2024 (from April 2023): 1/1 + 1/2 in N1, 1/1 + 1/1 + 0/1 in N2.
        assertThat(figures.counts("cp-visits-in-timescale", "NORTH", YTD, "2024-03")).isEqualTo("4/6");
    }

    @Test
    void shouldCountCpPlansOfAChildWithAnEarlierCpPlanInAnyCaseOrWithin24Months() {
        CaseScript k1a = CaseScript.of("a1", "k1", "N1");
        CaseScript k1b = CaseScript.of("a2", "k1", "N1");
        CaseScript k2a = CaseScript.of("b1", "k2", "N1");
        CaseScript k2b = CaseScript.of("b2", "k2", "N1");
        CaseScript k3a = CaseScript.of("c1", "k3", "N1");
        CaseScript k3b = CaseScript.of("c2", "k3", "N1");
        CaseScript k4 = CaseScript.of("d1", "k4", "N1");
        CaseEvent[] history = {
                // Earlier CP plan 10 Jan 2022: before 6 May 2024 (repeat), but 6 May 2024 minus 24 months is
                // 6 May 2022, after it (not a repeat within 24 months).
                k1a.referral("2021-12-01"), k1a.planStarted("P1", CP, "2022-01-10"),
                k1b.referral("2024-04-15"), k1b.planStarted("P1", CP, "2024-05-06"),
                // Earlier CP plan 10 Jan 2023: a repeat either way.
                k2a.referral("2022-12-01"), k2a.planStarted("P1", CP, "2023-01-10"),
                k2b.referral("2024-04-16"), k2b.planStarted("P1", CP, "2024-05-07"),
                // The earlier plan was a child-in-need plan: not a repeat.
                k3a.referral("2023-01-01"), k3a.planStarted("P1", CIN, "2023-01-10"),
                k3b.referral("2024-04-17"), k3b.planStarted("P1", CP, "2024-05-08"),
                // P1 ended before it started: it counts nowhere, so P2 is not a repeat and P1 no plan.
                k4.referral("2024-04-01"), k4.planStarted("P1", CP, "2024-04-08"), k4.planEnded("P1", CP, "2024-04-05"),
                k4.planStarted("P2", CP, "2024-05-09")};
        IndicatorDefinition within24Months = variant("repeat-cp-plan", "repeat-cp-plan-24m",
                p -> p.withLookback(Lookback.months(24)));

        // CP plans started from April 2024 to May 2024: k1b, k2b, k3b, k4's P2.
        assertThat(ComputedFigures.of(TODAY, history).counts("repeat-cp-plan", "N1", YTD, "2024-05"))
                .isEqualTo("2/4");
        assertThat(ComputedFigures.of(withIndicators(within24Months), TODAY, history)
                .counts("repeat-cp-plan-24m", "N1", YTD, "2024-05")).isEqualTo("1/4");
    }

    @Test
    void shouldCountCpPlansEndingInThePeriodThatLastedTwoYearsOrMore() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseScript c2 = CaseScript.of("c2", "k2", "N1");
        CaseScript c3 = CaseScript.of("c3", "k3", "N1");
        CaseScript c4 = CaseScript.of("c4", "k4", "N1");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                // 12 Apr 2022 -> 12 Apr 2024: exactly 2 years -> counted.
                c1.referral("2022-04-01"), c1.planStarted("P1", CP, "2022-04-12"), c1.planEnded("P1", CP, "2024-04-12"),
                // 13 Apr 2022 -> 12 Apr 2024: a day short.
                c2.referral("2022-04-01"), c2.planStarted("P1", CP, "2022-04-13"), c2.planEnded("P1", CP, "2024-04-12"),
                // Not a CP plan.
                c3.referral("2021-01-01"), c3.planStarted("P1", CIN, "2021-01-01"),
                c3.planEnded("P1", CIN, "2024-04-20"),
                // An end without a start: not a plan yet.
                c4.referral("2021-01-01"), c4.planEnded("P1", CP, "2024-04-25"));

        ExpectedFigure april = figures.get("cp-plan-over-2y-at-end", "N1", YTD, "2024-04");
        assertThat(april.numerator()).isEqualTo(1);
        assertThat(april.denominator()).isEqualTo(2);
        assertThat(april.value()).isEqualByComparingTo("50.0");
        assertThat(april.smallNumbers()).isTrue();
    }

    @Test
    void shouldRateReferralsPer10000ChildrenWithPopulationsSummedUpTheHierarchy() {
        ReferenceData small = smallHierarchy();
        CaseScript a = CaseScript.of("a", "ka", "A");
        CaseScript a2 = CaseScript.of("a2", "ka2", "A");
        CaseScript a3 = CaseScript.of("a3", "ka3", "A");
        CaseScript a4 = CaseScript.of("a4", "ka4", "A");
        CaseScript b = CaseScript.of("b", "kb", "B");
        ComputedFigures figures = ComputedFigures.of(small, TODAY,
                a.referral("2023-06-10"),
                a2.referral("2024-04-02"), a3.referral("2024-04-03"), a4.referral("2024-04-04"),
                b.referral("2024-04-05"));

        // R12M to June 2024 = July 2023 to June 2024: A 3 referrals, B 1.
        // A: 3 * 10000 / 2000 = 15.0; B: 1 * 10000 / 3000 = 3.33 -> 3.3;
        // region R1 (population 2000 + 3000): 4 * 10000 / 5000 = 8.0; national (+ C's 3000): 40000 / 8000 = 5.0.
        assertThat(figures.get("referral-rate-per-10k", "A", R12M, "2024-06").value()).isEqualByComparingTo("15.0");
        assertThat(figures.get("referral-rate-per-10k", "B", R12M, "2024-06").value()).isEqualByComparingTo("3.3");
        assertThat(figures.counts("referral-rate-per-10k", "R1", R12M, "2024-06")).isEqualTo("4/5000");
        assertThat(figures.get("referral-rate-per-10k", "R1", R12M, "2024-06").value()).isEqualByComparingTo("8.0");
        assertThat(figures.counts("referral-rate-per-10k", "NAT", R12M, "2024-06")).isEqualTo("4/8000");
        assertThat(figures.get("referral-rate-per-10k", "NAT", R12M, "2024-06").value()).isEqualByComparingTo("5.0");
        // R12M to May 2024 = June 2023 to May 2024 takes in A's June 2023 referral: 4 * 10000 / 2000 = 20.0.
        assertThat(figures.get("referral-rate-per-10k", "A", R12M, "2024-05").value()).isEqualByComparingTo("20.0");
        // No referral in C: no figure, whatever its population.
        assertThat(figures.counts("referral-rate-per-10k", "C", R12M, "2024-06")).isEqualTo("empty");
    }

    @Test
    void shouldCompareReferralsOfTheYearToDateWithTheSameMonthsOfLastYear() {
        CaseScript[] n1 = cases("n1-", "N1", 5);
        CaseScript[] n2 = cases("n2-", "N2", 1);
        ComputedFigures figures = ComputedFigures.of(TODAY,
                // N1: April-June 2023 two referrals, April-June 2024 three.
                n1[0].referral("2023-04-20"), n1[1].referral("2023-06-01"),
                n1[2].referral("2024-04-10"), n1[3].referral("2024-05-10"), n1[4].referral("2024-06-03"),
                // N2: one referral in May 2023, none since.
                n2[0].referral("2023-05-10"));

        // YTD June 2024: 3 against 2 -> 100 * (3 - 2) / 2 = +50.0%.
        ExpectedFigure n1June = figures.get("demand-change", "N1", YTD, "2024-06");
        assertThat(n1June.numerator()).isEqualTo(3);
        assertThat(n1June.denominator()).isEqualTo(2);
        assertThat(n1June.value()).isEqualByComparingTo("50.0");
        // YTD May 2024 in N2: 0 against 1 (May 2023) -> -100.0%.
        assertThat(figures.get("demand-change", "N2", YTD, "2024-05").value()).isEqualByComparingTo("-100.0");
        // YTD June 2023 in N2: 1 against none in April-June 2022 -> published, but no value.
        ExpectedFigure n2June2023 = figures.get("demand-change", "N2", YTD, "2023-06");
        assertThat(n2June2023.numerator()).isEqualTo(1);
        assertThat(n2June2023.denominator()).isZero();
        assertThat(n2June2023.value()).isNull();
        // NORTH YTD June 2024: 3 against 3 -> 0.0%.
        assertThat(figures.get("demand-change", "NORTH", YTD, "2024-06").value()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void shouldCountOnlyCasesOfTheIndicatorsCaseTypeButLookAtEveryCaseOfTheChild() {
        IndicatorDefinition s47Only = withCaseType("re-referral-12m", "re-referral-s47", "S47");
        CaseScript first = CaseScript.of("c1", "k1", "N1");
        CaseScript second = CaseScript.of("c2", "k1", "N1");
        CaseScript other = CaseScript.of("c3", "k2", "N1");
        ComputedFigures figures = ComputedFigures.of(withIndicators(s47Only), TODAY,
                first.referral("2024-01-10"),              // no case type: not counted, but an earlier referral
                second.referral("2024-03-10", "S47"),      // S47, re-referred within 12 months
                other.referral("2024-03-11", "S17"));      // another case type: not counted

        assertThat(figures.counts("re-referral-s47", "N1", MONTH, "2024-01")).isEqualTo("empty");
        assertThat(figures.counts("re-referral-s47", "N1", MONTH, "2024-03")).isEqualTo("1/1");
    }

    private static IndicatorDefinition withCaseType(String shippedId, String id, String caseType) {
        IndicatorDefinition d = IndicatorCatalogue.defaults().indicator(shippedId);
        return new IndicatorDefinition(id, d.title(), d.measure(),
                d.parameters(), d.polarity(), d.unit(), d.target(), d.tolerance(), d.periods(),
                Optional.of(caseType), d.smallNumberThreshold(), d.decimals(), d.description());
    }

    private static CaseScript[] cases(String prefix, String area, int count) {
        CaseScript[] cases = new CaseScript[count];
        for (int i = 0; i < count; i++) {
            cases[i] = CaseScript.of(prefix + i, prefix + "child-" + i, area);
        }
        return cases;
    }

    /** National NAT (8000 children) > regions R1 (A 2000, B 3000) and R2 (C 3000). */
    private static ReferenceData smallHierarchy() {
        ReferenceData defaults = ReferenceData.defaults();
        AreaHierarchy areas = new AreaHierarchy("test", List.of(
                new Area("NAT", "National", AreaLevel.NATIONAL, null, 8000),
                new Area("R1", "Region 1", AreaLevel.REGION, "NAT", 5000),
                new Area("A", "Area A", AreaLevel.SERVICE_AREA, "R1", 2000),
                new Area("B", "Area B", AreaLevel.SERVICE_AREA, "R1", 3000),
                new Area("R2", "Region 2", AreaLevel.REGION, "NAT", 3000),
                new Area("C", "Area C", AreaLevel.SERVICE_AREA, "R2", 3000)));
        return new ReferenceData(defaults.calendar(), defaults.catalogue(), areas);
    }
}
