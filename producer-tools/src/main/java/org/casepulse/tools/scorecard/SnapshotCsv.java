package org.casepulse.tools.scorecard;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Collectors;
import org.casepulse.scorecard.commentary.Comment;
import org.casepulse.scorecard.commentary.CommentaryBook;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.disclosure.Cell;
import org.casepulse.indicators.disclosure.DisclosureControl;
import org.casepulse.indicators.disclosure.Suppression;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.scorecard.CatalogueSections;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureFilter;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.snapshots.PeriodType;

/**
 * The current figures as CSV for a spreadsheet: one row per indicator, area, period type and period
 * end, with every field of the published snapshot plus the indicator's section, seed label and title
 * and the area's name. Rows follow the catalogue's indicators grouped by section (the page's
 * order) and the hierarchy's order of areas, then period type and period end; indicators or areas
 * the reference data does not know come after, by id.
 * For publication ({@code public}), counts that disclosure control withholds are written {@code c},
 * and so are the values, ratings and changes derived from them.
 */
public final class SnapshotCsv {
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();
    /** How a withheld count, and what derives from it, is written: the ONS and DfE convention. */
    public static final String WITHHELD = "c";

    private SnapshotCsv() {}

    /** One CSV row; numbers as plain decimals, dates as YYYY-MM-DD, computedAt as an ISO instant. */
    @JsonPropertyOrder({"section", "indicatorId", "indicatorLabel", "indicatorTitle", "areaCode", "areaName", "areaLevel", "periodType",
        "periodStart", "periodEnd", "numerator", "denominator", "value", "unit", "target", "polarity", "rag",
        "previousValue", "directionOfTravel", "smallNumbers", "revision", "computedAt", "trend", "lastYearValue",
        "outturnValue", "sixMonthsValue", "benchmarkYear", "benchmarkEngland", "benchmarkRegion", "benchmarkNeighbours", "commentary"})
    record Row(String section, String indicatorId, String indicatorLabel, String indicatorTitle, String areaCode,
               String areaName, String areaLevel,
               String periodType, String periodStart, String periodEnd, String numerator, String denominator, String value,
               String unit, String target, String polarity, String rag, String previousValue, String directionOfTravel,
               boolean smallNumbers, int revision, String computedAt, String trend, String lastYearValue,
               String outturnValue, String sixMonthsValue, String benchmarkYear, String benchmarkEngland,
               String benchmarkRegion, String benchmarkNeighbours, String commentary) {}

    /** Writes the header and a row per figure, exact (the internal view); returns the number of rows. */
    public static long write(SnapshotFigures board, IndicatorCatalogue catalogue, AreaHierarchy areas, Writer out)
            throws IOException {
        return write(board, catalogue, areas, out, false);
    }

    /**
     * Writes the header and a row per figure; returns the number of rows.
     *
     * @param publicView whether small counts are withheld as figures leaving the service need
     */
    public static long write(SnapshotFigures board, IndicatorCatalogue catalogue, AreaHierarchy areas, Writer out,
                             boolean publicView) throws IOException {
        return write(board, new CommentaryBook(), catalogue, areas, out, publicView);
    }

    /**
     * Writes the header and a row per figure, each with the commentary standing on its indicator,
     * area and the month its period ends in ({@code Analysis: ... | Data-quality note: ...}); returns
     * the number of rows. The public view leaves commentary out: it is free text written for staff,
     * which disclosure control cannot check.
     */
    public static long write(SnapshotFigures board, CommentaryBook commentary, IndicatorCatalogue catalogue,
                             AreaHierarchy areas, Writer out, boolean publicView) throws IOException {
        Disclosure disclosure = new Disclosure(board, areas);
        Map<String, Integer> indicatorOrder = new HashMap<>();
        List<IndicatorDefinition> indicators = CatalogueSections.inSectionOrder(catalogue);
        for (int i = 0; i < indicators.size(); i++) {
            indicatorOrder.put(indicators.get(i).id(), i);
        }
        Map<String, Integer> areaOrder = new HashMap<>();
        List<Area> all = List.copyOf(areas.all());
        for (int i = 0; i < all.size(); i++) {
            areaOrder.put(all.get(i).code(), i);
        }
        Comparator<Figure> order = Comparator
                .comparingInt((Figure f) -> indicatorOrder.getOrDefault(f.indicatorId(), Integer.MAX_VALUE))
                .thenComparing(Figure::indicatorId)
                .thenComparingInt(f -> areaOrder.getOrDefault(f.areaCode(), Integer.MAX_VALUE))
                .thenComparing(Figure::areaCode)
                .thenComparing(Figure::periodType)
                .thenComparing(Figure::periodEnd);
        List<Figure> figures = board.find(FigureFilter.ALL).stream().sorted(order).toList();
        // The caller owns the writer (it may be standard output): leave it open.
        try (SequenceWriter rows = CSV.writer(SCHEMA).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            for (Figure f : figures) {
                Suppression withheld = publicView ? disclosure.of(f) : Suppression.NONE;
                boolean previousWithheld = publicView && disclosure.previousWithheld(f);
                Optional<IndicatorDefinition> indicator = catalogue.find(f.indicatorId());
                rows.write(new Row(indicator.map(IndicatorDefinition::section).orElse(""), f.indicatorId(),
                        indicator.map(IndicatorDefinition::label).orElse(""),
                        indicator.map(IndicatorDefinition::title).orElse(""),
                        f.areaCode(), areas.find(f.areaCode()).map(Area::name).orElse(""),
                        f.areaLevel().name(), f.periodType().name(), f.periodStart().toString(),
                        f.periodEnd().toString(),
                        withheld.numerator() ? WITHHELD : String.valueOf(f.numerator()),
                        withheld.denominator() ? WITHHELD : f.denominator() == null ? null : f.denominator().toString(),
                        withheld.value() ? WITHHELD : plain(f.value()),
                        f.unit().name(), plain(f.target()), f.polarity().name(),
                        withheld.value() ? WITHHELD : f.rag().name(),
                        previousWithheld ? WITHHELD : plain(f.previousValue()),
                        withheld.value() || previousWithheld ? WITHHELD : f.directionOfTravel().name(),
                        f.smallNumbers(), f.revision(), f.computedAt().toString(),
                        withheld.value() || previousWithheld ? WITHHELD : f.trend() == null ? null : f.trend().name(),
                        // Beside a withheld value, a comparison would let the value be worked back.
                        withheld.value() ? WITHHELD : plain(f.lastYearValue()),
                        withheld.value() ? WITHHELD : plain(f.outturnValue()),
                        withheld.value() ? WITHHELD : plain(f.sixMonthsValue()),
                        f.benchmarkYear(), plain(f.benchmarkEngland()), plain(f.benchmarkRegion()),
                        plain(f.benchmarkNeighbours()),
                        publicView ? "" : commentary(commentary, f)));
            }
        }
        return figures.size();
    }

    /** Suppression worked out over all areas of an indicator, period type and period end at once. */
    private static final class Disclosure {
        private record Slice(String indicatorId, PeriodType periodType, LocalDate periodEnd) {}

        private final SnapshotFigures board;
        private final AreaHierarchy areas;
        private final Map<Slice, Map<String, Suppression>> slices = new HashMap<>();

        Disclosure(SnapshotFigures board, AreaHierarchy areas) {
            this.board = board;
            this.areas = areas;
        }

        Suppression of(Figure f) {
            Map<String, Suppression> slice = slices.computeIfAbsent(
                    new Slice(f.indicatorId(), f.periodType(), f.periodEnd()), key -> {
                        List<Cell> cells = board.find(new FigureFilter(key.indicatorId(), null, key.periodType(),
                                        key.periodEnd(), key.periodEnd())).stream()
                                .map(g -> new Cell(g.areaCode(), g.numerator(), g.denominator()))
                                .toList();
                        return DisclosureControl.suppress(areas, cells);
                    });
            return slice.getOrDefault(f.areaCode(), Suppression.NONE);
        }

        /** Whether the figure of the period before, which previousValue repeats, is withheld. */
        boolean previousWithheld(Figure f) {
            return board.latest(f.indicatorId(), f.areaCode(), f.periodType(), f.periodEnd().minusDays(1))
                    .map(previous -> of(previous).value()).orElse(false);
        }
    }

    private static String commentary(CommentaryBook book, Figure f) {
        return book.current(f.indicatorId(), f.areaCode(), YearMonth.from(f.periodEnd())).stream()
                .map(comment -> Comment.describe(comment.kind()) + ": " + comment.text())
                .collect(Collectors.joining(" | "));
    }

    private static String plain(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
