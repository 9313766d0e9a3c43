package org.casepulse.indicators;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casepulse.snapshots.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16's catalogue keys: targets by year and date, compare, sixMonths and trend. */
class CatalogueComparisonsTest {
    private static final String HEADER = """
            version: "test-1"
            defaults:
              tolerance: 5
              smallNumberThreshold: 10
              decimals: 1
            indicators:
              - id: referral-to-assessment
                title: Referrals going on to assessment
                measure: referral-to-assessment
                polarity: H
                periods: [MONTH, YTD]
            """;

    @TempDir
    Path dir;

    @Test
    void shouldPutTargetsByYearAndByDateBesideTheStandingPhasing() throws IOException {
        IndicatorDefinition indicator = load("""
                    target:
                      all: {Q1: 70, Q2: 72.5, Q3: 75, Q4: 75}
                      years: {"2016/17": 80, "2017/18": {Q1: 81, Q2: 82, Q3: 83, Q4: 84}}
                      by: {"2019-03-31": 1750}
                """);

        Target target = indicator.target();
        assertThat(target.forPeriodEnd(parse("2015-07-31"))).isEqualByComparingTo("72.5");
        assertThat(target.forPeriodEnd(parse("2016-04-30"))).isEqualByComparingTo("80");
        assertThat(target.forPeriodEnd(parse("2017-03-31"))).isEqualByComparingTo("80");
        assertThat(target.forPeriodEnd(parse("2017-10-31"))).isEqualByComparingTo("83");
        // "1,750 by March 2019": in force for the year up to its date.
        assertThat(target.forPeriodEnd(parse("2018-03-31"))).isEqualByComparingTo("84");
        assertThat(target.forPeriodEnd(parse("2018-04-30"))).isEqualByComparingTo("1750");
        assertThat(target.forPeriodEnd(parse("2019-03-31"))).isEqualByComparingTo("1750");
        assertThat(target.forPeriodEnd(parse("2019-04-30"))).isEqualByComparingTo("70");
    }

    @Test
    void shouldHaveNoTargetOutsideTheYearsWhenThereIsNoStandingOne() throws IOException {
        Target target = load("""
                    target:
                      years: {"2016/17": 80}
                """).target();

        assertThat(target.hasStanding()).isFalse();
        assertThat(target.forPeriodEnd(parse("2016-09-30"))).isEqualByComparingTo("80");
        assertThat(target.forPeriodEnd(parse("2017-04-30"))).isNull();
    }

    @Test
    void shouldNameABadFinancialYearOrDueDate() throws IOException {
        assertError("""
                    target:
                      years: {"2016/18": 80}
                """, "indicators[0].target.years.2016/18: not a financial year such as 2016/17");
        assertError("""
                    target:
                      by: {"March 2017": 1750}
                """, "indicators[0].target.by.March 2017: not a date (YYYY-MM-DD)");
        assertError("""
                    target: {all: 70, Q1: 70}
                """, "indicators[0].target.all: not a financial quarter");
    }

    @Test
    void shouldReadComparisonsAndTrendThresholds() throws IOException {
        IndicatorDefinition indicator = load("""
                    compare: [lastYear, outturn]
                    sixMonths: average
                    trend: {noChange: 0.5, much: 3}
                """);

        assertThat(indicator.comparisons()).isEqualTo(new Comparisons(true, true, Comparisons.SixMonths.AVERAGE,
                new TrendThresholds(new java.math.BigDecimal("0.5"), new java.math.BigDecimal("3"))));
    }

    @Test
    void shouldDefaultToNothingBesideAndTheUnitsTrendThresholds() throws IOException {
        IndicatorDefinition indicator = load("");

        assertThat(indicator.comparisons()).isEqualTo(Comparisons.none(Unit.PERCENT));
        assertThat(indicator.comparisons().trend().noChange()).isEqualByComparingTo("1");
        assertThat(indicator.comparisons().trend().much()).isEqualByComparingTo("5");
    }

    @Test
    void shouldNameBadComparisons() throws IOException {
        assertError("    compare: [lastyear]\n", "indicators[0].compare[0]: must be lastYear or outturn, got lastyear (did you mean lastYear?)");
        assertError("    sixMonths: rolling\n", "indicators[0].sixMonths: must be cumulative or average, got rolling");
        assertError("    trend: {noChange: 5, much: 5}\n", "indicators[0].trend: needs 0 <= noChange < much");
        assertThatThrownBy(() -> IndicatorCatalogue.load(Files.writeString(dir.resolve("month.yaml"),
                HEADER.replace("[MONTH, YTD]", "[MONTH]") + "    compare: [outturn]\n")))
                .hasMessageContaining("a MONTH figure has none");
    }

    @Test
    void shouldLookBackAYearFurtherForLastYearsDemandChange() throws IOException {
        String demand = """
                version: "test-1"
                defaults: {tolerance: 5, smallNumberThreshold: 10, decimals: 1}
                indicators:
                  - id: demand
                    title: Demand
                    measure: demand-change
                    polarity: NONE
                    periods: [YTD]
                """;
        assertThat(IndicatorCatalogue.load(Files.writeString(dir.resolve("d1.yaml"), demand)).lookBackMonths()).isEqualTo(24);
        assertThat(IndicatorCatalogue.load(Files.writeString(dir.resolve("d2.yaml"), demand + "    compare: [lastYear]\n"))
                .lookBackMonths()).isEqualTo(36);
    }

    private IndicatorDefinition load(String extra) throws IOException {
        return IndicatorCatalogue.load(Files.writeString(dir.resolve("catalogue.yaml"), HEADER + extra))
                .indicator("referral-to-assessment");
    }

    private void assertError(String extra, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("catalogue.yaml"), HEADER + extra);
        assertThatThrownBy(() -> IndicatorCatalogue.load(file)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining(message);
    }
}
