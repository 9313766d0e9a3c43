package org.casepulse.indicators;

import java.time.Period;

/**
 * The settings of a measure; which a kind takes, requires and defaults is {@link MeasureKind}'s
 * to say, and a catalogue's definitions carry them with the defaults filled in (null = not used
 * by the kind, except {@code lookback}, where null on repeat-cp-plan means any earlier plan).
 *
 * @param withinWorkingDays   timeliness measures: counted when at most this many working days
 * @param intervalWorkingDays CP visits: the most working days allowed between visits
 * @param overWorkingDays     open-too-long snapshots: counted when more than this many working days
 * @param anchor              assessment timeliness: what the working days count from
 * @param lookback            re-referral and repeat plans: how far back an earlier one counts
 * @param minimumDuration     plan duration: counted when the plan lasted at least this long
 */
public record MeasureParameters(Integer withinWorkingDays,
                                Integer intervalWorkingDays,
                                Integer overWorkingDays,
                                AssessmentAnchor anchor,
                                Lookback lookback,
                                Period minimumDuration) {
    static final String WITHIN_WORKING_DAYS = "withinWorkingDays";
    static final String INTERVAL_WORKING_DAYS = "intervalWorkingDays";
    static final String OVER_WORKING_DAYS = "overWorkingDays";
    static final String ANCHOR = "anchor";
    static final String LOOKBACK = "lookback";
    static final String MINIMUM_DURATION = "minimumDuration";

    /** No parameters. */
    public static final MeasureParameters NONE = new MeasureParameters(null, null, null, null, null, null);

    public MeasureParameters withWithinWorkingDays(Integer days) {
        return new MeasureParameters(days, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration);
    }

    public MeasureParameters withIntervalWorkingDays(Integer days) {
        return new MeasureParameters(withinWorkingDays, days, overWorkingDays, anchor, lookback, minimumDuration);
    }

    public MeasureParameters withOverWorkingDays(Integer days) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, days, anchor, lookback, minimumDuration);
    }

    public MeasureParameters withAnchor(AssessmentAnchor newAnchor) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, newAnchor, lookback,
                minimumDuration);
    }

    public MeasureParameters withLookback(Lookback newLookback) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, newLookback,
                minimumDuration);
    }

    public MeasureParameters withMinimumDuration(Period duration) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback,
                duration);
    }

    /** These parameters, with each one {@code given} sets replacing this one's. */
    MeasureParameters overriddenBy(MeasureParameters given) {
        return new MeasureParameters(
                given.withinWorkingDays != null ? given.withinWorkingDays : withinWorkingDays,
                given.intervalWorkingDays != null ? given.intervalWorkingDays : intervalWorkingDays,
                given.overWorkingDays != null ? given.overWorkingDays : overWorkingDays,
                given.anchor != null ? given.anchor : anchor,
                given.lookback != null ? given.lookback : lookback,
                given.minimumDuration != null ? given.minimumDuration : minimumDuration);
    }
}
