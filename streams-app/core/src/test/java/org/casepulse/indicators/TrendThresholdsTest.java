package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.TrendGrade;
import org.casepulse.snapshots.Unit;
import org.junit.jupiter.api.Test;

class TrendThresholdsTest {
    private final TrendThresholds points = TrendThresholds.defaultFor(Unit.PERCENT);

    @Test
    void shouldGradeAPercentageByPointsAndPolarity() {
        assertThat(grade(Polarity.H, "64", "64.5")).isEqualTo(TrendGrade.NO_CHANGE);
        assertThat(grade(Polarity.H, "64", "65")).isEqualTo(TrendGrade.NO_CHANGE);
        assertThat(grade(Polarity.H, "64", "66")).isEqualTo(TrendGrade.A_BIT_BETTER);
        assertThat(grade(Polarity.H, "64", "69")).isEqualTo(TrendGrade.MUCH_BETTER);
        assertThat(grade(Polarity.H, "64", "60")).isEqualTo(TrendGrade.A_BIT_WORSE);
        assertThat(grade(Polarity.H, "64", "59")).isEqualTo(TrendGrade.MUCH_WORSE);
        // Seed 002's re-referrals: 23% over the previous six months down to 20%, lower is better.
        assertThat(grade(Polarity.L, "23", "20")).isEqualTo(TrendGrade.A_BIT_BETTER);
    }

    @Test
    void shouldGradeClosenessToTheTargetForPolarityT() {
        assertThat(points.grade(Unit.PERCENT, Polarity.T, dec("69"), dec("60"), dec("70"))).isEqualTo(TrendGrade.MUCH_BETTER);
        assertThat(points.grade(Unit.PERCENT, Polarity.T, dec("75"), dec("72"), dec("70"))).isEqualTo(TrendGrade.A_BIT_WORSE);
        assertThat(points.grade(Unit.PERCENT, Polarity.T, dec("78"), dec("72"), dec("70"))).isEqualTo(TrendGrade.MUCH_WORSE);
        assertThat(points.grade(Unit.PERCENT, Polarity.T, dec("78"), dec("72"), null)).isNull();
    }

    @Test
    void shouldGradeACountByItsRelativeChange() {
        TrendThresholds counts = TrendThresholds.defaultFor(Unit.COUNT);
        assertThat(counts.grade(Unit.COUNT, Polarity.L, dec("825"), dec("851"), null)).isEqualTo(TrendGrade.A_BIT_BETTER);
        assertThat(counts.grade(Unit.COUNT, Polarity.L, dec("17"), dec("20"), null)).isEqualTo(TrendGrade.MUCH_BETTER);
        assertThat(counts.grade(Unit.COUNT, Polarity.L, dec("850"), dec("851"), null)).isEqualTo(TrendGrade.NO_CHANGE);
        assertThat(counts.grade(Unit.COUNT, Polarity.L, dec("3"), dec("0"), null)).isNull();
    }

    @Test
    void shouldNotGradeWithoutTwoValuesOrAPolarity() {
        assertThat(grade(Polarity.H, null, "60")).isNull();
        assertThat(grade(Polarity.H, "60", null)).isNull();
        assertThat(grade(Polarity.NONE, "60", "70")).isNull();
    }

    private TrendGrade grade(Polarity polarity, String previous, String current) {
        return points.grade(Unit.PERCENT, polarity, dec(current), dec(previous), null);
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
