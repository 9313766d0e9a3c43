package org.casepulse.http;

import org.casepulse.scorecard.Scorecard;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.FigureFilter;
import org.casepulse.scorecard.Figure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepulse.indicators.disclosure.Cell;
import org.casepulse.indicators.disclosure.DisclosureControl;
import org.casepulse.indicators.disclosure.Suppression;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.PeriodType;

/**
 * The publication view of figures ({@code ?disclosure=public}): counts withheld by
 * {@link DisclosureControl} are written as {@code "c"}, and so is everything derived from them (the
 * value, its rating, the change since the previous period). A withheld figure does not take part
 * in best performance or hotspots, whose ranking would hint at it. Suppression is decided over all
 * areas of an indicator, period type and period end at once, so every request sees the same cells
 * withheld whatever it asked for. One instance per request: it remembers the slices it worked out.
 */
final class PublicFigures {
    static final String WITHHELD = "c";

    private final SnapshotFigures figures;
    private final AreaHierarchy areas;
    private final ObjectMapper json;
    private final Map<Slice, Map<String, Suppression>> slices = new HashMap<>();

    private record Slice(String indicatorId, PeriodType periodType, LocalDate periodEnd) {}

    PublicFigures(SnapshotFigures figures, AreaHierarchy areas, ObjectMapper json) {
        this.figures = figures;
        this.areas = areas;
        this.json = json;
    }

    Suppression suppression(String indicatorId, String areaCode, PeriodType periodType, LocalDate periodEnd) {
        Map<String, Suppression> slice = slices.computeIfAbsent(new Slice(indicatorId, periodType, periodEnd), key -> {
            List<Cell> cells = figures.find(new FigureFilter(key.indicatorId(), null, key.periodType(),
                    key.periodEnd(), key.periodEnd())).stream()
                    .map(figure -> new Cell(figure.areaCode(), figure.numerator(), figure.denominator()))
                    .toList();
            return DisclosureControl.suppress(areas, cells);
        });
        return slice.getOrDefault(areaCode, Suppression.NONE);
    }

    /** A figure as published: withheld parts as {@code "c"}. */
    ObjectNode figure(Figure figure) {
        ObjectNode node = json.valueToTree(figure);
        Suppression suppression = suppression(figure.indicatorId(), figure.areaCode(), figure.periodType(),
                figure.periodEnd());
        if (suppression.numerator()) {
            node.put("numerator", WITHHELD);
        }
        if (suppression.denominator()) {
            node.put("denominator", WITHHELD);
        }
        boolean previousWithheld = previous(figure).map(before -> suppression(before.indicatorId(),
                before.areaCode(), before.periodType(), before.periodEnd()).value()).orElse(false);
        if (suppression.value()) {
            node.put("value", WITHHELD);
            node.put("rag", WITHHELD);
        }
        if (previousWithheld) {
            node.put("previousValue", WITHHELD);
        }
        if (suppression.value() || previousWithheld) {
            node.put("directionOfTravel", WITHHELD);
            node.put("trend", WITHHELD);
        }
        if (suppression.value()) {
            // Beside a withheld value, a comparison would let the value be worked back.
            for (String beside : List.of("lastYearValue", "outturnValue", "sixMonthsValue")) {
                node.put(beside, WITHHELD);
            }
        }
        return node;
    }

    ArrayNode figures(List<Figure> list) {
        ArrayNode array = json.createArrayNode();
        list.forEach(figure -> array.add(figure(figure)));
        return array;
    }

    /** The scorecard as published: each row's latest figure and trend, and standings without withheld figures. */
    ObjectNode scorecard(Scorecard scorecard) {
        ObjectNode node = json.valueToTree(scorecard);
        ArrayNode rows = (ArrayNode) node.get("rows");
        for (int i = 0; i < scorecard.rows().size(); i++) {
            Scorecard.Row row = scorecard.rows().get(i);
            ObjectNode rowNode = (ObjectNode) rows.get(i);
            String indicatorId = row.indicator().id();
            if (row.latest() != null) {
                rowNode.set("latest", figure(row.latest()));
                LocalDate periodEnd = row.latest().periodEnd();
                if (row.best() != null
                        && suppression(indicatorId, row.best().areaCode(), row.periodType(), periodEnd).value()) {
                    rowNode.putNull("best");
                }
                ArrayNode hotspots = json.createArrayNode();
                for (int h = 0; h < row.hotspots().size(); h++) {
                    Scorecard.Standing standing = row.hotspots().get(h);
                    if (!suppression(indicatorId, standing.areaCode(), row.periodType(), periodEnd).value()) {
                        hotspots.add(rowNode.get("hotspots").get(h));
                    }
                }
                rowNode.set("hotspots", hotspots);
            }
            ArrayNode trend = (ArrayNode) rowNode.get("trend");
            for (int t = 0; t < row.trend().size(); t++) {
                Scorecard.TrendPoint point = row.trend().get(t);
                if (suppression(indicatorId, scorecard.area().code(), row.periodType(), point.periodEnd()).value()) {
                    ObjectNode pointNode = (ObjectNode) trend.get(t);
                    pointNode.put("value", WITHHELD);
                    pointNode.put("rag", WITHHELD);
                }
            }
        }
        return node;
    }

    private Optional<Figure> previous(Figure figure) {
        return figures.previous(figure.key());
    }
}
