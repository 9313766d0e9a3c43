package org.casepulse.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casepulse.scorecard.Figures.figure;
import static org.casepulse.scorecard.Figures.percent;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.api.Test;

class SnapshotFiguresTest {
    private static final String ALLOCATION = "allocation-within-2wd";
    private static final LocalDate OCTOBER = LocalDate.of(2025, 10, 31);
    private static final LocalDate SEPTEMBER = LocalDate.of(2025, 9, 30);
    private static final List<String> NORTH = List.of("N1", "N2", "N3", "N4");

    private final SnapshotFigures figures = new SnapshotFigures();

    @Test
    void shouldReportNewRestatedAndWithdrawnFiguresAsChanges() {
        Figure first = figure(percent(ALLOCATION, "N1", AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, 70.0, Rag.GREEN));
        Figure restated = figure(percent(ALLOCATION, "N1", AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, 71.5, Rag.GREEN)
                .setRevision(1));

        assertThat(figures.apply(first.key(), first)).contains(FigureChange.published(first));
        assertThat(figures.apply(first.key(), first)).as("the same figure again").isEmpty();
        assertThat(figures.apply(restated.key(), restated)).contains(FigureChange.published(restated));
        assertThat(figures.figure(first.key())).contains(restated);
        assertThat(figures.size()).isEqualTo(1);

        assertThat(figures.apply(first.key(), null)).contains(FigureChange.withdrawn(first.key()));
        assertThat(figures.apply(first.key(), null)).as("withdrawn already").isEmpty();
        assertThat(figures.figure(first.key())).isEmpty();
        assertThat(figures.size()).isZero();
        assertThat(figures.latest(ALLOCATION, "N1", PeriodType.YTD)).isEmpty();
    }

    @Test
    void shouldRefuseAFigureUnderAnotherFiguresKey() {
        Figure figure = figure(percent(ALLOCATION, "N1", AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, 70.0, Rag.GREEN));
        FigureKey other = new FigureKey(ALLOCATION, "N2", PeriodType.YTD, OCTOBER);

        assertThatThrownBy(() -> figures.apply(other, figure)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("N2");
        assertThat(figures.size()).isZero();
    }

    @Test
    void shouldFindFiguresByEachFilterInKeyOrder() {
        Figure ytdOctober = add(ALLOCATION, "N1", PeriodType.YTD, OCTOBER, 70.0, Rag.GREEN);
        Figure ytdSeptember = add(ALLOCATION, "N1", PeriodType.YTD, SEPTEMBER, 69.0, Rag.GREEN);
        Figure monthOctober = add(ALLOCATION, "N1", PeriodType.MONTH, OCTOBER, 60.0, Rag.AMBER);
        Figure otherArea = add(ALLOCATION, "N2", PeriodType.YTD, OCTOBER, 50.0, Rag.RED);
        Figure otherIndicator = add("allocation-within-7wd", "N1", PeriodType.YTD, OCTOBER, 88.0, Rag.GREEN);

        assertThat(figures.find(FigureFilter.ALL))
                .as("by indicator, area, period type (in the enum's order) and period end")
                .containsExactly(monthOctober, ytdSeptember, ytdOctober, otherArea, otherIndicator);
        assertThat(figures.find(new FigureFilter(ALLOCATION, null, null, null, null)))
                .containsExactly(monthOctober, ytdSeptember, ytdOctober, otherArea);
        assertThat(figures.find(new FigureFilter(null, "N2", null, null, null))).containsExactly(otherArea);
        assertThat(figures.find(new FigureFilter(null, null, PeriodType.MONTH, null, null))).containsExactly(monthOctober);
        assertThat(figures.find(new FigureFilter(null, "N1", PeriodType.YTD, OCTOBER, null)))
                .containsExactly(ytdOctober, otherIndicator);
        assertThat(figures.find(new FigureFilter(ALLOCATION, "N1", PeriodType.YTD, null, SEPTEMBER)))
                .containsExactly(ytdSeptember);
        assertThat(figures.find(new FigureFilter(ALLOCATION, null, null, SEPTEMBER, SEPTEMBER)))
                .containsExactly(ytdSeptember);
        assertThat(figures.find(new FigureFilter("cp-visit-overdue", null, null, null, null))).isEmpty();
    }

    @Test
    void shouldKeepTheLatestFigureAndTwelveMonthsOfHistoryPerSeries() {
        YearMonth last = YearMonth.of(2025, 10);
        for (int back = 14; back >= 0; back--) {
            add(ALLOCATION, "N1", PeriodType.MONTH, last.minusMonths(back).atEndOfMonth(), 50.0 + back, Rag.RED);
        }

        assertThat(figures.latestPeriodEnd(ALLOCATION, "N1", PeriodType.MONTH)).contains(OCTOBER);
        assertThat(figures.latest(ALLOCATION, "N1", PeriodType.MONTH).orElseThrow().value()).isEqualTo(50.0);
        List<Figure> history = figures.history(ALLOCATION, "N1", PeriodType.MONTH, 12);
        assertThat(history).extracting(Figure::periodEnd)
                .containsExactly(last.minusMonths(11).atEndOfMonth(), last.minusMonths(10).atEndOfMonth(),
                        last.minusMonths(9).atEndOfMonth(), last.minusMonths(8).atEndOfMonth(),
                        last.minusMonths(7).atEndOfMonth(), last.minusMonths(6).atEndOfMonth(),
                        last.minusMonths(5).atEndOfMonth(), last.minusMonths(4).atEndOfMonth(),
                        last.minusMonths(3).atEndOfMonth(), last.minusMonths(2).atEndOfMonth(),
                        last.minusMonths(1).atEndOfMonth(), OCTOBER);
        assertThat(figures.history(ALLOCATION, "N2", PeriodType.MONTH, 12)).isEmpty();
        assertThat(figures.previous(new FigureKey(ALLOCATION, "N1", PeriodType.MONTH, OCTOBER)).orElseThrow().periodEnd())
                .isEqualTo(SEPTEMBER);
        assertThat(figures.previous(new FigureKey(ALLOCATION, "N1", PeriodType.MONTH, last.minusMonths(14).atEndOfMonth())))
                .as("the first of the series").isEmpty();
        assertThat(figures.previous(new FigureKey(ALLOCATION, "N2", PeriodType.MONTH, OCTOBER))).isEmpty();
    }

    @Test
    void shouldIncludeSnapshotsOfMonthEndsAndTodayInHistory() {
        LocalDate today = LocalDate.of(2025, 11, 14);
        add("workload-allocated", "N1", PeriodType.SNAPSHOT, LocalDate.of(2024, 11, 30), 96.0, Rag.AMBER);
        add("workload-allocated", "N1", PeriodType.SNAPSHOT, OCTOBER, 97.0, Rag.GREEN);
        add("workload-allocated", "N1", PeriodType.SNAPSHOT, today, 98.0, Rag.GREEN);

        assertThat(figures.history("workload-allocated", "N1", PeriodType.SNAPSHOT, 12)).extracting(Figure::periodEnd)
                .containsExactly(LocalDate.of(2024, 11, 30), OCTOBER, today);
    }

    @Test
    void shouldRankHigherIsBetterWithHotspotsWorstFirst() {
        add(ALLOCATION, "N1", PeriodType.YTD, OCTOBER, 97.8, Rag.GREEN);
        add(ALLOCATION, "N2", PeriodType.YTD, OCTOBER, 49.1, Rag.RED);
        add(ALLOCATION, "N3", PeriodType.YTD, OCTOBER, 44.8, Rag.RED);
        add(ALLOCATION, "N4", PeriodType.YTD, OCTOBER, 62.0, Rag.AMBER);
        add(ALLOCATION, "N5", PeriodType.YTD, OCTOBER, 99.9, Rag.GREEN);
        add(ALLOCATION, "N4", PeriodType.YTD, SEPTEMBER, 100.0, Rag.GREEN);

        Standings standings = figures.standings(ALLOCATION, PeriodType.YTD, OCTOBER, NORTH);

        assertThat(standings.best()).map(Figure::areaCode).as("N5 is not a peer; September is not the period")
                .contains("N1");
        assertThat(standings.hotspots()).extracting(Figure::areaCode).containsExactly("N3", "N2");
    }

    @Test
    void shouldRankLowerIsBetter() {
        addWith(PolarityCase.lower("N1", 30.0, Rag.RED));
        addWith(PolarityCase.lower("N2", 18.0, Rag.GREEN));
        addWith(PolarityCase.lower("N3", 45.0, Rag.RED));

        Standings standings = figures.standings("re-referral-12m", PeriodType.YTD, OCTOBER, NORTH);

        assertThat(standings.best()).map(Figure::areaCode).contains("N2");
        assertThat(standings.hotspots()).extracting(Figure::areaCode).containsExactly("N3", "N1");
    }

    @Test
    void shouldRankClosestToTargetBestForTargetPolarity() {
        addWith(PolarityCase.target("N1", 58.0, Rag.RED));
        addWith(PolarityCase.target("N2", 73.0, Rag.GREEN));
        addWith(PolarityCase.target("N3", 69.0, Rag.GREEN));
        addWith(PolarityCase.target("N4", 90.0, Rag.RED));

        Standings standings = figures.standings("referral-to-assessment", PeriodType.YTD, OCTOBER, NORTH);

        assertThat(standings.best()).map(Figure::areaCode).contains("N3");
        assertThat(standings.hotspots()).extracting(Figure::areaCode).containsExactly("N4", "N1");
    }

    @Test
    void shouldGiveTiesToTheAreaGivenFirst() {
        add(ALLOCATION, "N3", PeriodType.YTD, OCTOBER, 80.0, Rag.GREEN);
        add(ALLOCATION, "N2", PeriodType.YTD, OCTOBER, 80.0, Rag.GREEN);

        assertThat(figures.standings(ALLOCATION, PeriodType.YTD, OCTOBER, NORTH).best()).map(Figure::areaCode)
                .contains("N2");
    }

    @Test
    void shouldRankNothingWithoutPolarityOrValues() {
        figures.apply(new FigureKey("referral-rate-per-10k", "N1", PeriodType.R12M, OCTOBER),
                figure(percent("referral-rate-per-10k", "N1", AreaLevel.SERVICE_AREA, PeriodType.R12M, OCTOBER, 500.0,
                        Rag.NOT_RATED).setPolarity(Polarity.NONE).setTarget(null)));
        Figure noValue = figure(percent(ALLOCATION, "N1", AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, 0, Rag.NOT_RATED)
                .setValue(null).setDenominator(0L).setNumerator(0));
        figures.apply(noValue.key(), noValue);

        assertThat(figures.standings("referral-rate-per-10k", PeriodType.R12M, OCTOBER, NORTH)).isEqualTo(Standings.NONE);
        assertThat(figures.standings(ALLOCATION, PeriodType.YTD, OCTOBER, NORTH)).isEqualTo(Standings.NONE);
        assertThat(figures.standings(ALLOCATION, PeriodType.MONTH, OCTOBER, NORTH)).isEqualTo(Standings.NONE);
    }

    private Figure add(String indicator, String area, PeriodType type, LocalDate end, double value, Rag rag) {
        Figure figure = figure(percent(indicator, area, AreaLevel.SERVICE_AREA, type, end, value, rag));
        figures.apply(figure.key(), figure);
        return figure;
    }

    private void addWith(Figure figure) {
        figures.apply(figure.key(), figure);
    }

    /** Figures of indicators judged lower-is-better and closest-to-target. */
    private static final class PolarityCase {
        static Figure lower(String area, double value, Rag rag) {
            return figure(percent("re-referral-12m", area, AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, value, rag)
                    .setPolarity(Polarity.L).setTarget(22.0));
        }

        static Figure target(String area, double value, Rag rag) {
            return figure(percent("referral-to-assessment", area, AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, value,
                    rag).setPolarity(Polarity.T).setTarget(70.0));
        }
    }
}
