package org.casepulse.tools.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Unit;
import org.junit.jupiter.api.Test;

class FigureFormatTest {
    @Test
    void shouldShowValuesWithTheirUnitRoundedHalfUp() {
        assertThat(FigureFormat.value(74.05, Unit.PERCENT, 1)).isEqualTo("74.1%");
        assertThat(FigureFormat.value(538.2, Unit.RATE_PER_10K, 1)).isEqualTo("538.2 per 10k");
        assertThat(FigureFormat.value(4.2, Unit.PERCENT_CHANGE, 1)).isEqualTo("+4.2%");
        assertThat(FigureFormat.value(-3.0, Unit.PERCENT_CHANGE, 1)).isEqualTo("-3.0%");
        assertThat(FigureFormat.value(12345.0, Unit.COUNT, 0)).isEqualTo("12,345");
        assertThat(FigureFormat.value(16.25, Unit.RATIO, 1)).isEqualTo("16.3");
        assertThat(FigureFormat.value(null, Unit.PERCENT, 1)).isEqualTo("-");
    }

    @Test
    void shouldNameEveryKindOfPeriod() {
        LocalDate end = LocalDate.parse("2026-02-28");
        assertThat(FigureFormat.period(PeriodType.MONTH, end)).isEqualTo("2026-02");
        assertThat(FigureFormat.period(PeriodType.YTD, end)).isEqualTo("YTD to 2026-02");
        assertThat(FigureFormat.period(PeriodType.R12M, end)).isEqualTo("R12M to 2026-02");
        assertThat(FigureFormat.period(PeriodType.SNAPSHOT, LocalDate.parse("2026-03-14"))).isEqualTo("SS 2026-03-14");
    }
}
