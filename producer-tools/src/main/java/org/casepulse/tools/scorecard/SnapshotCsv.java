package org.casepulse.tools.scorecard;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.scorecard.CatalogueSections;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureFilter;
import org.casepulse.scorecard.SnapshotFigures;

/**
 * The current figures as CSV for a spreadsheet: one row per indicator, area, period type and period
 * end, with every field of the published snapshot plus the indicator's section, seed label and title
 * and the area's name. Rows follow the catalogue's indicators grouped by section (the page's
 * order) and the hierarchy's order of areas, then period type and period end; indicators or areas
 * the reference data does not know come after, by id.
 */
public final class SnapshotCsv {
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

    private SnapshotCsv() {}

    /** One CSV row; numbers as plain decimals, dates as YYYY-MM-DD, computedAt as an ISO instant. */
    @JsonPropertyOrder({"section", "indicatorId", "indicatorLabel", "indicatorTitle", "areaCode", "areaName", "areaLevel", "periodType",
        "periodStart", "periodEnd", "numerator", "denominator", "value", "unit", "target", "polarity", "rag",
        "previousValue", "directionOfTravel", "smallNumbers", "revision", "computedAt"})
    record Row(String section, String indicatorId, String indicatorLabel, String indicatorTitle, String areaCode, String areaName, String areaLevel,
               String periodType, String periodStart, String periodEnd, long numerator, Long denominator, String value,
               String unit, String target, String polarity, String rag, String previousValue, String directionOfTravel,
               boolean smallNumbers, int revision, String computedAt) {}

    /** Writes the header and a row per figure; returns the number of rows. */
    public static long write(SnapshotFigures published, IndicatorCatalogue catalogue, AreaHierarchy areas, Writer out)
            throws IOException {
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
        List<Figure> figures = published.find(FigureFilter.ALL).stream().sorted(order).toList();
        // The caller owns the writer (it may be standard output): leave it open.
        try (SequenceWriter rows = CSV.writer(SCHEMA).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            for (Figure f : figures) {
                Optional<IndicatorDefinition> indicator = catalogue.find(f.indicatorId());
                rows.write(new Row(indicator.map(IndicatorDefinition::section).orElse(""), f.indicatorId(),
                        indicator.map(IndicatorDefinition::label).orElse(""),
                        indicator.map(IndicatorDefinition::title).orElse(""),
                        f.areaCode(), areas.find(f.areaCode()).map(Area::name).orElse(""),
                        f.areaLevel().name(), f.periodType().name(), f.periodStart().toString(),
                        f.periodEnd().toString(), f.numerator(), f.denominator(), plain(f.value()),
                        f.unit().name(), plain(f.target()), f.polarity().name(), f.rag().name(),
                        plain(f.previousValue()), f.directionOfTravel().name(),
                        f.smallNumbers(), f.revision(), f.computedAt().toString()));
            }
        }
        return figures.size();
    }

    private static String plain(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
