package org.casepulse.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.PlanEndReason;
import org.casepulse.reference.AreaHierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulation's own output, counted by {@link IndicatorTally}, lands in the ranges of the seed
 * reports: national figures over a year once the history has built up, and areas that differ
 * enough to rate red and green.
 */
class SimulationCalibrationTest {
    private static final LocalDate FROM = LocalDate.parse("2024-10-01");
    private static final LocalDate TO = LocalDate.parse("2026-03-31");
    /** A year after six months of build-up; referral measures stop two months short of the end. */
    private static final LocalDate WINDOW_FROM = LocalDate.parse("2025-04-01");
    private static final LocalDate REFERRALS_TO = LocalDate.parse("2026-01-31");
    private static final LocalDate MONTH_END = LocalDate.parse("2026-02-28");

    private static IndicatorTally tally;

    @BeforeAll
    static void simulate() {
        WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
        SimulationSettings settings = SimulationSettings.defaults(TO).withPeriod(FROM, TO).withSeed(11)
                .withReferralsPerWorkingDay(120);
        List<CaseEvent> events = new Simulation(settings, AreaHierarchy.defaults(), calendar).events().toList();
        tally = new IndicatorTally(calendar, events);
    }

    /** The other calibration tests run in this JVM too: the tally's events are not held past this class. */
    @AfterAll
    static void release() {
        tally = null;
    }

    @Test
    void shouldReReferAQuarterOfChildrenWithin12Months() {
        assertThat(national(tally.reReferrals(WINDOW_FROM, REFERRALS_TO))).isBetween(20.0, 28.0);
        assertThat(national(tally.reReferralsOfEveryCase(WINDOW_FROM, REFERRALS_TO))).isBetween(20.0, 28.0);
    }

    @Test
    void shouldTakeAboutSeventyPercentOfReferralsToAssessment() {
        assertThat(national(tally.referralToAssessment(WINDOW_FROM, REFERRALS_TO))).isBetween(65.0, 75.0);
    }

    @Test
    void shouldCompleteMostAssessmentsWithin45WorkingDaysAndSeeMostChildren() {
        assertThat(national(tally.assessmentsWithin(45, AssessmentType.SINGLE, WINDOW_FROM, TO))).isBetween(80.0, 90.0);
        assertThat(national(tally.childrenSeen(AssessmentType.SINGLE, WINDOW_FROM, TO))).isBetween(90.0, 97.0);
    }

    @Test
    void shouldCompleteInitialAndCoreAssessmentsInTheSouthAboutAsTheCountyDid() {
        assertThat(national(tally.assessmentsWithin(10, AssessmentType.INITIAL, WINDOW_FROM, TO))).isBetween(80.0, 90.0); // AS5 86%
        assertThat(national(tally.assessmentsWithin(45, AssessmentType.CORE, WINDOW_FROM, TO))).isBetween(75.0, 87.0); // AS7 81%
    }

    @Test
    void shouldAllocateWithinTheSeedReportsTimescales() {
        assertThat(national(tally.allocationsWithin(2, WINDOW_FROM, TO))).isBetween(65.0, 75.0);
        assertThat(national(tally.allocationsWithin(7, WINDOW_FROM, TO))).isBetween(85.0, 90.0);
        assertThat(national(tally.allocationsWithin(28, WINDOW_FROM, TO))).isBetween(96.5, 99.5);
    }

    @Test
    void shouldVisitNineInTenChildProtectionCasesInTimescale() {
        assertThat(national(tally.cpVisitsInTimescale(10, WINDOW_FROM, TO))).isBetween(85.0, 95.0);
    }

    @Test
    void shouldStartAboutOneChildProtectionPlanInTenForAChildWhoHadOneBefore() {
        assertThat(national(tally.repeatCpPlans(WINDOW_FROM, TO))).isBetween(6.0, 15.0);
    }

    @Test
    void shouldKeepCaseloadsAroundSixteenToTwenty() {
        Map<String, IndicatorTally.Ratio> caseloads = tally.averageCaseload(MONTH_END);
        assertThat(caseloads.get(IndicatorTally.NATIONAL).value()).isBetween(15.0, 22.0);
        assertThat(caseloads.values()).allSatisfy(ratio -> assertThat(ratio.value()).isBetween(10.0, 25.0));
    }

    @Test
    void shouldAllocateMostOpenCases() {
        assertThat(national(tally.workloadAllocated(MONTH_END))).isBetween(93.0, 99.0);
    }

    // Contract v2 rows against the county scorecard (seed 003, July 2013), counted independently.

    @Test
    void shouldTakeAThirdOfSection47EnquiriesToAnInitialConferenceMostWithin15WorkingDays() {
        assertThat(national(tally.enquiriesToInitialConference(WINDOW_FROM, REFERRALS_TO))).isBetween(30.0, 43.0); // CP10 36.3%
        assertThat(national(tally.initialConferencesWithin15(WINDOW_FROM, TO))).isBetween(57.0, 72.0); // CP13 64.2%
    }

    @Test
    void shouldDecideOnAPlanAtNineInTenInitialConferences() {
        assertThat(national(tally.initialConferencesToPlan(WINDOW_FROM, TO))).isBetween(84.0, 93.0); // CP14 89.0%
    }

    @Test
    void shouldMoveAboutOneChildInCareInTenThreeTimesOrMoreInAYear() {
        assertThat(national(tally.threeOrMorePlacements(MONTH_END))).isBetween(6.0, 14.0); // LA3 10.9%
        assertThat(national(tally.fostered(MONTH_END))).isBetween(70.0, 84.0); // LA5 77.7%
    }

    @Test
    void shouldSeeAboutOneChildLeavingCareInEightAdoptedAndOneInFourteenUnderSpecialGuardianship() {
        assertThat(national(tally.leftCare(PlanEndReason.ADOPTION, WINDOW_FROM, TO))).isBetween(9.0, 19.0); // LA14 14.4%
        assertThat(national(tally.leftCare(PlanEndReason.SPECIAL_GUARDIANSHIP, WINDOW_FROM, TO))).isBetween(4.0, 11.0); // LA15 7.5%
    }

    @Test
    void shouldHearMostChildrenAtTheirReviewsAndCloseMostEarlyHelpWithOutcomes() {
        assertThat(national(tally.careReviewParticipation(WINDOW_FROM, TO))).isBetween(93.0, 99.0); // LA8 96.5%
        assertThat(national(tally.earlyHelpClosedWithOutcomes(WINDOW_FROM, TO))).isBetween(54.0, 66.0); // RF12 59.6%
    }

    @Test
    void shouldHoldAboutAsManyChildrenInCareAsOnChildProtectionPlans() {
        long protection = tally.casesWithActivePlan(org.casepulse.events.PlanType.CP, MONTH_END).get(IndicatorTally.NATIONAL);
        long care = tally.casesWithActivePlan(org.casepulse.events.PlanType.CLA, MONTH_END).get(IndicatorTally.NATIONAL);
        long referrals = tally.referrals(null, MONTH_END.minusMonths(12).plusDays(1), MONTH_END);
        // Seed 003: 1,128 children on plans and 1,827 in care against 17,375 referrals in 12 months.
        assertThat(100.0 * protection / referrals).isBetween(4.5, 8.5);
        assertThat((double) care / protection).isBetween(1.0, 2.0);
    }

    @Test
    void shouldMakeSomeAreasRedAndSomeGreen() {
        // Targets and amber tolerances of the default catalogue.
        assertRedAndGreen(tally.allocationsWithin(2, WINDOW_FROM, TO), value -> value < 60, value -> value >= 65);
        assertRedAndGreen(tally.cpVisitsInTimescale(10, WINDOW_FROM, TO), value -> value < 85, value -> value >= 90);
        assertRedAndGreen(tally.referralToAssessment(WINDOW_FROM, REFERRALS_TO),
                value -> Math.abs(value - 70) > 10, value -> Math.abs(value - 70) <= 5);
        Map<String, IndicatorTally.Ratio> caseloads = tally.averageCaseload(MONTH_END);
        assertThat(caseloads.values()).anySatisfy(ratio -> assertThat(ratio.value()).isGreaterThan(18));
        assertThat(caseloads.values()).anySatisfy(ratio -> assertThat(ratio.value()).isLessThanOrEqualTo(16));
    }

    private static double national(Map<String, IndicatorTally.Ratio> ratios) {
        IndicatorTally.Ratio ratio = ratios.get(IndicatorTally.NATIONAL);
        assertThat(ratio.denominator()).as("facts counted").isGreaterThan(1000);
        return 100 * ratio.value();
    }

    private static void assertRedAndGreen(Map<String, IndicatorTally.Ratio> ratios,
                                          java.util.function.DoublePredicate red,
                                          java.util.function.DoublePredicate green) {
        List<Double> areas = ratios.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(IndicatorTally.NATIONAL))
                .map(entry -> 100 * entry.getValue().value())
                .toList();
        assertThat(areas).hasSize(21);
        assertThat(areas).as("areas rated red").anyMatch(red::test);
        assertThat(areas).as("areas rated green").anyMatch(green::test);
    }
}
