package org.casepulse.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * How far back an earlier event counts, in calendar months (years are 12 months) or days. An
 * earlier date counts when {@code date - lookback <= earlier < date}: the re-referral rule.
 */
public record Lookback(int amount, ChronoUnit unit) {

    public Lookback {
        Objects.requireNonNull(unit, "unit");
        if (unit != ChronoUnit.MONTHS && unit != ChronoUnit.DAYS) {
            throw new IllegalArgumentException("a lookback is in months or days, got " + unit);
        }
        if (amount < 1) {
            throw new IllegalArgumentException("a lookback must be positive, got " + amount);
        }
    }

    public static Lookback months(int months) {
        return new Lookback(months, ChronoUnit.MONTHS);
    }

    public static Lookback days(int days) {
        return new Lookback(days, ChronoUnit.DAYS);
    }

    /** {@code 12 months}, {@code 365 days}, {@code 2 years} (24 months); empty when not a duration. */
    public static Optional<Lookback> parse(String text) {
        return DurationText.parse(text).map(period -> period.getDays() != 0
                ? days(period.getDays())
                : months((int) period.toTotalMonths()));
    }

    /** The earliest date that still counts for {@code date}: {@code date} minus the lookback. */
    public LocalDate earliest(LocalDate date) {
        return date.minus(amount, unit);
    }

    /** Whether {@code earlier} falls in the lookback of {@code date}: {@code date - lookback <= earlier < date}. */
    public boolean includes(LocalDate earlier, LocalDate date) {
        return earlier.isBefore(date) && !earlier.isBefore(earliest(date));
    }

    @Override
    public String toString() {
        return amount + (unit == ChronoUnit.DAYS ? " day" : " month") + (amount == 1 ? "" : "s");
    }
}
