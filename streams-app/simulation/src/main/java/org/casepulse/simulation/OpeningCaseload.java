package org.casepulse.simulation;

import java.util.SplittableRandom;

/**
 * The open cases a service holds when the history starts (see {@code World.openingCaseload}), in
 * proportion to each area's referrals: seed 003 held 1,827 children in care and 1,128 on child
 * protection plans against 17,375 referrals a year. Children in care have been so for about two
 * years on average; they are mostly older than children referred.
 */
final class OpeningCaseload {
    private OpeningCaseload() {}

    /** How far back the opening caseload's earlier events go, at most (the calendar permitting). */
    static final int YEARS_BEFORE = 8;
    /** Children in care, and on plans, a referral a year. */
    static final double IN_CARE = 0.11;
    static final double ON_PROTECTION_PLAN = 0.035;
    static final double ASYLUM_SEEKING = 0.07;
    static final double MEAN_DAYS_IN_CARE = 800;
    /** The share of children under 5 at entry whose plan is adoption. */
    static final double ADOPTION = 0.7;
    /** Upper bounds of the age bands under 1, 1-4, 5-9, 10-15 and 16-17 of children in care, cumulated. */
    private static final double[] AGE_BANDS = {0.05, 0.19, 0.38, 0.77, 1.0};
    private static final double[] FROM = {0.3, 1, 5, 10, 16};
    private static final double[] TO = {1, 5, 10, 16, 17.95};

    static double ageInCare(SplittableRandom random) {
        double u = random.nextDouble();
        int band = 0;
        while (u >= AGE_BANDS[band]) {
            band++;
        }
        return FROM[band] + (TO[band] - FROM[band]) * random.nextDouble();
    }
}
