package org.casepulse.indicators;

import java.util.Objects;

/**
 * What the catalogue asks to carry beside an indicator's figure (seed reports 000 to 004): last
 * year's value, the previous financial year's outturn, the six months before, and how the trend
 * is graded. Each costs one more count of the series per figure published.
 */
public record Comparisons(boolean lastYear, boolean outturn, SixMonths sixMonths, TrendThresholds trend) {

    /** Seed 002's "Prev. 6 months cumulative" and "Prev. 6 months average". */
    public enum SixMonths { NONE, CUMULATIVE, AVERAGE }

    public Comparisons {
        Objects.requireNonNull(sixMonths, "sixMonths");
        Objects.requireNonNull(trend, "trend");
    }

    /** Nothing beside the figure; the trend graded by the unit's default thresholds. */
    public static Comparisons none(org.casepulse.snapshots.Unit unit) {
        return new Comparisons(false, false, SixMonths.NONE, TrendThresholds.defaultFor(unit));
    }
}
