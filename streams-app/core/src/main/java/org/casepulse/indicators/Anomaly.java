package org.casepulse.indicators;

/**
 * Events of one case that contradict each other. Each is valid on its own, so none is
 * dead-lettered: the measure that needs the pair leaves it out, and operators see the count.
 */
public enum Anomaly {
    EXTRA_REFERRAL("extra-referral"),
    CLOSED_BEFORE_REFERRAL("closed-before-referral"),
    ALLOCATION_BEFORE_REFERRAL("allocation-before-referral"),
    ASSESSMENT_BEFORE_REFERRAL("assessment-before-referral"),
    COMPLETION_BEFORE_ANCHOR("completion-before-anchor"),
    PLAN_ENDED_BEFORE_START("plan-ended-before-start"),
    PLACEMENT_ENDED_BEFORE_START("placement-ended-before-start"),
    ARRANGEMENT_ENDED_BEFORE_START("arrangement-ended-before-start"),
    /** interval-timeliness: a {@code to} element with no {@code from} on or before it to pair with. */
    UNPAIRED_INTERVAL_END("to-without-from"),
    CALENDAR_GAP("calendar-gap");

    private final String code;

    Anomaly(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
