package org.casepulse.indicators.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.junit.jupiter.api.Test;

/** Period arithmetic over a series' cells, worked by hand (COUNTING.md 5, 8.6, 8.9). */
class IndicatorSeriesTest {

    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.defaults();

    private static IndicatorSeries empty(String indicatorId) {
        IndicatorDefinition indicator = CATALOGUE.indicator(indicatorId);
        return IndicatorSeries.of(indicator, 1000, List.of(), List.of(), List.of());
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void shouldAddUpTheMonthEndStatesForTheYearToDateOfASnapshotKind() {
        IndicatorSeries series = empty("public-law-workload-allocated");
        // Day deltas: 2 open cases from 10 March (1 allocated); a third open 15 April, allocated
        // 2 May; one closes 20 June; a fourth opens (unallocated) 3 July.
        series.apply(day("2025-03-10"), 1, 2);
        series.apply(day("2025-04-15"), 0, 1);
        series.apply(day("2025-05-02"), 1, 0);
        series.apply(day("2025-06-20"), -1, -1);
        series.apply(day("2025-07-03"), 0, 1);
        LocalDate today = day("2025-07-02");

        // Month ends: April 1/3, May 2/3, June 1/2; July (in progress, today 2 July) 1/2.
        assertThat(series.counts(Period.snapshot(day("2025-04-30")), today)).isEqualTo(new Counts(1, 3, false));
        assertThat(series.counts(Period.yearToDate(YearMonth.of(2025, 4)), today)).isEqualTo(new Counts(1, 3, false));
        assertThat(series.counts(Period.yearToDate(YearMonth.of(2025, 6)), today)).isEqualTo(new Counts(4, 8, false));
        // The month in progress counts as it stands today: the case opening tomorrow is not in it.
        assertThat(series.counts(Period.yearToDate(YearMonth.of(2025, 7)), today)).isEqualTo(new Counts(5, 10, false));
        assertThat(series.counts(Period.yearToDate(YearMonth.of(2025, 7)), day("2025-07-31")))
                .isEqualTo(new Counts(5, 11, false));
        // March closes the previous financial year: only its own month end.
        assertThat(series.counts(Period.yearToDate(YearMonth.of(2025, 3)), today)).isEqualTo(new Counts(1, 2, false));
        assertThat(series.counts(Period.yearToDate(YearMonth.of(2025, 2)), today).empty()).isTrue();
    }

    @Test
    void shouldCountEveryChangeMadeAfterAStateWasAskedFor() {
        IndicatorSeries series = empty("public-law-workload-allocated");
        series.apply(day("2025-03-10"), 1, 2);
        LocalDate today = day("2025-07-02");
        assertThat(series.counts(Period.snapshot(day("2025-04-30")), today)).isEqualTo(new Counts(1, 2, false));

        // A change after the states were summed once, on a day between two cells and on one of them.
        series.apply(day("2025-04-15"), 0, 1);
        series.apply(day("2025-03-10"), 1, 0);
        assertThat(series.counts(Period.snapshot(day("2025-04-30")), today)).isEqualTo(new Counts(2, 3, false));
        assertThat(series.counts(Period.snapshot(day("2025-04-14")), today)).isEqualTo(new Counts(2, 2, false));
        assertThat(series.counts(Period.snapshot(day("2025-03-09")), today)).isEqualTo(new Counts(0, 0, true));
        // A day's delta back to zero (the cell goes) and a change on a day already summed.
        series.apply(day("2025-04-15"), 0, -1);
        series.apply(day("2025-03-10"), 0, 1);
        assertThat(series.counts(Period.snapshot(day("2025-04-30")), today)).isEqualTo(new Counts(2, 3, false));
        series.apply(day("2025-04-15"), 0, 1);
        series.apply(day("2025-03-10"), 0, -1);
        // Folding the days before the horizon into it leaves the states from the horizon on.
        series.forgetBefore(day("2025-04-01"));
        assertThat(series.counts(Period.snapshot(day("2025-04-14")), today)).isEqualTo(new Counts(2, 2, false));
        assertThat(series.counts(Period.snapshot(day("2025-04-15")), today)).isEqualTo(new Counts(2, 3, false));
    }

    @Test
    void shouldGiveTheMonthOfPlansVisitedItsStateOnTheLastDayAndAddUpPlanMonths() {
        IndicatorSeries series = empty("cp-children-visited-in-month");
        // One plan due from 1 May; visited 12 May (counted to 31 May), not in June.
        series.apply(day("2025-05-01"), 0, 1);
        series.apply(day("2025-05-12"), 1, 0);
        series.apply(day("2025-06-01"), -1, 0);
        LocalDate today = day("2025-06-10");

        assertThat(series.counts(Period.month(YearMonth.of(2025, 5)), today)).isEqualTo(new Counts(1, 1, false));
        assertThat(series.counts(Period.month(YearMonth.of(2025, 6)), today)).isEqualTo(new Counts(0, 1, false));
        assertThat(series.counts(Period.yearToDate(YearMonth.of(2025, 6)), today)).isEqualTo(new Counts(1, 2, false));
        assertThat(series.counts(Period.month(YearMonth.of(2025, 4)), today).empty()).isTrue();
    }

    @Test
    void shouldCompareTheYearToDateWithTheMeanOfTheTwoYearsBefore() {
        IndicatorSeries series = empty("demand-change-two-years");
        // Referrals (month cells): April-May 2023: 10 + 10; April-May 2024: 15 + 5; April-May 2025: 30 + 0.
        series.apply(day("2023-04-01"), 10, 10);
        series.apply(day("2023-05-01"), 10, 10);
        series.apply(day("2023-06-01"), 99, 99); // after May: outside every May YTD
        series.apply(day("2024-04-01"), 15, 15);
        series.apply(day("2024-05-01"), 5, 5);
        series.apply(day("2025-04-01"), 30, 30);

        // 2 x 30 against 20 + 20: +50% against the two years' mean of 20.
        Counts may = series.counts(Period.yearToDate(YearMonth.of(2025, 5)), day("2025-05-20"));
        assertThat(may).isEqualTo(new Counts(60, 40, false));
        // One baseline year (today's demand-change): 30 against 20.
        IndicatorSeries oneYear = empty("demand-change");
        oneYear.apply(day("2024-04-01"), 15, 15);
        oneYear.apply(day("2024-05-01"), 5, 5);
        oneYear.apply(day("2025-04-01"), 30, 30);
        assertThat(oneYear.counts(Period.yearToDate(YearMonth.of(2025, 5)), day("2025-05-20")))
                .isEqualTo(new Counts(30, 20, false));
    }

    @Test
    void shouldListTheLastDayOfEachMonthUpToToday() {
        assertThat(IndicatorSeries.lastDaysOfMonths(Period.yearToDate(YearMonth.of(2025, 6)), day("2025-05-14")))
                .containsExactly(day("2025-04-30"), day("2025-05-14"));
    }

    @Test
    void shouldReachBackThreeYearsForATwoYearBaseline() {
        ReportingWindow window = new ReportingWindow(day("2025-05-14"), 13, CATALOGUE.lookBackMonths());
        // First month May 2024: its YTD starts April 2024, compared with months from April 2022,
        // before the two-year horizon (May 2022) and after the three-year one.
        assertThat(window.horizon()).isEqualTo(day("2021-05-01"));
        assertThat(new ReportingWindow(day("2025-05-14"), 13).horizon()).isEqualTo(day("2022-05-01"));
    }
}
