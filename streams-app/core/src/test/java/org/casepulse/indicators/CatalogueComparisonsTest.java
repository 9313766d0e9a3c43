package org.casepulse.indicators;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casepulse.snapshots.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16's catalogue keys: targets by year and date, compare, sixMonths and trend. */
class CatalogueComparisonsTest {
    private static final String REFERRAL = """
              - id: referral-to-assessment
                title: Referrals going on to assessment
                measure: referral-to-assessment
                polarity: H
                periods: [MONTH, YTD]
            """;

    private final Path dir;
    private final CatalogueFile catalogue;

    CatalogueComparisonsTest(@TempDir Path dir) {
        this.dir = dir;
        this.catalogue = new CatalogueFile(dir, REFERRAL);
    }

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
        catalogue.assertRefused("""
                    target:
                      years: {"2016/18": 80}
                """).hasMessageContaining("indicators[0].target.years.2016/18: not a financial year such as 2016/17");
        catalogue.assertRefused("""
                    target:
                      by: {"March 2017": 1750}
                """).hasMessageContaining("indicators[0].target.by.March 2017: not a date (YYYY-MM-DD)");
        catalogue.assertRefused("""
                    target: {all: 70, Q1: 70}
                """).hasMessageContaining("indicators[0].target.all: not a financial quarter");
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
        catalogue.assertRefused("    compare: [lastyear]\n")
                .hasMessageContaining("indicators[0].compare[0]: must be lastYear or outturn, got lastyear"
                        + " (did you mean lastYear?)");
        catalogue.assertRefused("    sixMonths: rolling\n")
                .hasMessageContaining("indicators[0].sixMonths: must be cumulative or average, got rolling");
        catalogue.assertRefused("    trend: {noChange: 5, much: 5}\n")
                .hasMessageContaining("indicators[0].trend: needs 0 <= noChange < much");
        new CatalogueFile(dir, REFERRAL.replace("[MONTH, YTD]", "[MONTH]")).assertRefused("    compare: [outturn]\n")
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

    private IndicatorDefinition load(String keys) throws IOException {
        return catalogue.load(keys).indicator("referral-to-assessment");
    }
}
