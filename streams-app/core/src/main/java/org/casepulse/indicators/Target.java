package org.casepulse.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.casepulse.calendar.Periods;

/**
 * An indicator's target: one value for the year, or phased by financial quarter (the county
 * scorecard raises a target from 70% in Q1 to 72.5% in Q2 and 75% in Q3 and Q4).
 */
public record Target(BigDecimal q1, BigDecimal q2, BigDecimal q3, BigDecimal q4) {

    public Target {
        Objects.requireNonNull(q1, "q1");
        Objects.requireNonNull(q2, "q2");
        Objects.requireNonNull(q3, "q3");
        Objects.requireNonNull(q4, "q4");
    }

    /** The same target all year. */
    public static Target of(BigDecimal value) {
        return new Target(value, value, value, value);
    }

    public static Target of(String value) {
        return of(new BigDecimal(value));
    }

    /** A target per financial quarter: Q1 April-June ... Q4 January-March. */
    public static Target phased(BigDecimal q1, BigDecimal q2, BigDecimal q3, BigDecimal q4) {
        return new Target(q1, q2, q3, q4);
    }

    /** Whether the target changes during the year. */
    public boolean isPhased() {
        return q1.compareTo(q2) != 0 || q1.compareTo(q3) != 0 || q1.compareTo(q4) != 0;
    }

    /** The target in force for a period ending on {@code periodEnd}: that of the quarter it ends in. */
    public BigDecimal forPeriodEnd(LocalDate periodEnd) {
        return forQuarter(Periods.financialQuarter(periodEnd));
    }

    /** The target of financial quarter 1 to 4. */
    public BigDecimal forQuarter(int quarter) {
        return switch (quarter) {
            case 1 -> q1;
            case 2 -> q2;
            case 3 -> q3;
            case 4 -> q4;
            default -> throw new IllegalArgumentException("a financial quarter is 1 to 4, got " + quarter);
        };
    }
}
