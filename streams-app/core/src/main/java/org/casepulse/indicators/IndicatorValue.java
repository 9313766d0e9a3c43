package org.casepulse.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.casepulse.snapshots.Unit;

/**
 * The published value of an indicator from its counts. Exact arithmetic, then one rounding
 * (half up) to the indicator's decimals: the rounded value is what people see, and what is rated.
 */
public final class IndicatorValue {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private IndicatorValue() {}

    /**
     * PERCENT 100*num/den, COUNT num (the denominator is ignored), RATE_PER_10K 10000*num/den,
     * RATIO num/den, PERCENT_CHANGE 100*(num-den)/den.
     *
     * @return the value rounded half up to {@code decimals} places, or null when the unit needs a
     *         denominator and it is null or 0
     */
    public static BigDecimal of(Unit unit, long numerator, Long denominator, int decimals) {
        return of(unit, numerator, denominator, decimals, 1);
    }

    /**
     * As {@link #of(Unit, long, Long, int)}, with a RATIO of days published in units of
     * {@code daysPerUnit} days (7: an average interval in weeks, COUNTING.md 13).
     */
    public static BigDecimal of(Unit unit, long numerator, Long denominator, int decimals, int daysPerUnit) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative, got " + decimals);
        }
        BigDecimal num = BigDecimal.valueOf(numerator);
        if (unit == Unit.COUNT) {
            return num.setScale(decimals, RoundingMode.HALF_UP);
        }
        if (denominator == null || denominator == 0) {
            return null;
        }
        BigDecimal den = BigDecimal.valueOf(denominator);
        if (unit == Unit.RATIO && daysPerUnit != 1) {
            den = den.multiply(BigDecimal.valueOf(daysPerUnit));
        }
        BigDecimal dividend = switch (unit) {
            case PERCENT -> num.multiply(HUNDRED);
            case RATE_PER_10K -> num.multiply(TEN_THOUSAND);
            case RATIO -> num;
            case PERCENT_CHANGE -> num.subtract(den).multiply(HUNDRED);
            case COUNT -> throw new AssertionError("handled above");
        };
        return dividend.divide(den, decimals, RoundingMode.HALF_UP);
    }
}
