package org.casepulse.simulation;

/**
 * A child known to children's services: referred once or again. The date of birth is drawn at the
 * first referral (an expected date when the child is not yet born then) and never changes.
 */
final class Child {
    final String id;
    /** The date of birth, as an epoch day: in the future while the child is unborn. */
    final long bornOn;
    final boolean unaccompaniedAsylumSeeking;
    boolean openCase;
    int lastReferralDay;
    boolean hadChildProtectionPlan;

    Child(String id, long bornOn, boolean unaccompaniedAsylumSeeking) {
        this.id = id;
        this.bornOn = bornOn;
        this.unaccompaniedAsylumSeeking = unaccompaniedAsylumSeeking;
    }

    /** Completed years at the epoch day (approximate by a day around birthdays: for choices, never for events). */
    double age(long epochDay) {
        return (epochDay - bornOn) / 365.25;
    }
}
