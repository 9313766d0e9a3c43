package org.casepulse.indicators.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.Benchmarks;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.junit.jupiter.api.Test;

/**
 * Publishing only the figures that read a touched cell must publish exactly what re-evaluating
 * every figure would: for every indicator of the default catalogue, random series and random
 * batches of changes (late ones included), both ways agree on what is sent and what stands.
 */
class SeriesPublisherTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    private static final ReportingWindow WINDOW = new ReportingWindow(TODAY, 13,
            IndicatorCatalogue.defaults().lookBackMonths());
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Area AREA = AreaHierarchy.defaults().national();
    private static final Benchmarks BENCHMARKS = Benchmarks.defaults(IndicatorCatalogue.defaults());

    @Test
    void shouldPublishWhatAFullReEvaluationWouldForEveryIndicator() {
        Random random = new Random(13);
        int comparedBatches = 0;
        int skippedFigures = 0;
        for (IndicatorDefinition indicator : IndicatorCatalogue.defaults().indicators()) {
            for (int history = 0; history < 4; history++) {
                IndicatorSeries series = IndicatorSeries.of(indicator, 5_000, List.of(), List.of(), List.of());
                applyRandom(series, random, 30, new TreeSet<>());
                List<IndicatorSnapshot> published = SeriesPublisher.publish(series, AREA, List.of(), WINDOW, NOW,
                        BENCHMARKS).published();
                for (int batch = 0; batch < 6; batch++) {
                    NavigableSet<LocalDate> touched = new TreeSet<>();
                    applyRandom(series, random, 1 + random.nextInt(3), touched);
                    SeriesPublisher.Publication full = SeriesPublisher.publish(series, AREA, published, WINDOW, NOW,
                            BENCHMARKS, null);
                    SeriesPublisher.Publication partial = SeriesPublisher.publish(series, AREA, published, WINDOW, NOW,
                            BENCHMARKS, touched);
                    assertThat(partial.changes()).as("%s, batch %d touching %s", indicator.id(), batch, touched)
                            .isEqualTo(full.changes());
                    assertThat(byKey(partial.published())).as("%s, batch %d", indicator.id(), batch)
                            .isEqualTo(byKey(full.published()));
                    for (Period period : WINDOW.periods(indicator)) {
                        if (!SeriesPublisher.reads(series, period, WINDOW, touched)) {
                            skippedFigures++;
                        }
                    }
                    published = full.published();
                    comparedBatches++;
                }
            }
        }
        assertThat(comparedBatches).isEqualTo(IndicatorCatalogue.defaults().indicators().size() * 4 * 6);
        assertThat(skippedFigures).as("figures left alone because they read no touched cell").isPositive();
    }

    @Test
    void shouldLeaveFiguresOfEarlierMonthsAloneWhenAnEventMeasureChangesThisMonth() {
        IndicatorDefinition indicator = IndicatorCatalogue.defaults().indicator("allocation-within-2wd");
        IndicatorSeries series = IndicatorSeries.of(indicator, 0, List.of(), List.of(), List.of());
        NavigableSet<LocalDate> touched = new TreeSet<>(List.of(YearMonth.from(TODAY).atDay(1)));

        assertThat(SeriesPublisher.reads(series, Period.month(YearMonth.from(TODAY)), WINDOW, touched)).isTrue();
        assertThat(SeriesPublisher.reads(series, Period.month(YearMonth.from(TODAY).minusMonths(2)), WINDOW, touched))
                .isFalse();
    }

    @Test
    void shouldReEvaluateEverySnapshotFromTheDayOfAChange() {
        IndicatorDefinition indicator = IndicatorCatalogue.defaults().indicator("workload-allocated");
        IndicatorSeries series = IndicatorSeries.of(indicator, 0, List.of(), List.of(), List.of());
        NavigableSet<LocalDate> touched = new TreeSet<>(List.of(LocalDate.parse("2026-10-15")));

        assertThat(series.reads(Period.snapshot(LocalDate.parse("2026-09-30")), touched)).isFalse();
        assertThat(series.reads(Period.snapshot(LocalDate.parse("2026-10-31")), touched)).isTrue();
        assertThat(series.reads(Period.snapshot(TODAY), touched)).isTrue();
    }

    /** Random changes over the look-back and the window, as the series stage applies them (some recorded late). */
    private static void applyRandom(IndicatorSeries series, Random random, int changes, NavigableSet<LocalDate> touched) {
        LocalDate horizon = WINDOW.horizon();
        int days = (int) (TODAY.toEpochDay() - horizon.toEpochDay());
        for (int i = 0; i < changes; i++) {
            // Mostly recent: the window's months, where published figures are.
            LocalDate day = random.nextInt(3) == 0 ? horizon.plusDays(random.nextInt(days + 1))
                    : TODAY.minusDays(random.nextInt(400));
            LocalDate bucket = series.isSnapshot() ? day : YearMonth.from(day).atDay(1);
            long numerator = random.nextInt(4) - 1;
            long denominator = numerator + random.nextInt(3);
            series.apply(bucket, numerator, denominator);
            LocalDate recordedOn = day.plusDays(random.nextInt(90));
            LocalDate late = RecordedDays.lateOrNull(bucket, recordedOn);
            if (late != null && !late.isAfter(TODAY) && late.isAfter(RecordedDays.lastUncounted(WINDOW))) {
                series.applyLate(bucket, late, numerator, denominator);
            }
            touched.add(bucket);
        }
    }

    private static Map<IndicatorSnapshotKey, IndicatorSnapshot> byKey(List<IndicatorSnapshot> figures) {
        return figures.stream().collect(Collectors.toMap(SeriesPublisher::keyOf, Function.identity()));
    }
}
