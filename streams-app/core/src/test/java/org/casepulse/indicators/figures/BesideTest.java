package org.casepulse.indicators.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.Comparisons;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.Benchmark;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.TrendGrade;
import org.junit.jupiter.api.Test;

class BesideTest {
    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.defaults();

    @Test
    void shouldFindTheSamePeriodLastYearAndThePreviousYearsOutturn() {
        Period ytd = Period.yearToDate(YearMonth.of(2026, 11));
        assertThat(Beside.lastYear(ytd)).isEqualTo(Period.yearToDate(YearMonth.of(2025, 11)));
        assertThat(Beside.outturn(ytd)).isEqualTo(Period.yearToDate(YearMonth.of(2026, 3)));
        // March's own YTD is this year's outturn: beside it stands the year before's.
        assertThat(Beside.outturn(Period.yearToDate(YearMonth.of(2026, 3)))).isEqualTo(Period.yearToDate(YearMonth.of(2025, 3)));
        assertThat(Beside.outturn(Period.snapshot(LocalDate.of(2026, 12, 6)))).isEqualTo(Period.snapshot(LocalDate.of(2026, 3, 31)));
        assertThat(Beside.outturn(Period.month(YearMonth.of(2026, 11)))).isNull();
        assertThat(Beside.lastYear(Period.snapshot(LocalDate.of(2028, 2, 29)))).isEqualTo(Period.snapshot(LocalDate.of(2027, 2, 28)));
        assertThat(Beside.sixMonthsBefore(Period.month(YearMonth.of(2016, 4))))
                .containsExactly(Period.month(YearMonth.of(2015, 10)), Period.month(YearMonth.of(2015, 11)),
                        Period.month(YearMonth.of(2015, 12)), Period.month(YearMonth.of(2016, 1)),
                        Period.month(YearMonth.of(2016, 2)), Period.month(YearMonth.of(2016, 3)));
    }

    @Test
    void shouldAddUpOrAverageTheSixMonthsBefore() {
        IndicatorDefinition percent = with(CATALOGUE.indicator("re-referral-12m"), Comparisons.SixMonths.CUMULATIVE);
        Map<Period, Counts> counts = new HashMap<>();
        // Seed 002: 1,507 re-referrals of 6,376 referrals over the six months before April 2016.
        long[][] months = {{250, 1000}, {250, 1100}, {257, 1076}, {250, 1100}, {250, 1050}, {250, 1050}};
        for (int i = 0; i < 6; i++) {
            counts.put(Period.month(YearMonth.of(2015, 10).plusMonths(i)), new Counts(months[i][0], months[i][1], false));
        }
        Period april = Period.month(YearMonth.of(2016, 4));

        Beside cumulative = Beside.of(percent, april, p -> counts.getOrDefault(p, Counts.EMPTY), null);
        Beside average = Beside.of(with(percent, Comparisons.SixMonths.AVERAGE), april,
                p -> counts.getOrDefault(p, Counts.EMPTY), null);

        assertThat(cumulative.sixMonths()).isEqualByComparingTo("23.6");
        assertThat(average.sixMonths()).isEqualByComparingTo("23.6");
        assertThat(Beside.sixMonths(with(CATALOGUE.indicator("open-cases"), Comparisons.SixMonths.AVERAGE),
                Comparisons.SixMonths.AVERAGE, java.util.List.of(new Counts(851, 0, false), new Counts(825, 0, false),
                        Counts.EMPTY, Counts.EMPTY, Counts.EMPTY, Counts.EMPTY)))
                .isEqualByComparingTo("279");
        assertThat(Beside.sixMonths(percent, Comparisons.SixMonths.CUMULATIVE,
                java.util.Collections.nCopies(6, Counts.EMPTY))).isNull();
    }

    @Test
    void shouldCarryTheComparisonsTheTrendAndTheBenchmarkInTheSnapshot() {
        IndicatorDefinition indicator = CATALOGUE.indicator("re-referral-12m");
        Beside beside = new Beside(new BigDecimal("25.0"), new BigDecimal("22.8"), new BigDecimal("23.6"),
                new Benchmark("2016/17", new BigDecimal("24"), null, null));

        IndicatorSnapshot figure = FigureMaker.make(indicator, AreaHierarchy.defaults().area("N1"),
                Period.month(YearMonth.of(2016, 4)), new Counts(239, 1168, false), new Counts(250, 1000, false), 0,
                Instant.EPOCH, beside);

        assertThat(figure.getLastYearValue()).isEqualTo(25.0);
        assertThat(figure.getOutturnValue()).isEqualTo(22.8);
        assertThat(figure.getSixMonthsValue()).isEqualTo(23.6);
        assertThat(figure.getBenchmarkYear()).isEqualTo("2016/17");
        assertThat(figure.getBenchmarkEngland()).isEqualTo(24.0);
        assertThat(figure.getBenchmarkRegion()).isNull();
        // 25.0% down to 20.5%, lower is better: 4.5 points, a bit better by the default 1 and 5.
        assertThat(figure.getTrend()).isEqualTo(TrendGrade.A_BIT_BETTER);
        IndicatorSnapshot without = FigureMaker.make(indicator, AreaHierarchy.defaults().area("N1"),
                Period.month(YearMonth.of(2016, 4)), new Counts(239, 1168, false), new Counts(250, 1000, false), 0,
                Instant.EPOCH);
        assertThat(FigureMaker.sameFigure(figure, without)).isFalse();
    }

    private static IndicatorDefinition with(IndicatorDefinition d, Comparisons.SixMonths sixMonths) {
        return new IndicatorDefinition(d.id(), d.title(), d.measure(), d.parameters(), d.polarity(), d.unit(), d.target(),
                d.tolerance(), d.periods(), d.caseType(), d.smallNumberThreshold(), d.decimals(), d.description(),
                d.label(), d.seedRefs(), d.section(), d.filter(),
                new Comparisons(false, false, sixMonths, d.comparisons().trend()));
    }
}
