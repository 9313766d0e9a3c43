package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * A measure of the state of open cases at an instant (COUNTING.md section 3). The case's state
 * is piecewise constant between its event dates and the thresholds a measure names (the day a
 * referral passes N working days, the day a visit falls due), so {@link SnapshotTimeline}
 * evaluates it only on those dates and keeps the changes: a new day is then a lookup, not a scan.
 * A measure's state on a date must depend only on the case's events dated on or before it (and
 * on its referral): that lets an event re-evaluate the timeline from its own date only
 * ({@link CaseFacts#computeAfter}); {@code IncrementalFactsTest} checks it for every measure.
 */
interface SnapshotMeasure {

    /** Dates, besides the case's event dates, on which the measure's state may change. */
    void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates);

    /** The case's contribution on {@code date}, a date on which it is open. */
    void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state);
}
