package org.casepulse.scorecard.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.scorecard.AreaJson;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.IndicatorJson;
import org.casepulse.scorecard.Scorecard;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.snapshots.PeriodType;

/**
 * The KPI board of the national family-court service (seed 000): the catalogue's entries labelled
 * {@code KPI ...} (KPI 1 to KPI 8, 5A and 5B apart; KPI 8, appraisals, from the workforce topic), for one area at the month's end, each with its
 * headline figure, the best performer and the hotspots among the service areas beneath it, and
 * every one of those service areas' values, as the seed's graphs show them. Built from the read
 * model alone, like {@link BoardReport}.
 *
 * @param peers the service areas compared (those the reader may see), in hierarchy order
 */
public record KpiBoard(AreaJson area, YearMonth month, List<AreaJson> peers, List<Row> rows) {

    /**
     * @param figure the area's headline figure at the month's end; null when none is published
     * @param values each peer's figure for the same period, in {@link #peers()} order; null where none
     */
    public record Row(String label, IndicatorJson indicator, PeriodType periodType, Figure figure, Scorecard.Standing best,
                      List<Scorecard.Standing> hotspots, List<Figure> values) {}

    public static KpiBoard of(SnapshotFigures figures, IndicatorCatalogue catalogue, AreaHierarchy areas, Area area,
                              YearMonth month, Predicate<String> visible) {
        Scorecard scorecard = Scorecard.of(figures, catalogue, areas, area, null, month.atEndOfMonth(), null, visible);
        List<Area> peers = Scorecard.peers(areas, area).stream().filter(peer -> visible.test(peer.code())).toList();
        List<Row> rows = new ArrayList<>();
        for (Scorecard.Row row : scorecard.rows()) {
            String label = row.indicator().label();
            if (label == null || !label.startsWith("KPI ")) {
                continue;
            }
            List<Figure> values = new ArrayList<>(peers.size());
            for (Area peer : peers) {
                values.add(row.latest() == null ? null : figures.figure(new FigureKey(row.indicator().id(), peer.code(),
                        row.periodType(), row.latest().periodEnd())).orElse(null));
            }
            rows.add(new Row(label, row.indicator(), row.periodType(), row.latest(), row.best(), row.hotspots(),
                    java.util.Collections.unmodifiableList(values)));
        }
        rows.sort(Comparator.comparing(Row::label, KpiBoard::byKpiNumber));
        return new KpiBoard(AreaJson.of(area, areas), month, peers.stream().map(peer -> AreaJson.of(peer, areas)).toList(),
                List.copyOf(rows));
    }

    /** KPI 2 before KPI 10, KPI 5A before KPI 5B. */
    static int byKpiNumber(String a, String b) {
        String x = a.substring(4).strip();
        String y = b.substring(4).strip();
        int nx = leadingNumber(x);
        int ny = leadingNumber(y);
        return nx != ny ? Integer.compare(nx, ny) : x.compareTo(y);
    }

    private static int leadingNumber(String text) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? Integer.MAX_VALUE : Integer.parseInt(text.substring(0, Math.min(end, 9)));
    }

    /** Whether any KPI has a figure. */
    public boolean isFilled() {
        return rows.stream().map(Row::figure).anyMatch(Objects::nonNull);
    }
}
