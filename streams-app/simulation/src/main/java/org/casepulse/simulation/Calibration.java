package org.casepulse.simulation;

/**
 * The simulation's knobs, in one place, calibrated so that its own output lands in the ranges the
 * seed reports show nationally (measured by SimulationCalibrationTest): re-referrals 20-28%,
 * referral to assessment about 70%, assessments within 45 working days 80-90%, children seen at
 * assessment 90-97%, allocations within 2 working days 65-75% (7: 85-90%, 28: about 98%), CP
 * visits in timescale about 90%, repeat CP plans about 10%, caseloads 15-22. Each area's quality
 * moves its figures by up to the spread either way, so that areas rate red, amber and green.
 *
 * <p>Contract v2's elements are calibrated to the county scorecard (seed 003), measured the same
 * way: section 47 enquiries about a fifth of referrals, a third of them going on to an initial
 * conference, nine in ten of those deciding on a plan, two thirds within 15 working days of the
 * enquiry's start; review conferences and children in care reviews almost all in time; three
 * quarters of children in care fostered, about one in ten with three or more placements in a
 * year; health and dental checks about nine in ten in time; of the children leaving care, about
 * 13% adopted and 7% under special guardianship; early-help assessments about a fifth as many as
 * referrals, three in five early-help cases closed with outcomes achieved or stepped down; private fostering visits
 * about four in five in time.
 */
final class Calibration {
    private Calibration() {}

    // Demand: referrals a day relative to a working day, by month, and their yearly growth.
    static final double WEEKEND = 0.12;
    static final double BANK_HOLIDAY = 0.2;
    /** January to December: quieter in August and December, busier in autumn. */
    static final double[] MONTH = {1.0, 1.0, 1.05, 0.95, 1.0, 1.05, 1.0, 0.85, 1.05, 1.05, 1.05, 0.9};
    static final double ANNUAL_GROWTH = 0.04;
    static final double GROWTH_SPREAD = 0.03;
    /** Areas differ in referrals per child by up to this share either way. */
    static final double DEMAND_SPREAD = 0.25;

    // Referral and assessment.
    static final double RE_REFERRAL = 0.25;
    static final double RE_REFERRAL_SPREAD = 0.05;
    /** Referrals of a child last referred more than 12 months ago: referrals, not re-referrals. */
    static final double OLD_RE_REFERRAL = 0.03;
    static final double S47 = 0.22;
    static final double ASSESSMENT = 0.71;
    static final double ASSESSMENT_SPREAD = 0.10;
    /** Referrals not assessed that are closed at the front door, never allocated. */
    static final double FRONT_DOOR_CLOSURE = 0.5;
    static final double ASSESSMENT_WITHIN_45 = 0.87;
    static final double ASSESSMENT_45_SPREAD = 0.10;
    static final double CHILD_SEEN = 0.945;
    static final double CHILD_SEEN_SPREAD = 0.035;

    // Allocation: within 2 working days, else 3-7, 8-28 or 29-60 in these proportions.
    static final double ALLOCATION_WITHIN_2 = 0.71;
    static final double ALLOCATION_SPREAD = 0.14;
    static final double ALLOCATION_3_TO_7 = 0.57;
    static final double ALLOCATION_8_TO_28 = 0.36;

    // Outcomes of an assessment and the plans that follow.
    static final double CP_AFTER_S47 = 0.45;
    static final double CP_AFTER_S17 = 0.05;
    static final double CP_AFTER_EARLIER_CP = 0.6;
    static final double CIN = 0.25;
    static final double REPEAT_CP_IN_CASE = 0.3;
    static final double STEP_DOWN_TO_CIN = 0.45;
    static final double VISIT_IN_TIME = 0.905;
    static final double VISIT_SPREAD = 0.08;

    // Workers and moves.
    static final double CASELOAD_CAP = 18.5;
    static final double CASELOAD_SPREAD = 3.5;
    static final double CROSS_AREA_WORKER = 0.12;
    static final double TRANSFER = 0.03;
    static final double REALLOCATION = 0.01;

    // Children: dates of birth as children in need are spread (CIN census), some unborn, a few
    // unaccompanied asylum-seeking (older, and almost all looked after).
    static final double UNBORN = 0.04;
    /** Upper bounds of the age bands under 1, 1-4, 5-9, 10-15 and 16-17, cumulated. */
    static final double[] AGE_BANDS = {0.09, 0.27, 0.50, 0.86, 1.0};
    static final double ASYLUM_SEEKING = 0.008;

    // Case kinds beside statutory referrals: early help (a share of referrals, counted on top; about
    // seven in ten assessed, so early-help assessments are about a fifth of referrals, as CAFs),
    // private fostering and court case types (shares of referrals).
    static final double EARLY_HELP = 0.25;
    static final double PRIVATE_FOSTERING = 0.004;
    static final double S31 = 0.03;
    static final double PRIVATE_LAW = 0.02;
    /**
     * Share of the other referrals of children under 5 that are adoption cases (relinquished
     * babies, young children needing a permanent home): about 0.8% of referrals, so that the
     * adoption demand row (RF6) has cases in every month.
     */
    static final double ADOPTION_UNDER_5 = 0.03;
    /** Early-help cases closed with outcomes achieved, then stepped down to universal services. */
    static final double EARLY_HELP_OUTCOMES = 0.45;
    static final double EARLY_HELP_UNIVERSAL = 0.15;

    // Child protection: section 47 enquiries and conferences.
    /** Enquiries of S47 referrals that go on to an initial conference; after an escalation. */
    static final double CONFERENCE_AFTER_S47 = 0.26;
    static final double CONFERENCE_AFTER_ESCALATION = 0.85;
    static final double CONFERENCE_PLAN = 0.89;
    static final double CONFERENCE_WITHIN_15 = 0.70;
    static final double CHILD_SEEN_AT_ENQUIRY = 0.975;
    static final double REVIEW_CONFERENCE_IN_TIME = 0.993;
    static final double BECAME_LOOKED_AFTER = 0.10;

    // Children in care.
    static final double CLA_AFTER_S31 = 0.35;
    static final double CLA_AFTER_ADOPTION_REFERRAL = 0.5;
    static final double CLA_AFTER_ASSESSMENT = 0.035;
    static final double CLA_ASYLUM_SEEKING = 0.85;
    static final double STABLE_PLACEMENTS = 0.84;
    /** Mean days in a placement of a child whose placements are not stable. */
    static final double UNSTABLE_PLACEMENT_DAYS = 140;
    static final double FOSTERED_WITHIN_10_MILES = 0.63;
    static final double CLA_REVIEW_IN_TIME = 0.99;
    static final double CLA_REVIEW_PARTICIPATION = 0.96;
    static final double CHECK_IN_TIME = 0.92;
    static final double EDUCATION_PLAN_IN_TIME = 0.96;
    /** The outcome of a period of care for children under 5 at entry, cumulated: adoption, special guardianship, home. */
    static final double[] CARE_OUTCOME_UNDER_5 = {0.40, 0.46, 0.85};
    /** For children of 5 to 15 at entry, cumulated: special guardianship, home, child arrangements order (else long-term). */
    static final double[] CARE_OUTCOME_5_TO_15 = {0.04, 0.54, 0.58};
    static final double PLACED_WITHIN_12_MONTHS_OF_DECISION = 0.75;

    // Private fostering visits in time: the first within 7 working days, then every 6 weeks, then 12.
    static final double PF_VISIT_IN_TIME = 0.78;
    static final double PF_ASSESSMENT_IN_TIME = 0.875;

    // The former framework, to the county's levels (seed 003): initial assessments within 10 working
    // days of the referral about 86% (of those the allocation leaves time for, this share), core
    // assessments after about 58% of them, within 45 working days of the referral about 81%.
    static final double INITIAL_WITHIN_10 = 0.99;
    static final double CORE_AFTER_INITIAL = 0.57;
    static final double CORE_WITHIN_45 = 0.84;
}
