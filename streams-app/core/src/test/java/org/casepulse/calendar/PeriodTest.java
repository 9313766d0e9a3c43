package org.casepulse.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.casepulse.snapshots.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

    @Test
    void shouldSpanACalendarMonth() {
        assertThat(Period.month(YearMonth.of(2024, 2)))
                .isEqualTo(new Period(PeriodType.MONTH, parse("2024-02-01"), parse("2024-02-29")));
        assertThat(Period.month(YearMonth.of(2024, 12)).previous()).isEqualTo(Period.month(YearMonth.of(2024, 11)));
        assertThat(Period.month(YearMonth.of(2025, 1)).previous()).isEqualTo(Period.month(YearMonth.of(2024, 12)));
    }

    @Test
    void shouldRunTheYearToDateFromTheFirstOfApril() {
        assertThat(Period.yearToDate(YearMonth.of(2025, 3)))
                .isEqualTo(new Period(PeriodType.YTD, parse("2024-04-01"), parse("2025-03-31")));
        assertThat(Period.yearToDate(YearMonth.of(2025, 4)))
                .isEqualTo(new Period(PeriodType.YTD, parse("2025-04-01"), parse("2025-04-30")));
        assertThat(Period.yearToDate(YearMonth.of(2024, 12)).start()).isEqualTo(parse("2024-04-01"));
        assertThat(Period.yearToDate(YearMonth.of(2025, 1)).start()).isEqualTo(parse("2024-04-01"));
    }

    @Test
    void shouldCompareAprilsYearToDateWithTheWholePreviousFinancialYear() {
        assertThat(Period.yearToDate(YearMonth.of(2025, 4)).previous())
                .isEqualTo(new Period(PeriodType.YTD, parse("2024-04-01"), parse("2025-03-31")));
        assertThat(Period.yearToDate(YearMonth.of(2025, 3)).previous())
                .isEqualTo(new Period(PeriodType.YTD, parse("2024-04-01"), parse("2025-02-28")));
    }

    @Test
    void shouldRollTwelveMonthsOverTheLeapDay() {
        Period february2025 = Period.rolling12Months(YearMonth.of(2025, 2));
        assertThat(february2025).isEqualTo(new Period(PeriodType.R12M, parse("2024-03-01"), parse("2025-02-28")));
        assertThat(february2025.contains(parse("2024-02-29"))).isFalse();
        assertThat(february2025.previous())
                .isEqualTo(new Period(PeriodType.R12M, parse("2024-02-01"), parse("2025-01-31")));
        assertThat(february2025.previous().contains(parse("2024-02-29"))).isTrue();
        assertThat(Period.rolling12Months(YearMonth.of(2024, 2)).end()).isEqualTo(parse("2024-02-29"));
    }

    @Test
    void shouldListTheMonthsIn() {
        assertThat(Period.yearToDate(YearMonth.of(2024, 6)).monthsIn())
                .containsExactly(YearMonth.of(2024, 4), YearMonth.of(2024, 5), YearMonth.of(2024, 6));
        assertThat(Period.rolling12Months(YearMonth.of(2025, 2)).monthsIn())
                .hasSize(12).startsWith(YearMonth.of(2024, 3)).endsWith(YearMonth.of(2025, 2));
        assertThat(Period.month(YearMonth.of(2024, 2)).monthsIn()).containsExactly(YearMonth.of(2024, 2));
        assertThatThrownBy(() -> Period.snapshot(parse("2024-02-29")).monthsIn())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCompareASnapshotWithTheMonthEndBeforeIt() {
        assertThat(Period.snapshot(parse("2025-03-31")).previous()).isEqualTo(Period.snapshot(parse("2025-02-28")));
        assertThat(Period.snapshot(parse("2024-03-15")).previous()).isEqualTo(Period.snapshot(parse("2024-02-29")));
        assertThat(Period.snapshot(parse("2025-01-01")).previous()).isEqualTo(Period.snapshot(parse("2024-12-31")));
        assertThat(Period.of(PeriodType.SNAPSHOT, YearMonth.of(2024, 2))).isEqualTo(Period.snapshot(parse("2024-02-29")));
    }

    @Test
    void shouldListThePeriodsAnEventContributesTo() {
        assertThat(Period.containing(PeriodType.MONTH, parse("2024-02-29")))
                .containsExactly(Period.month(YearMonth.of(2024, 2)));
        // February is in its own YTD and March's: the financial year ends in March.
        assertThat(Period.containing(PeriodType.YTD, parse("2025-02-10")))
                .containsExactly(Period.yearToDate(YearMonth.of(2025, 2)), Period.yearToDate(YearMonth.of(2025, 3)));
        assertThat(Period.containing(PeriodType.YTD, parse("2024-04-01"))).hasSize(12);
        assertThat(Period.containing(PeriodType.R12M, parse("2024-02-29")))
                .hasSize(12)
                .startsWith(Period.rolling12Months(YearMonth.of(2024, 2)))
                .endsWith(Period.rolling12Months(YearMonth.of(2025, 1)))
                .allMatch(period -> period.contains(parse("2024-02-29")));
    }

    @Test
    void shouldRefuseShapesTheFactoriesDoNotMake() {
        assertThatThrownBy(() -> new Period(PeriodType.MONTH, parse("2024-02-02"), parse("2024-02-29")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(PeriodType.YTD, parse("2024-01-01"), parse("2024-06-30")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(PeriodType.R12M, parse("2024-03-01"), parse("2025-02-27")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(PeriodType.SNAPSHOT, parse("2024-03-01"), parse("2024-03-02")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: financial year from {1}, quarter {2}")
    @CsvSource({
        "2024-03, 2023-04-01, 4",
        "2024-04, 2024-04-01, 1",
        "2024-06, 2024-04-01, 1",
        "2024-07, 2024-04-01, 2",
        "2024-09, 2024-04-01, 2",
        "2024-10, 2024-04-01, 3",
        "2024-12, 2024-04-01, 3",
        "2025-01, 2024-04-01, 4",
        "2025-02, 2024-04-01, 4",
    })
    void shouldPlaceAMonthInItsFinancialYearAndQuarter(YearMonth month, String yearStart, int quarter) {
        assertThat(Periods.financialYearStart(month)).isEqualTo(parse(yearStart));
        assertThat(Periods.financialQuarter(month)).isEqualTo(quarter);
    }
}
