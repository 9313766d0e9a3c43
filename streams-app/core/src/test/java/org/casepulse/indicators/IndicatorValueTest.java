package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.casepulse.snapshots.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorValueTest {

    @ParameterizedTest(name = "{0} {1}/{2} to {3} places = {4}")
    @CsvSource({
        // Seed 003: 725 of 1216 TAFs closed with outcomes achieved is 59.6%.
        "PERCENT, 725, 1216, 1, 59.6",
        // 2/3 = 66.666..: half up only at the last place.
        "PERCENT, 2, 3, 1, 66.7",
        "PERCENT, 1, 8, 1, 12.5",
        "PERCENT, 1, 8, 0, 13",
        "PERCENT, 1, 16, 2, 6.25",
        "PERCENT, 1, 16, 1, 6.3",
        "PERCENT, 0, 5, 1, 0.0",
        // Seed 003: 17375 referrals over 322813 children is 538.2 per 10,000.
        "RATE_PER_10K, 17375, 322813, 1, 538.2",
        // Seed 003: 1335 cases over 85 workers.
        "RATIO, 1335, 85, 1, 15.7",
        "RATIO, 7, 2, 0, 4",
        // 1100 referrals against 1000 the year before: +10%; 900: -10%.
        "PERCENT_CHANGE, 1100, 1000, 1, 10.0",
        "PERCENT_CHANGE, 900, 1000, 1, -10.0",
        "PERCENT_CHANGE, 1, 3, 1, -66.7",
        "COUNT, 53, , 0, 53",
        "COUNT, 53, 0, 1, 53.0",
    })
    void shouldDeriveTheRoundedValue(Unit unit, long numerator, Long denominator, int decimals, BigDecimal expected) {
        BigDecimal value = IndicatorValue.of(unit, numerator, denominator, decimals);

        assertThat(value).isEqualByComparingTo(expected);
        assertThat(value.scale()).isEqualTo(decimals);
    }

    @ParameterizedTest
    @CsvSource({"PERCENT", "RATE_PER_10K", "RATIO", "PERCENT_CHANGE"})
    void shouldHaveNoValueWithoutADenominator(Unit unit) {
        assertThat(IndicatorValue.of(unit, 3, 0L, 1)).isNull();
        assertThat(IndicatorValue.of(unit, 3, null, 1)).isNull();
    }

    @Test
    void shouldRoundHalfUpAwayFromZero() {
        // -1/8 = -12.5%, which half up (away from zero) rounds to -13.
        assertThat(IndicatorValue.of(Unit.PERCENT_CHANGE, 7, 8L, 0)).isEqualByComparingTo("-13");
    }

    @Test
    void shouldRefuseNegativeDecimals() {
        assertThatThrownBy(() -> IndicatorValue.of(Unit.PERCENT, 1, 2L, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
