package org.casepulse.scorecard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.figures.Beside;
import org.casepulse.indicators.figures.Counts;
import org.casepulse.indicators.figures.FigureMaker;
import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.commentary.CommentaryBook;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The report's benchmark column, from the shipped benchmarks file through the figure the engine
 * makes (seed 004's 2008/09 England, London and neighbour averages for NI 65; seed 002's England
 * value for re-referrals) to the rendered cell.
 */
class BoardReportBenchmarkTest {
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Area NORTH = REFERENCE.areas().area("NORTH");

    /** The YTD figure of {@code indicatorId} as the series publisher makes it, with the benchmarks in force. */
    private static IndicatorSnapshot snapshot(String indicatorId, YearMonth month) {
        IndicatorDefinition indicator = REFERENCE.catalogue().indicator(indicatorId);
        Period period = Period.yearToDate(month);
        Beside beside = new Beside(null, null, null,
                REFERENCE.benchmarks().forPeriodEnd(indicatorId, period.end()).orElse(null));
        return FigureMaker.make(indicator, NORTH, period, new Counts(46, 541, false), new Counts(50, 500, false), 0,
                Instant.EPOCH, beside);
    }

    private static Figure figure(String indicatorId, YearMonth month) {
        return Figure.of(snapshot(indicatorId, month));
    }

    @Test
    void shouldPrintEnglandRegionAndNeighboursWithTheUnitAndYear() {
        assertThat(BoardReport.benchmark(figure("repeat-cp-plan", MARCH)))
                .isEqualTo("England 13%, region 11%, neighbours 12% (2008/09)");
        assertThat(BoardReport.benchmark(figure("cp-plan-over-2y-at-end", MARCH)))
                .isEqualTo("England 6%, region 8%, neighbours 9.1% (2008/09)");
    }

    @Test
    void shouldPrintOnlyTheValuesPublished() {
        assertThat(BoardReport.benchmark(figure("re-referral-12m", MARCH))).isEqualTo("England 24% (2016/17)");
    }

    @Test
    void shouldPrintNothingWhereNoBenchmarkIsInForce() {
        // Before the first year the file gives (2016/17), and for an indicator it does not name.
        assertThat(BoardReport.benchmark(figure("re-referral-12m", YearMonth.of(2016, 3)))).isNull();
        assertThat(BoardReport.benchmark(figure("allocation-within-2wd", MARCH))).isNull();
        assertThat(BoardReport.benchmark(null)).isNull();
    }

    @Test
    void shouldShowTheBenchmarkInTheRenderedRowAndADashWhereThereIsNone() {
        String html = render(figure("repeat-cp-plan", MARCH), figure("allocation-within-2wd", MARCH));

        assertThat(cell(row(html, "repeat-cp-plan")))
                .isEqualTo("England 13%, region 11%, neighbours 12% (2008/09)");
        assertThat(cell(row(html, "allocation-within-2wd"))).isEqualTo("-");
        // No figure at all: the column still shows the dash.
        assertThat(cell(row(html, "workload-allocated"))).isEqualTo("-");
    }

    @Test
    void shouldEscapeTheBenchmarkYearAFileGave() {
        IndicatorSnapshot snapshot = IndicatorSnapshot.newBuilder(snapshot("repeat-cp-plan", MARCH))
                .setBenchmarkYear("<b>2008/09</b> & \"later\"").build();

        String html = render(Figure.of(snapshot));

        assertThat(cell(row(html, "repeat-cp-plan")))
                .isEqualTo("England 13%, region 11%, neighbours 12% (&lt;b&gt;2008/09&lt;/b&gt; &amp; &quot;later&quot;)");
        assertThat(html).doesNotContain("<b>2008/09");
    }

    private static String render(Figure... shown) {
        SnapshotFigures figures = new SnapshotFigures();
        for (Figure figure : shown) {
            figures.apply(figure.key(), figure);
        }
        BoardReport report = BoardReport.of(figures, new CommentaryBook(), REFERENCE.catalogue(), REFERENCE.areas(),
                NORTH, MARCH, "caught up", code -> true);
        return BoardReportHtml.render(report);
    }

    private static String row(String html, String indicatorId) {
        String row = html.substring(html.indexOf("<tr data-indicator=\"" + indicatorId + "\">"));
        return row.substring(0, row.indexOf("</tr>"));
    }

    /** The text of the row's benchmark cell. */
    private static String cell(String row) {
        String start = "<td class=\"num benchmark\">";
        String cell = row.substring(row.indexOf(start) + start.length());
        return cell.substring(0, cell.indexOf("</td>"));
    }
}
