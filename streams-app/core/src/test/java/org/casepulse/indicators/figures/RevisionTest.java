package org.casepulse.indicators.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorCatalogue;
import org.junit.jupiter.api.Test;

/** COUNTING.md 6: a figure's revision counts the days after its period whose recorded changes moved its counts. */
class RevisionTest {

    /** Only snapshot measures\' month and YTD figures read it: their month in progress is counted to today. */
    private static final LocalDate TODAY = LocalDate.parse("2025-12-31");

    private static final LocalDate MARCH = LocalDate.parse("2025-03-01");
    private static final LocalDate APRIL = LocalDate.parse("2025-04-01");

    private static IndicatorSeries eventSeries() {
        return IndicatorSeries.of(IndicatorCatalogue.defaults().indicator("allocation-within-2wd"), 0,
                List.of(), List.of(), List.of());
    }

    private static void late(IndicatorSeries series, LocalDate bucket, String recordedOn, long numerator, long denominator) {
        series.apply(bucket, numerator, denominator);
        series.applyLate(bucket, LocalDate.parse(recordedOn), numerator, denominator);
    }

    @Test
    void shouldCountEachDayThatChangedTheCountsOnce() {
        IndicatorSeries series = eventSeries();
        series.apply(MARCH, 5, 8);
        late(series, MARCH, "2025-04-03", 1, 1);
        late(series, MARCH, "2025-04-03", 0, 1); // the same day: one revision
        late(series, MARCH, "2025-04-10", 1, 1);

        assertThat(series.revision(Period.month(YearMonth.of(2025, 3)), TODAY)).isEqualTo(2);
        assertThat(series.counts(Period.month(YearMonth.of(2025, 3)), TODAY)).isEqualTo(new Counts(7, 11, false));
    }

    @Test
    void shouldNetTheChangesOfADay() {
        IndicatorSeries series = eventSeries();
        series.apply(MARCH, 5, 8);
        late(series, MARCH, "2025-04-03", 1, 1);
        late(series, MARCH, "2025-04-03", -1, -1); // recorded and retracted the same day

        assertThat(series.revision(Period.month(YearMonth.of(2025, 3)), TODAY)).isZero();
    }

    @Test
    void shouldNotCountAMoveBetweenMonthsOfTheSamePeriod() {
        IndicatorSeries series = eventSeries();
        series.apply(APRIL, 3, 4);
        // On 10 June an amendment moves an allocation from April to May: both months restated, the YTD to May not.
        late(series, APRIL, "2025-06-10", -1, -1);
        late(series, LocalDate.parse("2025-05-01"), "2025-06-10", 1, 1);

        assertThat(series.revision(Period.month(YearMonth.of(2025, 4)), TODAY)).isEqualTo(1);
        assertThat(series.revision(Period.month(YearMonth.of(2025, 5)), TODAY)).isEqualTo(1);
        assertThat(series.revision(Period.yearToDate(YearMonth.of(2025, 5)), TODAY)).isZero();
    }

    @Test
    void shouldCountOnlyDaysAfterThePeriodEnded() {
        IndicatorSeries series = eventSeries();
        late(series, MARCH, "2025-04-20", 1, 1);

        assertThat(series.revision(Period.month(YearMonth.of(2025, 3)), TODAY)).isEqualTo(1);
        assertThat(series.revision(Period.yearToDate(YearMonth.of(2025, 4)), TODAY)).isZero(); // April still open then
    }

    @Test
    void shouldRestateSnapshotsFromTheDayTheChangeTakesEffect() {
        IndicatorSeries series = IndicatorSeries.of(IndicatorCatalogue.defaults().indicator("workload-allocated"), 0,
                List.of(), List.of(), List.of());
        series.apply(LocalDate.parse("2025-01-10"), 1, 1);
        late(series, LocalDate.parse("2025-02-14"), "2025-03-05", 1, 1);

        assertThat(series.revision(Period.snapshot(LocalDate.parse("2025-01-31")), TODAY)).isZero();
        assertThat(series.revision(Period.snapshot(LocalDate.parse("2025-02-28")), TODAY)).isEqualTo(1);
        assertThat(series.revision(Period.snapshot(LocalDate.parse("2025-03-04")), TODAY)).isZero(); // today's: its month is open
    }

    @Test
    void shouldForgetDaysNoFigureOfTheWindowCounts() {
        IndicatorSeries series = eventSeries();
        late(series, MARCH, "2025-04-03", 1, 1);
        late(series, MARCH, "2025-05-03", 1, 1);

        series.forgetLateThrough(LocalDate.parse("2025-04-30"));

        assertThat(series.late()).containsOnlyKeys(LocalDate.parse("2025-05-03"));
        assertThat(series.revision(Period.month(YearMonth.of(2025, 3)), TODAY)).isEqualTo(1);
    }

    @Test
    void shouldAttributeAChangeToItsDayOnlyWhenItCanRestate() {
        assertThat(RecordedDays.lateOrNull(MARCH, LocalDate.parse("2025-03-31"))).isNull();
        assertThat(RecordedDays.lateOrNull(MARCH, LocalDate.parse("2025-04-01"))).isEqualTo(LocalDate.parse("2025-04-01"));
        assertThat(RecordedDays.lateOrNull(LocalDate.parse("2025-03-17"), LocalDate.parse("2025-03-20"))).isNull();
    }
}
