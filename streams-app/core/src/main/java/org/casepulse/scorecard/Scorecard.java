package org.casepulse.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.casepulse.indicators.IndicatorCatalogue;
import java.util.function.Predicate;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;

/**
 * A scorecard for one area, as the seed reports lay theirs out: a row per indicator with its latest
 * figure, the best performance and hotspots among the areas beneath it, and its trend over 12
 * months. The one read model of published figures: the page and API serve it, {@code tail} prints it.
 *
 * @param periodType the kind of period chosen; null for each indicator's headline period
 * @param peerLevel  the level of the areas compared for best performance and hotspots; null when
 *                   the area has none beneath it
 * @param peers      the codes of those areas
 * @param updatedAt  the latest computation time among the rows' figures; null when there is none
 * @param asOf       figures of periods ending on or before this date; null for the latest
 * @param view       how far the view behind the figures has read, for people; null when not known
 */
public record Scorecard(AreaJson area, PeriodType periodType, LocalDate asOf, AreaLevel peerLevel, List<String> peers,
                        Instant updatedAt, String view, List<Row> rows) {
    static final int TREND_MONTHS = 12;
    /** The period a report shows an indicator for when none is chosen, as seed 003 does. */
    private static final List<PeriodType> HEADLINE_ORDER =
            List.of(PeriodType.YTD, PeriodType.R12M, PeriodType.SNAPSHOT, PeriodType.MONTH);

    /**
     * @param latest   null while the indicator has no figure for the area
     * @param best     null when there is none (no peers, no values, or no polarity)
     * @param hotspots the peers rated RED, worst first
     * @param trend    the figures of the last 12 months up to the latest, oldest first
     */
    public record Row(IndicatorJson indicator, PeriodType periodType, Figure latest, Standing best,
                      List<Standing> hotspots, List<TrendPoint> trend) {}

    /** A peer area's figure, for best performance and hotspots. */
    public record Standing(String areaCode, String areaName, Double value, Rag rag, boolean smallNumbers) {}

    public record TrendPoint(LocalDate periodEnd, Double value, Rag rag) {}

    /**
     * @param periodType null for each indicator's headline period; otherwise only indicators
     *                   published for that kind of period get a row
     */
    public static Scorecard of(SnapshotFigures figures, IndicatorCatalogue catalogue, AreaHierarchy areas, Area area,
                               PeriodType periodType, LocalDate asOf, String view) {
        return of(figures, catalogue, areas, area, periodType, asOf, view, code -> true);
    }

    /** @param visible the areas the caller may see: peers outside it are not compared */
    public static Scorecard of(SnapshotFigures figures, IndicatorCatalogue catalogue, AreaHierarchy areas, Area area,
                               PeriodType periodType, LocalDate asOf, String view, Predicate<String> visible) {
        List<Area> peers = peers(areas, area).stream().filter(peer -> visible.test(peer.code())).toList();
        List<String> peerCodes = peers.stream().map(Area::code).toList();
        List<Row> rows = CatalogueSections.inSectionOrder(catalogue).stream()
                .filter(indicator -> periodType == null || indicator.publishes(periodType))
                .map(indicator -> row(figures, areas, indicator, area,
                        periodType == null ? headline(indicator) : periodType, peerCodes, asOf))
                .toList();
        Instant updatedAt = rows.stream().map(Row::latest).filter(Objects::nonNull).map(Figure::computedAt)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Scorecard(AreaJson.of(area, areas), periodType, asOf, peers.isEmpty() ? null : peers.get(0).level(),
                peerCodes, updatedAt, view, rows);
    }

    /**
     * The areas compared beneath {@code area}: the service areas under a region or the nation,
     * as the seed reports compare them; otherwise the areas directly beneath it.
     */
    public static List<Area> peers(AreaHierarchy areas, Area area) {
        if (area.level().compareTo(AreaLevel.SERVICE_AREA) > 0) {
            List<Area> serviceAreas = areas.all().stream()
                    .filter(candidate -> candidate.level() == AreaLevel.SERVICE_AREA)
                    .filter(candidate -> areas.lineage(candidate.code()).contains(area))
                    .toList();
            if (!serviceAreas.isEmpty()) {
                return serviceAreas;
            }
        }
        return areas.children(area.code());
    }

    /** The first of YTD, R12M, SNAPSHOT, MONTH the indicator is published for. */
    public static PeriodType headline(IndicatorDefinition indicator) {
        return HEADLINE_ORDER.stream().filter(indicator::publishes).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(indicator.id() + " is published for no period"));
    }

    private static Row row(SnapshotFigures figures, AreaHierarchy areas, IndicatorDefinition indicator, Area area,
                           PeriodType periodType, List<String> peerCodes, LocalDate asOf) {
        Optional<Figure> latest = figures.latest(indicator.id(), area.code(), periodType, asOf);
        Standings standings = latest
                .map(figure -> figures.standings(indicator.id(), periodType, figure.periodEnd(), peerCodes))
                .orElse(Standings.NONE);
        List<TrendPoint> trend = figures.history(indicator.id(), area.code(), periodType, TREND_MONTHS, asOf).stream()
                .map(figure -> new TrendPoint(figure.periodEnd(), figure.value(), figure.rag()))
                .toList();
        return new Row(IndicatorJson.of(indicator), periodType, latest.orElse(null),
                standings.best().map(figure -> standing(areas, figure)).orElse(null),
                standings.hotspots().stream().map(figure -> standing(areas, figure)).toList(),
                trend);
    }

    private static Standing standing(AreaHierarchy areas, Figure figure) {
        String name = areas.find(figure.areaCode()).map(Area::name).orElse(figure.areaCode());
        return new Standing(figure.areaCode(), name, figure.value(), figure.rag(), figure.smallNumbers());
    }
}
