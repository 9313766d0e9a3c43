package org.casepulse.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.snapshots.PeriodType.MONTH;
import static org.casepulse.snapshots.PeriodType.R12M;
import static org.casepulse.snapshots.PeriodType.SNAPSHOT;
import static org.casepulse.snapshots.PeriodType.YTD;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.ClosureReason;
import org.casepulse.events.ConferenceOutcome;
import org.casepulse.events.ConferenceType;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanEndReason;
import org.casepulse.events.PlanType;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked figures of the issue 12 parameters and kinds (COUNTING.md sections 7 to 9), each
 * checked twice: against the reference computation and against the topology, fed the same events.
 * Today is Saturday 15 June 2024. 2024 bank holidays used: Good Friday 29 March, Easter Monday 1
 * April, 6 and 27 May.
 */
class CoverageMeasuresTest {
    private static final String TODAY = "2024-06-15";
    private static final ReferenceData REFERENCE = ReferenceData.defaults();

    @Test
    void shouldTypeAssessmentsByTheirStartThenCompletionAndTimeThemAsTheEntrySays() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseScript c2 = CaseScript.of("c2", "k2", "N1");
        CaseScript c3 = CaseScript.of("c3", "k3", "N1");
        Both figures = Both.of(
                c1.referral("2024-03-04"),
                // INITIAL by its start; completion carries no type. Mon 4 -> Wed 13 Mar: 7 working days.
                started(c1, "A1", "2024-03-05", AssessmentType.INITIAL), completed(c1, "A1", "2024-03-13", null, true),
                // No type on the start, CORE on the completion: CORE. Tue 5 -> Thu 28 Mar: 17 working days.
                started(c1, "A2", "2024-03-05", null), completed(c1, "A2", "2024-03-28", AssessmentType.CORE, true),
                // Fri 22 Mar -> Wed 3 Apr over Easter: 6 working days; the start's INITIAL wins over SINGLE.
                c2.referral("2024-03-22"),
                started(c2, "A1", "2024-03-28", AssessmentType.INITIAL),
                completed(c2, "A1", "2024-04-03", AssessmentType.SINGLE, true),
                // Tue 2 -> Fri 19 Apr: 13 working days; started and completed in April.
                c3.referral("2024-04-02"),
                started(c3, "A1", "2024-04-03", AssessmentType.INITIAL), completed(c3, "A1", "2024-04-19", null, false));

        figures.expect("initial-assessment-within-7wd", "N1", MONTH, "2024-03", "1/1");
        figures.expect("initial-assessment-within-7wd", "N1", MONTH, "2024-04", "1/2");
        figures.expect("initial-assessment-within-10wd", "N1", MONTH, "2024-04", "1/2");
        figures.expect("core-assessment-within-35wd-of-start", "N1", MONTH, "2024-03", "1/1");
        figures.expect("core-assessment-within-45wd", "N1", YTD, "2024-03", "1/1");
        // Started in the month of completion only: c2's (March to April) gives no fact.
        figures.expect("initial-assessment-started-in-month-within-7wd", "N1", MONTH, "2024-03", "1/1");
        figures.expect("initial-assessment-started-in-month-within-7wd", "N1", MONTH, "2024-04", "0/1");
        // Single assessments and S47 enquiries only: none here.
        figures.expect("assessment-within-45wd", "N1", MONTH, "2024-03", "empty");
        figures.expect("children-seen-at-assessment", "N1", MONTH, "2024-04", "empty");
        // Referrals going on to a SINGLE or INITIAL assessment: c1 (INITIAL A1), c2 in March; c3 in April.
        figures.expect("referral-to-assessment", "N1", MONTH, "2024-03", "2/2");
        figures.expect("initial-assessments-per-10k", "N1", R12M, "2024-04", "3/301420");
        figures.expect("core-assessments-per-10k", "N1", R12M, "2024-04", "1/301420");
    }

    @Test
    void shouldLeaveOutUnbornChildrenAndAssessmentsThatWentToStrategy() {
        CaseScript unborn = CaseScript.of("c4", "k4", "N2");
        CaseScript strategyDuring = CaseScript.of("c5", "k5", "N2");
        CaseScript strategyAfter = CaseScript.of("c6", "k6", "N2");
        CaseScript strategyOnCompletion = CaseScript.of("c7", "k7", "N2");
        CaseScript bornMidway = CaseScript.of("c9", "k9", "N2");
        Both figures = Both.of(
                unborn.event(EventType.REFERRAL_RECEIVED, "2024-05-07",
                        b -> b.setChildDateOfBirth(LocalDate.parse("2024-07-01")).setChildUnborn(true)),
                started(unborn, "A1", "2024-05-08", AssessmentType.INITIAL),
                completed(unborn, "A1", "2024-05-10", null, false),
                strategyDuring.referral("2024-05-07"),
                started(strategyDuring, "A1", "2024-05-08", AssessmentType.INITIAL),
                strategyDuring.event(EventType.STRATEGY_DISCUSSION_HELD, "2024-05-15", b -> { }),
                completed(strategyDuring, "A1", "2024-05-20", null, true),
                strategyAfter.referral("2024-05-07"),
                started(strategyAfter, "A1", "2024-05-08", AssessmentType.INITIAL),
                completed(strategyAfter, "A1", "2024-05-20", null, true),
                strategyAfter.event(EventType.STRATEGY_DISCUSSION_HELD, "2024-05-21", b -> { }),
                // No start: the window is the completion's day alone, which holds the discussion.
                strategyOnCompletion.referral("2024-05-07"),
                completed(strategyOnCompletion, "A1", "2024-05-09", AssessmentType.INITIAL, false),
                strategyOnCompletion.event(EventType.STRATEGY_DISCUSSION_HELD, "2024-05-09", b -> { }),
                // Born 9 May, as a later event says (the latest value applies at every date): the enquiry
                // completed on 8 May was of an unborn child; the one completed on 10 May counts.
                bornMidway.referral("2024-05-07"),
                started(bornMidway, "S1", "2024-05-07", AssessmentType.S47_ENQUIRY),
                completed(bornMidway, "S1", "2024-05-08", null, false),
                started(bornMidway, "S2", "2024-05-07", AssessmentType.S47_ENQUIRY),
                bornMidway.event(EventType.ASSESSMENT_COMPLETED, "2024-05-10", b -> b.setAssessmentId("S2")
                        .setChildSeen(true).setChildDateOfBirth(LocalDate.parse("2024-05-09"))));

        figures.expect("children-seen-at-initial-assessment", "N2", YTD, "2024-05", "1/1");
        figures.expect("children-seen-at-s47", "N2", YTD, "2024-05", "1/1");
        // Today's rule on S17 and S47 assessments has no exclusions: both S47 completions count.
        figures.expect("children-seen-at-assessment", "N2", MONTH, "2024-05", "1/2");
        figures.expect("s47-enquiries-per-10k", "N2", R12M, "2024-05", "2/246180");
    }

    @Test
    void shouldCountOpenAssessmentsFromTheirStartInUnallocatedCases() {
        CaseScript late = CaseScript.of("c10", "k10", "S1");
        CaseScript recent = CaseScript.of("c11", "k11", "S1");
        CaseScript allocated = CaseScript.of("c12", "k12", "S1");
        Both figures = Both.of(
                // Tue 4 Jun to Sat 15 Jun: 8 working days (> 7); unallocated. The INITIAL one is not single.
                late.referral("2024-06-03"), started(late, "A1", "2024-06-04", null),
                started(late, "A2", "2024-06-04", AssessmentType.INITIAL),
                // Wed 12 Jun: 2 working days.
                recent.referral("2024-06-03"), started(recent, "A1", "2024-06-12", AssessmentType.SINGLE),
                // Over 7 working days, but the case is allocated.
                allocated.referral("2024-06-03"), allocated.allocation("2024-06-04", "w1"),
                started(allocated, "A1", "2024-06-04", null));

        figures.expect("unallocated-assessments-over-7wd", "S1", SNAPSHOT, TODAY, "1/3");
        figures.expect("unallocated-assessments-over-7wd-share", "S1", SNAPSHOT, TODAY, "1/3");
        assertThat(figures.oracle.get("unallocated-assessments-over-7wd-share", "S1", SNAPSHOT, TODAY).value())
                .isEqualByComparingTo("33.3");
        // Anchored on the referral (Mon 3 Jun: 9 working days) over 10: none yet; INITIAL only.
        figures.expect("initial-assessments-open-over-10wd", "S1", SNAPSHOT, TODAY, "0/1");
        figures.expect("initial-assessments-open-over-10wd", "S1", SNAPSHOT, "2024-05-31", "empty");
    }

    @Test
    void shouldCountOpenCasesAndTheUnallocatedPublicLawBacklog() {
        CaseScript s31 = CaseScript.of("c13", "k13", "C1");
        CaseScript publicLaw = CaseScript.of("c14", "k14", "C1");
        CaseScript untyped = CaseScript.of("c15", "k15", "C1");
        CaseScript closed = CaseScript.of("c16", "k16", "C1");
        Both figures = Both.of(
                s31.referral("2024-04-02", "S31"),
                publicLaw.referral("2024-04-02", "PUBLIC_LAW"), publicLaw.allocation("2024-04-03", "w1"),
                untyped.referral("2024-04-02"),
                closed.referral("2024-04-02", "S31"), closed.closure("2024-05-10"));

        figures.expect("open-cases", "C1", SNAPSHOT, TODAY, "3/3");
        figures.expect("open-cases", "C1", SNAPSHOT, "2024-04-30", "4/4");
        figures.expect("open-cases", "CENTRAL", SNAPSHOT, "2024-04-30", "4/4");
        figures.expect("public-law-backlog", "C1", SNAPSHOT, TODAY, "1/2");
        figures.expect("public-law-backlog", "C1", SNAPSHOT, "2024-04-30", "2/3");
        figures.expect("open-cases", "C1", SNAPSHOT, "2024-03-31", "empty");
    }

    @Test
    void shouldCountAConferenceOnceWithTheOutcomeOfItsLatestSitting() {
        CaseScript c = CaseScript.of("c17", "k17", "N3");
        Both figures = Both.of(
                c.referral("2024-05-01"),
                started(c, "S1", "2024-05-02", AssessmentType.S47_ENQUIRY),
                conference(c, "2024-05-16", "conf-1", ConferenceType.INITIAL, ConferenceOutcome.NO_PLAN),
                // Reconvened: the same conference, dated, typed and placed by its first sitting.
                conference(c, "2024-05-23", "conf-1", ConferenceType.REVIEW, ConferenceOutcome.PLAN),
                conference(c, "2024-05-30", null, ConferenceType.INITIAL, ConferenceOutcome.NO_PLAN));

        figures.expect("initial-conferences-per-10k", "N3", R12M, "2024-05", "2/432650");
        figures.expect("initial-conference-to-plan", "N3", YTD, "2024-05", "1/2");
        figures.expect("s47-enquiries-per-10k", "N3", R12M, "2024-05", "1/432650");
    }

    @Test
    void shouldPairEachToWithTheLatestFromOnOrBeforeIt() {
        CaseScript twoEnquiries = CaseScript.of("c18", "k18", "N4");
        CaseScript noEnquiry = CaseScript.of("c19", "k19", "N4");
        CaseScript inTime = CaseScript.of("c20", "k20", "N4");
        CaseScript late = CaseScript.of("c21", "k21", "N4");
        Both figures = Both.of(
                twoEnquiries.referral("2024-05-01"),
                started(twoEnquiries, "S1", "2024-05-02", AssessmentType.S47_ENQUIRY),
                started(twoEnquiries, "S2", "2024-05-13", AssessmentType.S47_ENQUIRY),
                // Pairs with the 13 May enquiry: 9 working days (27 May is a bank holiday, not in range).
                conference(twoEnquiries, "2024-05-24", null, ConferenceType.INITIAL, ConferenceOutcome.PLAN),
                // No enquiry before it: no fact (an anomaly).
                noEnquiry.referral("2024-05-01"),
                conference(noEnquiry, "2024-05-03", null, ConferenceType.INITIAL, ConferenceOutcome.PLAN),
                // Decided 15 Jun 2023, placed 14 Jun 2024: within 12 months; in care from 15 Sep 2022, placed
                // less than 21 months after (15 Jun 2024 would be the 21 months).
                inTime.referral("2022-09-01"), inTime.planStarted("P1", PlanType.CLA, "2022-09-15"),
                inTime.event(EventType.ADOPTION_DECISION_MADE, "2023-06-15", b -> { }),
                inTime.event(EventType.PLACED_FOR_ADOPTION, "2024-06-14", b -> { }),
                // Decided 10 Jun 2023, placed 11 Jun 2024: a day over; in care from 11 Sep 2022: exactly 21 months.
                late.referral("2022-09-01"), late.planStarted("P1", PlanType.CLA, "2022-09-11"),
                late.event(EventType.ADOPTION_DECISION_MADE, "2023-06-10", b -> { }),
                late.event(EventType.PLACED_FOR_ADOPTION, "2024-06-11", b -> { }));

        figures.expect("initial-conference-within-15wd", "N4", YTD, "2024-05", "1/1");
        figures.expect("s47-to-initial-conference", "N4", YTD, "2024-05", "1/2");
        figures.expect("adoption-placement-within-12m-of-decision", "N4", YTD, "2024-06", "1/2");
        figures.expect("care-to-adoption-placement-under-21m", "N4", YTD, "2024-06", "1/2");
    }

    @Test
    void shouldShareEndsAndClosuresByTheirReasonWithAnAbsentReasonInTheDenominatorOnly() {
        CaseScript adopted = CaseScript.of("c22", "k22", "N5");
        CaseScript noReason = CaseScript.of("c23", "k23", "N5");
        CaseScript cpPlan = CaseScript.of("c24", "k24", "N5");
        CaseScript earlyHelpDone = CaseScript.of("c25", "k25", "N5");
        CaseScript earlyHelpNoReason = CaseScript.of("c26", "k26", "N5");
        CaseScript notEarlyHelp = CaseScript.of("c27", "k27", "N5");
        Both figures = Both.of(
                adopted.referral("2023-01-02"), adopted.planStarted("P1", PlanType.CLA, "2023-01-10"),
                adopted.event(EventType.PLAN_ENDED, "2024-05-10", b -> b.setPlanId("P1").setPlanType(PlanType.CLA)
                        .setPlanEndReason(PlanEndReason.ADOPTION)),
                noReason.referral("2023-01-02"), noReason.planStarted("P1", PlanType.CLA, "2023-01-10"),
                noReason.planEnded("P1", PlanType.CLA, "2024-05-12"),
                cpPlan.referral("2023-01-02"), cpPlan.planStarted("P1", PlanType.CP, "2023-01-10"),
                cpPlan.event(EventType.PLAN_ENDED, "2024-05-10", b -> b.setPlanId("P1").setPlanType(PlanType.CP)
                        .setPlanEndReason(PlanEndReason.ADOPTION)),
                earlyHelpDone.referral("2024-04-02", "EARLY_HELP"),
                earlyHelpDone.event(EventType.CASE_CLOSED, "2024-05-20",
                        b -> b.setClosureReason(ClosureReason.OUTCOMES_ACHIEVED)),
                earlyHelpNoReason.referral("2024-04-02", "EARLY_HELP"), earlyHelpNoReason.closure("2024-05-21"),
                notEarlyHelp.referral("2024-04-02", "S17"),
                notEarlyHelp.event(EventType.CASE_CLOSED, "2024-05-20",
                        b -> b.setClosureReason(ClosureReason.OUTCOMES_ACHIEVED)));

        figures.expect("leaving-care-adopted", "N5", YTD, "2024-05", "1/2");
        figures.expect("leaving-care-special-guardianship", "N5", YTD, "2024-05", "0/2");
        figures.expect("early-help-closed-with-outcomes", "N5", YTD, "2024-05", "1/2");
        // Phased target: Q1 (April to June) 70.
        assertThat(figures.oracle.get("early-help-closed-with-outcomes", "N5", YTD, "2024-05").target())
                .isEqualByComparingTo("70");
    }

    @Test
    void shouldRestateAFromWhenItsToArrivesInALaterMonth() {
        CaseScript c = CaseScript.of("c28", "k28", "N6");
        CaseEvent referral = c.referral("2024-04-02");
        CaseEvent enquiry = started(c, "S1", "2024-04-29", AssessmentType.S47_ENQUIRY);
        CaseEvent conference = conference(c, "2024-05-14", null, ConferenceType.INITIAL, ConferenceOutcome.PLAN);

        Both.of(referral, enquiry).expect("s47-to-initial-conference", "N6", YTD, "2024-04", "0/1");
        Both both = Both.of(referral, enquiry, conference);
        both.expect("s47-to-initial-conference", "N6", YTD, "2024-04", "1/1");
        both.expect("s47-to-initial-conference", "N6", YTD, "2024-05", "1/1");
        // Retracting the enquiry unpairs the conference: no from, so no fact either way.
        Both retracted = Both.of(referral, enquiry, conference, c.retraction(enquiry, "2024-05-20"));
        retracted.expect("s47-to-initial-conference", "N6", YTD, "2024-05", "empty");
        retracted.expect("initial-conference-within-15wd", "N6", YTD, "2024-05", "empty");
    }

    @Test
    void shouldCountEachChildOnceAtTheAreaOfItsLatestReferredCase() {
        CaseScript first = CaseScript.of("c30", "k30", "N7");
        CaseScript second = CaseScript.of("c31", "k30", "N8");
        CaseScript turns18 = CaseScript.of("c32", "k32", "N7");
        CaseScript asylum = CaseScript.of("c33", "k33", "N7");
        CaseScript earlyHelp = CaseScript.of("c34", "k34", "N7");
        Both figures = Both.of(
                first.referral("2024-01-08"), first.planStarted("P1", PlanType.CLA, "2024-01-10"),
                first.event(EventType.PLACEMENT_STARTED, "2024-01-10", b -> b.setPlacementId("L1")
                        .setPlacementType(org.casepulse.events.PlacementType.FOSTER_CARE).setDistanceFromHomeMiles(5.0)),
                // The same child, a second open case referred later: it represents the child from 4 March.
                second.referral("2024-03-04"), second.planStarted("P1", PlanType.CLA, "2024-03-05"),
                turns18.event(EventType.REFERRAL_RECEIVED, "2024-04-02",
                        b -> b.setChildDateOfBirth(LocalDate.parse("2006-06-10"))),
                turns18.planStarted("P1", PlanType.CLA, "2024-04-03"),
                asylum.event(EventType.REFERRAL_RECEIVED, "2024-04-02", b -> b.setUnaccompaniedAsylumSeeking(true)),
                asylum.planStarted("P1", PlanType.CLA, "2024-04-03"),
                earlyHelp.referral("2024-04-02", "EARLY_HELP"));

        figures.expect("children-in-care", "N7", SNAPSHOT, "2024-02-29", "1/1");
        // 18 on 10 June: out of the under-18 count today, in it at the end of May (aged 16-17 then).
        figures.expect("children-in-care", "N7", SNAPSHOT, TODAY, "1/1");
        figures.expect("children-in-care", "N7", SNAPSHOT, "2024-05-31", "2/2");
        figures.expect("children-in-care", "N8", SNAPSHOT, TODAY, "1/1");
        figures.expect("children-in-care", "NORTH", SNAPSHOT, TODAY, "2/2");
        figures.expect("children-in-care-aged-16-17", "N7", SNAPSHOT, "2024-05-31", "1/2");
        figures.expect("children-in-care-per-10k", "N7", SNAPSHOT, TODAY, "1/642870");
        figures.expect("children-in-care-asylum-seeking", "N7", SNAPSHOT, TODAY, "1/2");
        figures.expect("children-in-care-asylum-seeking", "N8", SNAPSHOT, TODAY, "0/1");
        figures.expect("children-in-care-fostered", "N7", SNAPSHOT, "2024-02-29", "1/1");
        figures.expect("fostered-within-10-miles", "N7", SNAPSHOT, "2024-02-29", "1/1");
        // The child's representative case has no placement now: out of the foster population.
        figures.expect("fostered-within-10-miles", "N8", SNAPSHOT, TODAY, "empty");
        figures.expect("children-in-care-fostered", "N8", SNAPSHOT, TODAY, "0/1");
        figures.expect("children-on-cp-plan", "N7", SNAPSHOT, TODAY, "empty");
        // Children with an open case, early help left out, per 10,000: k30 once (in N8), k32 and k33 in N7.
        figures.expect("children-in-need-per-10k", "N7", SNAPSHOT, TODAY, "2/642870");
        figures.expect("children-in-need-per-10k", "N8", SNAPSHOT, TODAY, "1/538090");
        figures.expect("children-in-need-per-10k", "NORTH", SNAPSHOT, TODAY, "3/3324320");
    }

    @Test
    void shouldCountAChildWithTwoOverdueCpCasesOnce() {
        // Issue 12: cp-visit-overdue counts children. One child, two open cases on CP plans, neither
        // visited: overdue in both; the child counts once, at the case referred later.
        CaseScript north = CaseScript.of("c40", "k40", "N1");
        CaseScript north2 = CaseScript.of("c41", "k40", "N2");
        Both figures = Both.of(
                north.referral("2024-04-01"), north.planStarted("P1", PlanType.CP, "2024-04-02"),
                north2.referral("2024-04-03"), north2.planStarted("P1", PlanType.CP, "2024-04-04"));

        figures.expect("cp-visit-overdue", "NORTH", SNAPSHOT, TODAY, "1/1");
        figures.expect("cp-visit-overdue", "N2", SNAPSHOT, TODAY, "1/1");
        figures.expect("cp-visit-overdue", "N1", SNAPSHOT, TODAY, "empty");
        figures.expect("children-on-cp-plan", "NORTH", SNAPSHOT, TODAY, "1/1");
    }

    @Test
    void shouldJudgeChildrenInCareByPlacementsChecksAndTimeInCare() {
        CaseScript moved = CaseScript.of("c50", "k50", "S2");
        CaseScript adopted = CaseScript.of("c51", "k51", "S2");
        CaseScript longCp = CaseScript.of("c52", "k52", "S2");
        CaseScript newCp = CaseScript.of("c53", "k53", "S2");
        CaseScript under5 = CaseScript.of("c54", "k54", "S2");
        Both figures = Both.of(
                moved.event(EventType.REFERRAL_RECEIVED, "2021-01-04", b -> b.setChildDateOfBirth(LocalDate.parse("2010-03-01"))),
                moved.planStarted("P1", PlanType.CLA, "2021-01-05"),
                placed(moved, "L1", "2021-01-05", "FOSTER_CARE"), placementEnded(moved, "L1", "2022-01-10"),
                placed(moved, "L2", "2022-01-10", "CHILDRENS_HOME"), placementEnded(moved, "L2", "2023-09-01"),
                placed(moved, "L3", "2023-09-01", "FOSTER_CARE"), placementEnded(moved, "L3", "2024-01-15"),
                placed(moved, "L4", "2024-01-15", "ADOPTION"),
                check(moved, "2024-02-01", "PERSONAL_EDUCATION_PLAN"), check(moved, "2023-05-01", "DENTAL_CHECK"),
                check(moved, "2023-09-01", "HEALTH_ASSESSMENT"),
                adopted.event(EventType.REFERRAL_RECEIVED, "2020-01-06", b -> b.setChildDateOfBirth(LocalDate.parse("2012-05-05"))),
                adopted.planStarted("P1", PlanType.CLA, "2020-01-07"),
                placed(adopted, "L1", "2020-01-07", "FOSTER_CARE"), placementEnded(adopted, "L1", "2023-03-01"),
                placed(adopted, "L2", "2023-03-01", "ADOPTION"),
                check(adopted, "2024-01-10", "DENTAL_CHECK"),
                longCp.referral("2022-10-03"), longCp.planStarted("P1", PlanType.CP, "2022-11-01"),
                newCp.referral("2023-05-02"), newCp.planStarted("P1", PlanType.CP, "2023-06-01"),
                under5.event(EventType.REFERRAL_RECEIVED, "2022-01-04", b -> b.setChildDateOfBirth(LocalDate.parse("2021-03-01"))),
                under5.planStarted("P1", PlanType.CLA, "2022-01-10"),
                check(under5, "2023-10-01", "HEALTH_ASSESSMENT"));

        // 12 months to 15 Jun 2024 (from 15 Jun 2023): k50's L2 runs into them, L3 and L4 start in them.
        figures.expect("placement-moves-3-plus-12m", "S2", SNAPSHOT, TODAY, "1/3");
        // At 31 Dec 2023: k50 has L2 and L3 in the 12 months, k51 L1 and L2: two each.
        figures.expect("placement-moves-3-plus-12m", "S2", SNAPSHOT, "2023-12-31", "0/3");
        // In care 30 months: k50 (2021) and k51 (2020); k54 (2022) not. k50 placed for adoption in Jan 2024
        // after a placement of Sep 2023: no; k51 placed for adoption in 2023 after one from 2020: yes.
        figures.expect("placement-stability-2y", "S2", SNAPSHOT, TODAY, "1/2");
        // CP plans: from 1 Nov 2022 (18 months on 1 May 2024) and 1 Jun 2023.
        figures.expect("cp-plans-open-18m", "S2", SNAPSHOT, TODAY, "1/2");
        figures.expect("cp-plans-open-18m", "S2", SNAPSHOT, "2024-03-31", "0/2");
        // Aged 5 to 16 (k54 is 3): k50's plan of 1 Feb 2024 is within 6 months, k51 has none.
        figures.expect("children-in-care-with-pep", "S2", SNAPSHOT, TODAY, "1/2");
        // In care 12 months or more: all three; dental checks since 15 Jun 2023: k51's only.
        figures.expect("cla-dental-checks-in-timescale", "S2", SNAPSHOT, TODAY, "1/3");
        // Health: k50's of 1 Sep 2023 within 12 months; k54, under 5, needs one within 6 months (1 Oct 2023 is not).
        figures.expect("cla-health-assessments-in-timescale", "S2", SNAPSHOT, TODAY, "1/3");
        figures.expect("cla-health-assessments-in-timescale", "S2", SNAPSHOT, "2024-03-31", "2/3");
    }

    @Test
    void shouldCountChildrenWhosePlansWereReviewedInTime() {
        CaseScript reviewed = CaseScript.of("c60", "k60", "S3");
        CaseScript neverReviewed = CaseScript.of("c61", "k61", "S3");
        CaseScript young = CaseScript.of("c62", "k62", "S3");
        CaseScript inCare = CaseScript.of("c63", "k63", "S3");
        CaseScript lateFirst = CaseScript.of("c64", "k64", "S3");
        Both figures = Both.of(
                // CP: first review due 3 Apr (3 months), held 28 Mar; the next due 28 Sep.
                reviewed.referral("2024-01-02"), reviewed.planStarted("P1", PlanType.CP, "2024-01-03"),
                conference(reviewed, "2024-03-28", null, ConferenceType.REVIEW, ConferenceOutcome.PLAN),
                // First review due 5 Apr, none held.
                neverReviewed.referral("2024-01-02"), neverReviewed.planStarted("P1", PlanType.CP, "2024-01-05"),
                // First review due 1 Jul: not yet in the population.
                young.referral("2024-03-25"), young.planStarted("P1", PlanType.CP, "2024-04-01"),
                // CLA from Fri 12 Jan: the 20th working day is Fri 9 Feb, so the weekend after is in time; a
                // review Sat 10 Feb, the next due 10 May (3 months), held that day; then 10 Nov.
                inCare.referral("2024-01-02"), inCare.planStarted("P1", PlanType.CLA, "2024-01-12"),
                review(inCare, "2024-02-10"), review(inCare, "2024-05-10"),
                // Tue 13 Feb is the 21st working day: late, and the plan stays out of time.
                lateFirst.referral("2024-01-02"), lateFirst.planStarted("P1", PlanType.CLA, "2024-01-12"),
                review(lateFirst, "2024-02-13"));

        figures.expect("cp-reviews-in-timescale", "S3", SNAPSHOT, TODAY, "1/2");
        figures.expect("cp-reviews-in-timescale", "S3", SNAPSHOT, "2024-04-30", "1/2");
        figures.expect("cp-reviews-in-timescale", "S3", SNAPSHOT, "2024-03-31", "empty");
        figures.expect("cla-reviews-in-timescale", "S3", SNAPSHOT, TODAY, "1/2");
        figures.expect("cla-reviews-in-timescale", "S3", SNAPSHOT, "2024-02-29", "1/2");
        figures.expect("cla-reviews-in-timescale", "S3", SNAPSHOT, "2024-01-31", "empty");
    }

    @Test
    void shouldTimePrivateFosteringVisitsOfCurrentArrangements() {
        CaseScript c = CaseScript.of("c70", "k70", "S4");
        CaseScript ended = CaseScript.of("c71", "k71", "S4");
        Both figures = Both.of(
                c.referral("2023-03-01"),
                c.event(EventType.PRIVATE_FOSTERING_ARRANGEMENT_STARTED, "2023-03-01", b -> b.setArrangementId("F1")),
                // Wed 1 Mar 2023 -> Fri 10 Mar: 7 working days (in time); 21 Apr: 42 days after (in time).
                pfVisit(c, "2023-03-10", null), pfVisit(c, "2023-04-21", org.casepulse.events.VisitType.PRIVATE_FOSTERING),
                // A CIN visit does not count; 13 Jun is 53 days after 21 Apr: late.
                pfVisit(c, "2023-05-01", org.casepulse.events.VisitType.CIN), pfVisit(c, "2023-06-13", null),
                // Later years (from 1 Mar 2024): 84 days after 13 Jun is 5 Sep: 4 Mar 2024 is late, 20 May in time.
                pfVisit(c, "2024-03-04", null), pfVisit(c, "2024-05-20", null),
                // An arrangement that ended: its visits leave the snapshot.
                ended.referral("2024-01-02"),
                ended.event(EventType.PRIVATE_FOSTERING_ARRANGEMENT_STARTED, "2024-01-02", b -> b.setArrangementId("F1")),
                pfVisit(ended, "2024-01-05", null),
                ended.event(EventType.PRIVATE_FOSTERING_ARRANGEMENT_ENDED, "2024-03-01", b -> b.setArrangementId("F1")));

        figures.expect("pf-visits-in-timescale-first-year", "S4", SNAPSHOT, TODAY, "2/3");
        figures.expect("pf-visits-in-timescale-later-years", "S4", SNAPSHOT, TODAY, "1/2");
        figures.expect("pf-visits-in-timescale-later-years", "S4", SNAPSHOT, "2024-03-31", "0/1");
        // 31 Jan 2024: both arrangements current; the ended one's visit (Fri 5 Jan, 3 working days) in time.
        figures.expect("pf-visits-in-timescale-first-year", "S4", SNAPSHOT, "2024-01-31", "3/4");
    }

    @Test
    void shouldAddUpPublicLawMonthEndAllocationsForTheYearToDate() {
        CaseScript s31 = CaseScript.of("c80", "k80", "C1");
        CaseScript publicLaw = CaseScript.of("c81", "k81", "C1");
        CaseScript epo = CaseScript.of("c82", "k82", "C1");
        CaseScript privateLaw = CaseScript.of("c83", "k83", "C1");
        CaseScript untyped = CaseScript.of("c84", "k84", "C1");
        CaseEvent s31Referral = s31.referral("2024-03-10", "S31");
        CaseEvent lateAllocation = publicLaw.allocation("2024-05-02", "w2");
        Both figures = Both.of(
                s31Referral, s31.allocation("2024-03-12", "w1"), s31Referral, // a duplicate changes nothing
                publicLaw.referral("2024-04-15", "PUBLIC_LAW"), lateAllocation,
                // Amended: allocated on Mon 29 April after all, so allocated at the April month end.
                CaseScript.amended(lateAllocation, b -> b.setOccurredOn(LocalDate.parse("2024-04-29"))),
                epo.referral("2024-04-20", "EPO"), epo.closure("2024-05-20"),
                // Not public law: a private-law case, and a case without a case type.
                privateLaw.referral("2024-04-01", "PRIVATE_LAW"), untyped.referral("2024-05-05"));

        // Month ends: March 1/1; April 2/3 (the EPO case unallocated); May 2/2 (it closed); today 2/2.
        figures.expect("public-law-workload-allocated", "C1", SNAPSHOT, "2024-03-31", "1/1");
        figures.expect("public-law-workload-allocated", "C1", SNAPSHOT, "2024-04-30", "2/3");
        figures.expect("public-law-workload-allocated", "C1", SNAPSHOT, TODAY, "2/2");
        // YTD: the month-end counts from April added up; March closes the previous year on its own.
        figures.expect("public-law-workload-allocated", "C1", YTD, "2024-03", "1/1");
        figures.expect("public-law-workload-allocated", "C1", YTD, "2024-04", "2/3");
        figures.expect("public-law-workload-allocated", "C1", YTD, "2024-05", "4/5");
        figures.expect("public-law-workload-allocated", "C1", YTD, "2024-06", "6/7");
        figures.expect("public-law-workload-allocated", "C1", YTD, "2024-02", "empty");
        figures.expect("public-law-workload-allocated", "CENTRAL", YTD, "2024-06", "6/7");
        // The same cases with every case type: 5 open at the April month end.
        figures.expect("workload-allocated", "C1", SNAPSHOT, "2024-04-30", "2/4");
    }

    @Test
    void shouldCountChildProtectionPlansDueAVisitAndVisitedInTheMonth() {
        CaseScript a = CaseScript.of("c90", "k90", "S2");
        CaseScript b = CaseScript.of("c91", "k91", "S2");
        CaseScript c = CaseScript.of("c92", "k92", "S2");
        CaseScript cin = CaseScript.of("c93", "k93", "S2");
        CaseScript e = CaseScript.of("c94", "k94", "S2");
        List<CaseEvent> events = new java.util.ArrayList<>(List.of(
                // Started on 1 March: due from March. A CLA visit in April does not count; the CP visit in May does.
                a.referral("2024-02-10"), a.planStarted("P1", PlanType.CP, "2024-03-01"),
                cpVisit(a, "2024-03-05", null), cpVisit(a, "2024-04-10", org.casepulse.events.VisitType.CLA),
                cpVisit(a, "2024-05-02", org.casepulse.events.VisitType.CP),
                // Started 15 March: due from April only. Ended on 31 May: not due in May.
                b.referral("2024-03-10"), b.planStarted("P1", PlanType.CP, "2024-03-15"), b.visit("2024-03-20"),
                b.visit("2024-04-30"), b.visit("2024-05-10"), b.planEnded("P1", PlanType.CP, "2024-05-31"),
                // Due in April, its one visit retracted; closed on 31 May: not due in May.
                c.referral("2024-04-01"), c.planStarted("P1", PlanType.CP, "2024-04-01")));
        CaseEvent retracted = c.visit("2024-04-22");
        events.addAll(List.of(retracted, c.retraction(retracted, "2024-04-23"), c.closure("2024-05-31"),
                // A child in need plan is not a CP plan.
                cin.referral("2024-03-01"), cin.planStarted("P1", PlanType.CIN, "2024-03-01"), cin.visit("2024-03-05"),
                e.referral("2024-05-20"), e.planStarted("P1", PlanType.CP, "2024-06-01")));
        // Recorded before the plan, then amended into it: visited in June.
        CaseEvent early = e.visit("2024-05-28");
        events.addAll(List.of(early, CaseScript.amended(early, x -> x.setOccurredOn(LocalDate.parse("2024-06-05")))));
        // The first case moves to S3 with its June visit: its June counts there.
        events.add(cpVisit(a.in("S3"), "2024-06-03", org.casepulse.events.VisitType.STATUTORY));
        Both figures = Both.of(events.toArray(CaseEvent[]::new));

        figures.expect("cp-children-visited-in-month", "S2", MONTH, "2024-02", "empty");
        figures.expect("cp-children-visited-in-month", "S2", MONTH, "2024-03", "1/1");
        figures.expect("cp-children-visited-in-month", "S2", MONTH, "2024-04", "1/3");
        figures.expect("cp-children-visited-in-month", "S2", MONTH, "2024-05", "1/1");
        // The month in progress, to Saturday 15 June.
        figures.expect("cp-children-visited-in-month", "S2", MONTH, "2024-06", "1/1");
        figures.expect("cp-children-visited-in-month", "S3", MONTH, "2024-06", "1/1");
        figures.expect("cp-children-visited-in-month", "SOUTH", MONTH, "2024-06", "2/2");
        figures.expect("cp-children-visited-in-month", "S2", YTD, "2024-03", "1/1");
        figures.expect("cp-children-visited-in-month", "S2", YTD, "2024-05", "2/4");
        figures.expect("cp-children-visited-in-month", "S2", YTD, "2024-06", "3/5");
        figures.expect("cp-children-visited-in-month", "SOUTH", YTD, "2024-06", "4/6");
    }

    @Test
    void shouldCompareReferralsWithTheMeanOfTheSameMonthsOfTheTwoPreviousYears() {
        List<CaseEvent> events = new java.util.ArrayList<>();
        String[] referrals = {
            // Closed within two months, three years back: kept, as the two-year baseline reaches it.
            "2021-04-20",
            "2022-04-05", "2022-05-10",
            "2023-04-12", "2023-05-15", "2023-05-16", "2023-06-20",
            "2024-04-08", "2024-04-09", "2024-05-13", "2024-05-14", "2024-05-15"};
        for (int i = 0; i < referrals.length; i++) {
            CaseScript c = CaseScript.of("c10" + i, "k10" + i, "C3");
            CaseEvent referral = c.referral(referrals[i]);
            events.add(referral);
            events.add(referral); // duplicates change nothing
            if (i == 0) {
                events.add(c.closure("2021-05-01"));
            }
        }
        CaseScript withdrawn = CaseScript.of("c120", "k120", "C3");
        CaseEvent referral = withdrawn.referral("2024-05-20");
        events.addAll(List.of(referral, withdrawn.retraction(referral, "2024-05-21")));
        Both figures = Both.of(events.toArray(CaseEvent[]::new));

        // April-May 2024: 5 referrals, twice over, against 3 (2023) + 2 (2022): +100% on the mean of 2.5.
        figures.expect("demand-change-two-years", "C3", YTD, "2024-05", "10/5");
        assertThat(figures.oracle.get("demand-change-two-years", "C3", YTD, "2024-05").value()).isEqualByComparingTo("100.0");
        figures.expect("demand-change", "C3", YTD, "2024-05", "5/3");
        figures.expect("demand-change-two-years", "C3", YTD, "2024-06", "10/6");
        // The window's first month: April-June 2023 (4) against 2022 (2) and 2021 (1).
        figures.expect("demand-change-two-years", "C3", YTD, "2023-06", "8/3");
        figures.expect("demand-change-two-years", "C3", YTD, "2024-03", "8/3");
    }

    private static CaseEvent cpVisit(CaseScript c, String date, org.casepulse.events.VisitType type) {
        return c.event(EventType.VISIT_RECORDED, date, b -> b.setVisitType(type));
    }

    private static CaseEvent pfVisit(CaseScript c, String date, org.casepulse.events.VisitType type) {
        return c.event(EventType.VISIT_RECORDED, date, b -> b.setVisitType(type));
    }

    private static CaseEvent review(CaseScript c, String date) {
        return c.event(EventType.REVIEW_HELD, date, b -> b.setReviewType(org.casepulse.events.ReviewType.CLA_REVIEW)
                .setChildParticipated(true));
    }

    private static CaseEvent placed(CaseScript c, String id, String date, String type) {
        return c.event(EventType.PLACEMENT_STARTED, date, b -> b.setPlacementId(id)
                .setPlacementType(org.casepulse.events.PlacementType.valueOf(type)));
    }

    private static CaseEvent placementEnded(CaseScript c, String id, String date) {
        return c.event(EventType.PLACEMENT_ENDED, date, b -> b.setPlacementId(id));
    }

    private static CaseEvent check(CaseScript c, String date, String type) {
        return c.event(EventType.CHILD_CHECK_RECORDED, date,
                b -> b.setCheckType(org.casepulse.events.CheckType.valueOf(type)));
    }

    private static CaseEvent started(CaseScript c, String id, String date, AssessmentType type) {
        return c.event(EventType.ASSESSMENT_STARTED, date, b -> b.setAssessmentId(id).setAssessmentType(type));
    }

    private static CaseEvent completed(CaseScript c, String id, String date, AssessmentType type, boolean seen) {
        return c.event(EventType.ASSESSMENT_COMPLETED, date,
                b -> b.setAssessmentId(id).setAssessmentType(type).setChildSeen(seen));
    }

    private static CaseEvent conference(CaseScript c, String date, String id, ConferenceType type,
                                        ConferenceOutcome outcome) {
        Consumer<CaseEvent.Builder> fields = b -> b.setConferenceId(id).setConferenceType(type)
                .setConferenceOutcome(outcome);
        return c.event(EventType.CONFERENCE_HELD, date, fields);
    }

    /** The same events through the reference computation and the topology. */
    private static final class Both {
        final ComputedFigures oracle;
        final Map<IndicatorSnapshotKey, IndicatorSnapshot> published;

        private Both(ComputedFigures oracle, Map<IndicatorSnapshotKey, IndicatorSnapshot> published) {
            this.oracle = oracle;
            this.published = published;
        }

        static Both of(CaseEvent... events) {
            try (TopologyHarness harness = TopologyHarness.asOf(REFERENCE, LocalDate.parse(TODAY),
                    ComputedFigures.REPORTING_MONTHS)) {
                return new Both(ComputedFigures.of(REFERENCE, TODAY, events),
                        harness.send(List.of(events)).flush().current());
            }
        }

        /** "numerator/denominator" or "empty", the same from both. */
        void expect(String indicatorId, String areaCode, PeriodType type, String period, String counts) {
            assertThat(oracle.counts(indicatorId, areaCode, type, period)).as("reference computation: %s %s %s %s",
                    indicatorId, areaCode, type, period).isEqualTo(counts);
            LocalDate end = period.length() == 7 ? YearMonth.parse(period).atEndOfMonth() : LocalDate.parse(period);
            String topology = published.entrySet().stream()
                    .filter(e -> FigureKey.of(e.getKey()).equals(new FigureKey(indicatorId, areaCode, type, end)))
                    .map(e -> e.getValue().getNumerator() + "/" + e.getValue().getDenominator())
                    .findFirst().orElse("empty");
            assertThat(topology).as("topology: %s %s %s %s", indicatorId, areaCode, type, period).isEqualTo(counts);
        }
    }
}
