package org.casepulse.simulation;

/**
 * The simulation's knobs, in one place, calibrated so that its own output lands in the ranges the
 * seed reports show nationally (measured by SimulationCalibrationTest): re-referrals 20-28%,
 * referral to assessment about 70%, assessments within 45 working days 80-90%, children seen at
 * assessment 90-97%, allocations within 2 working days 65-75% (7: 85-90%, 28: about 98%), CP
 * visits in timescale about 90%, repeat CP plans about 10%, caseloads 15-22. Each area's quality
 * moves its figures by up to the spread either way, so that areas rate red, amber and green.
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
    static final double ASSESSMENT_SPREAD = 0.08;
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
}
