package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingTest {

    @ParameterizedTest(name = "{0} value {1} target {2} tolerance {3}: {4}")
    @CsvSource({
        // Higher is better: target 65, tolerance 5.
        "H, 70.0, 65, 5, GREEN",
        "H, 65.0, 65, 5, GREEN",
        "H, 64.9, 65, 5, AMBER",
        "H, 60.0, 65, 5, AMBER",
        "H, 59.9, 65, 5, RED",
        // Lower is better: target 22, tolerance 5.
        "L, 20.0, 22, 5, GREEN",
        "L, 22.0, 22, 5, GREEN",
        "L, 22.1, 22, 5, AMBER",
        "L, 27.0, 22, 5, AMBER",
        "L, 27.1, 22, 5, RED",
        // A zero target with zero tolerance: any case at all is red.
        "L, 0, 0, 0, GREEN",
        "L, 1, 0, 0, RED",
        // Closer to target is better: target 70, tolerance 5, either side.
        "T, 70.0, 70, 5, GREEN",
        "T, 75.0, 70, 5, GREEN",
        "T, 65.0, 70, 5, GREEN",
        "T, 75.1, 70, 5, AMBER",
        "T, 64.9, 70, 5, AMBER",
        "T, 80.0, 70, 5, AMBER",
        "T, 60.0, 70, 5, AMBER",
        "T, 80.1, 70, 5, RED",
        "T, 59.9, 70, 5, RED",
        // Seed 003: referrals to initial assessment 69.6% against 70% (T) is green.
        "T, 69.6, 70.0, 1, GREEN",
        // No tolerance given counts as none.
        "H, 64.9, 65, , RED",
        // Not rated: no polarity, no target, no value.
        "NONE, 538.2, 597.6, 5, NOT_RATED",
        "H, 70.0, , 5, NOT_RATED",
        "H, , 65, 5, NOT_RATED",
    })
    void shouldRateAgainstTargetAndTolerance(Polarity polarity, BigDecimal value, BigDecimal target,
                                             BigDecimal tolerance, Rag expected) {
        assertThat(Rating.rag(polarity, value, target, tolerance)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {2} -> {1} (target {3}): {4}")
    @CsvSource({
        "H, 74.0, 74.8, 65, WORSENING",
        "H, 74.8, 74.0, 65, IMPROVING",
        "H, 74.0, 74.00, 65, NO_CHANGE",
        "L, 25.0, 25.4, 22, IMPROVING",
        "L, 25.4, 25.0, 22, WORSENING",
        // T: distance to the target decides, not the sign of the change.
        "T, 69.6, 69.0, 70, IMPROVING",
        "T, 71.0, 73.0, 70, IMPROVING",
        "T, 73.0, 71.0, 70, WORSENING",
        "T, 72.0, 68.0, 70, NO_CHANGE",
        "T, 72.0, 68.0, , NOT_COMPARABLE",
        "T, 68.0, 68.0, , NO_CHANGE",
        "NONE, 538.2, 507.4, , UP",
        "NONE, 507.4, 538.2, , DOWN",
        "NONE, 507.4, 507.4, , NO_CHANGE",
        "H, , 74.0, 65, NOT_COMPARABLE",
        "H, 74.0, , 65, NOT_COMPARABLE",
    })
    void shouldJudgeDirectionOfTravelByPolarity(Polarity polarity, BigDecimal current, BigDecimal previous,
                                               BigDecimal target, DirectionOfTravel expected) {
        assertThat(Rating.direction(polarity, current, previous, target)).isEqualTo(expected);
    }
}
