package org.casepulse.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.TrendGrade;
import org.casepulse.snapshots.Unit;

/**
 * How seed 002 grades a trend: a change towards better of more than {@code noChange} is "a bit
 * better", of at least {@code much} "much better"; mirrored for worse. In the indicator's unit
 * (percentage points for a percentage), except for COUNT, where both are percentages of the
 * previous value: one threshold cannot suit a count of 5 and one of 850.
 */
public record TrendThresholds(BigDecimal noChange, BigDecimal much) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TrendThresholds {
        Objects.requireNonNull(noChange, "noChange");
        Objects.requireNonNull(much, "much");
        if (noChange.signum() < 0 || much.compareTo(noChange) <= 0) {
            throw new IllegalArgumentException("need 0 <= noChange < much, got " + noChange + " and " + much);
        }
    }

    /** 1 and 5 points for percentages and rates per 10,000; 0.01 and 0.05 for ratios; 1% and 10% for counts. */
    public static TrendThresholds defaultFor(Unit unit) {
        return switch (unit) {
            case PERCENT, PERCENT_CHANGE, RATE_PER_10K -> new TrendThresholds(BigDecimal.ONE, BigDecimal.valueOf(5));
            case RATIO -> new TrendThresholds(new BigDecimal("0.01"), new BigDecimal("0.05"));
            case COUNT -> new TrendThresholds(BigDecimal.ONE, BigDecimal.TEN);
        };
    }

    /**
     * The grade of the move from {@code previous} to {@code current}: by polarity H (up is better),
     * L (down is better) or T (closer to the target is better). Null when either value is missing,
     * for polarity NONE, for T without a target, and for a count moving off zero's base.
     */
    public TrendGrade grade(Unit unit, Polarity polarity, BigDecimal current, BigDecimal previous, BigDecimal target) {
        if (current == null || previous == null || polarity == Polarity.NONE) {
            return null;
        }
        BigDecimal better = switch (polarity) {
            case H -> current.subtract(previous);
            case L -> previous.subtract(current);
            case T -> target == null ? null : previous.subtract(target).abs().subtract(current.subtract(target).abs());
            case NONE -> null;
        };
        if (better == null) {
            return null;
        }
        if (unit == Unit.COUNT) {
            if (previous.signum() == 0) {
                return better.signum() == 0 ? TrendGrade.NO_CHANGE : null;
            }
            better = better.multiply(HUNDRED).divide(previous.abs(), MathContext.DECIMAL64);
        }
        if (better.abs().compareTo(noChange) <= 0) {
            return TrendGrade.NO_CHANGE;
        }
        if (better.signum() > 0) {
            return better.compareTo(much) >= 0 ? TrendGrade.MUCH_BETTER : TrendGrade.A_BIT_BETTER;
        }
        return better.negate().compareTo(much) >= 0 ? TrendGrade.MUCH_WORSE : TrendGrade.A_BIT_WORSE;
    }
}
