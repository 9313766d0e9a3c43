package org.casepulse.scorecard.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.casepulse.calendar.Periods;
import org.casepulse.commentary.CommentaryKind;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.scorecard.AreaJson;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.IndicatorJson;
import org.casepulse.scorecard.Scorecard;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.commentary.Comment;
import org.casepulse.scorecard.commentary.CommentaryBook;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Unit;

/**
 * The month's board report for one area, as the seed reports lay theirs out (seed 003): the
 * catalogue's sections in order, a row per indicator with its headline figure at the month's end,
 * the managers' commentary under each section and the data-quality notes at the end. Built from
 * the read model alone (figures and commentary), so the engine's page and the tool make the same
 * report; {@link BoardReportHtml} renders it.
 *
 * @param updatedAt the latest computation time among the rows' figures; null when there is none
 * @param view      how far the view behind the figures had read, for people; null when not known
 */
public record BoardReport(AreaJson area, YearMonth month, List<Section> sections, List<Note> dataQualityNotes,
                          Instant updatedAt, String view) {

    /**
     * @param id         the anchor the contents list links to
     * @param commentary the analysis, actions and good practice written on the section's indicators
     */
    public record Section(String id, String name, List<Row> rows, List<Comment> commentary) {}

    /**
     * @param figure    the headline figure at the month's end; null when none is published
     * @param benchmark England, regional and statistical-neighbour values of the figure's benchmark year, as printed; null when none
     *                  (the report prints "-" for it, as for any value it lacks)
     * @param notes     the numbers of the data-quality notes on this row (1-based, as printed)
     * @param trend     the figure at the last three quarters' ends and at the month's, oldest first, as seed
     *                  003 prints it beside the commentary ("Trend data - month end")
     * @param outturn   the published figure of the same kind at the end of the financial year before the
     *                  figure's (seed 003's "Outturn (March 12) Result"), for the rows whose catalogue entry
     *                  does not carry one; null for a month, or when none is published
     */
    public record Row(IndicatorJson indicator, PeriodType periodType, Figure figure, Scorecard.Standing best,
                      List<Scorecard.Standing> hotspots, String benchmark, List<Integer> notes, List<TrendPoint> trend,
                      Figure outturn) {

        /** The outturn beside the figure: the one it carries (COUNTING.md 12), else the published year-end figure. */
        public Double outturnValue() {
            if (figure != null && figure.outturnValue() != null) {
                return figure.outturnValue();
            }
            return outturn == null ? null : outturn.value();
        }
    }

    /** One month end of a row's trend; {@code figure} null when none was published for it. */
    public record TrendPoint(YearMonth month, Figure figure) {}

    /** A data-quality note, numbered as the report prints it. */
    public record Note(int number, IndicatorJson indicator, Comment comment) {}

    /**
     * @param visible the areas the reader may see: peers outside it are not compared
     */
    public static BoardReport of(SnapshotFigures figures, CommentaryBook commentary, IndicatorCatalogue catalogue,
                                 AreaHierarchy areas, Area area, YearMonth month, String view,
                                 Predicate<String> visible) {
        Scorecard scorecard = Scorecard.of(figures, catalogue, areas, area, null, month.atEndOfMonth(), view, visible);
        Map<String, List<Scorecard.Row>> bySection = new LinkedHashMap<>();
        for (Scorecard.Row row : scorecard.rows()) {
            bySection.computeIfAbsent(row.indicator().section(), section -> new ArrayList<>()).add(row);
        }
        List<Section> sections = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Map.Entry<String, List<Scorecard.Row>> section : bySection.entrySet()) {
            List<Row> rows = new ArrayList<>();
            List<Comment> sectionCommentary = new ArrayList<>();
            for (Scorecard.Row row : section.getValue()) {
                List<Integer> rowNotes = new ArrayList<>();
                for (Comment comment : commentary.current(row.indicator().id(), area.code(), month)) {
                    if (comment.kind() == CommentaryKind.DATA_QUALITY) {
                        notes.add(new Note(notes.size() + 1, row.indicator(), comment));
                        rowNotes.add(notes.size());
                    } else {
                        sectionCommentary.add(comment);
                    }
                }
                rows.add(new Row(row.indicator(), row.periodType(), row.latest(), row.best(), row.hotspots(), benchmark(row.latest()),
                        List.copyOf(rowNotes), trend(figures, row, area, month), outturn(figures, row.latest())));
            }
            sections.add(new Section("section-" + (sections.size() + 1), section.getKey(), List.copyOf(rows),
                    List.copyOf(sectionCommentary)));
        }
        return new BoardReport(AreaJson.of(area, areas), month, List.copyOf(sections), List.copyOf(notes),
                scorecard.updatedAt(), view);
    }

    /** The published figure at the end of the financial year before {@code figure}'s; null for a month. */
    private static Figure outturn(SnapshotFigures figures, Figure figure) {
        if (figure == null || figure.periodType() == PeriodType.MONTH) {
            return null;
        }
        LocalDate yearEnd = Periods.financialYearStart(YearMonth.from(figure.periodEnd())).minusDays(1);
        return figures.figure(new FigureKey(figure.indicatorId(), figure.areaCode(), figure.periodType(), yearEnd))
                .orElse(null);
    }

    /** The row's figures at the ends of the three quarters before {@code month} and at the month's own. */
    private static List<TrendPoint> trend(SnapshotFigures figures, Scorecard.Row row, Area area, YearMonth month) {
        List<TrendPoint> points = new ArrayList<>();
        YearMonth quarterEnd = month.minusMonths(1);
        while (quarterEnd.getMonthValue() % 3 != 0) {
            quarterEnd = quarterEnd.minusMonths(1);
        }
        for (int back = 2; back >= 0; back--) {
            YearMonth end = quarterEnd.minusMonths(3L * back);
            points.add(new TrendPoint(end, figures.figure(new FigureKey(row.indicator().id(), area.code(), row.periodType(),
                    end.atEndOfMonth())).orElse(null)));
        }
        points.add(new TrendPoint(month, row.latest()));
        return List.copyOf(points);
    }

    /** The indicator a comment is on, as the report names it. */
    public IndicatorJson indicator(Comment comment) {
        return sections.stream().flatMap(section -> section.rows().stream()).map(Row::indicator)
                .filter(indicator -> indicator.id().equals(comment.indicatorId())).findFirst().orElse(null);
    }

    /**
     * "England 82%, region 79%, neighbours 80.5% (2025/26)", as seeds 002 and 004 print them, in the
     * figure's unit; null when the figure has none.
     */
    static String benchmark(Figure figure) {
        if (figure == null || figure.benchmarkYear() == null) {
            return null;
        }
        String unit = figure.unit() == Unit.PERCENT || figure.unit() == Unit.PERCENT_CHANGE ? "%" : "";
        List<String> parts = new ArrayList<>();
        addBenchmark(parts, "England", figure.benchmarkEngland(), unit);
        addBenchmark(parts, "region", figure.benchmarkRegion(), unit);
        addBenchmark(parts, "neighbours", figure.benchmarkNeighbours(), unit);
        return parts.isEmpty() ? null : String.join(", ", parts) + " (" + figure.benchmarkYear() + ")";
    }

    private static void addBenchmark(List<String> parts, String name, Double value, String unit) {
        if (value != null) {
            parts.add(name + " " + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + unit);
        }
    }
}
