package org.casepulse.tools.scorecard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.Unit;

/**
 * A scorecard as the seed reports lay it out: for one area, one row per indicator (catalogue
 * order, then any indicator the catalogue does not know) with its latest figure, and the best
 * performing area and the hotspots (areas rated red) among the areas beneath it: the service
 * areas for the national or a regional view, the areas directly beneath otherwise.
 *
 * @param period  the period type shown, or null for each indicator's headline period: YTD where it
 *                is published, else R12M, else SNAPSHOT, else MONTH
 * @param asOf    figures of periods ending on or before this date, or null for the latest
 * @param notShown indicators not published for {@code period}
 */
public record Scorecard(Area focus, PeriodType period, LocalDate asOf, List<Area> compared, List<Row> rows,
                        List<String> notShown) {

    /** The headline period of an indicator: the first of these it is published for. */
    static final List<PeriodType> HEADLINE_ORDER = List.of(PeriodType.YTD, PeriodType.R12M, PeriodType.SNAPSHOT,
            PeriodType.MONTH);

    /**
     * One indicator's line.
     *
     * @param figure   the focus area's figure, or null when none is published
     * @param decimals how many decimals the value is shown with
     */
    public record Row(String indicatorId, String title, PeriodType periodType, int decimals, IndicatorSnapshot figure,
                      Optional<AreaFigure> best, List<AreaFigure> hotspots) {}

    /** An area's figure, for best performance and hotspots. */
    public record AreaFigure(Area area, IndicatorSnapshot figure) {}

    /**
     * @throws java.util.NoSuchElementException when the hierarchy has no area {@code focusCode}
     */
    public static Scorecard build(SnapshotBoard board, IndicatorCatalogue catalogue, AreaHierarchy areas,
                                  String focusCode, PeriodType period, LocalDate asOf) {
        Area focus = areas.area(focusCode);
        List<Area> compared = comparedAreas(areas, focus);
        List<Row> rows = new ArrayList<>();
        List<String> notShown = new ArrayList<>();
        for (IndicatorDefinition indicator : catalogue.indicators()) {
            Optional<PeriodType> type = chosenPeriod(Set.copyOf(indicator.periods()), period);
            if (type.isEmpty()) {
                notShown.add(indicator.id());
            } else {
                rows.add(row(board, indicator.id(), indicator.title(), type.get(), indicator.decimals(), focus, compared, asOf));
            }
        }
        for (String id : board.indicatorIds()) {
            if (catalogue.find(id).isEmpty()) {
                Optional<PeriodType> type = chosenPeriod(board.periodTypes(id), period);
                if (type.isEmpty()) {
                    notShown.add(id);
                } else {
                    rows.add(row(board, id, id, type.get(), -1, focus, compared, asOf));
                }
            }
        }
        return new Scorecard(focus, period, asOf, compared, List.copyOf(rows), List.copyOf(notShown));
    }

    /** The service areas beneath a national or regional focus; otherwise the areas directly beneath. */
    static List<Area> comparedAreas(AreaHierarchy areas, Area focus) {
        if (focus.level() == AreaLevel.NATIONAL || focus.level() == AreaLevel.REGION) {
            List<Area> serviceAreas = areas.all().stream()
                    .filter(area -> area.level() == AreaLevel.SERVICE_AREA)
                    .filter(area -> areas.lineage(area.code()).contains(focus))
                    .toList();
            if (!serviceAreas.isEmpty()) {
                return serviceAreas;
            }
        }
        return areas.children(focus.code());
    }

    private static Optional<PeriodType> chosenPeriod(Set<PeriodType> published, PeriodType wanted) {
        if (wanted != null) {
            return published.contains(wanted) ? Optional.of(wanted) : Optional.empty();
        }
        return HEADLINE_ORDER.stream().filter(published::contains).findFirst();
    }

    private static Row row(SnapshotBoard board, String id, String title, PeriodType type, int decimals, Area focus,
                           List<Area> compared, LocalDate asOf) {
        IndicatorSnapshot figure = board.latest(id, focus.code(), type, asOf).orElse(null);
        int shownDecimals = decimals >= 0 ? decimals : figure != null && figure.getUnit() == Unit.COUNT ? 0 : 1;
        if (figure == null) {
            return new Row(id, title, type, shownDecimals, null, Optional.empty(), List.of());
        }
        List<AreaFigure> figures = new ArrayList<>();
        for (Area area : compared) {
            board.figure(new SnapshotBoard.Key(id, area.code(), type, figure.getPeriodEnd()))
                    .filter(f -> f.getValue() != null)
                    .ifPresent(f -> figures.add(new AreaFigure(area, f)));
        }
        Comparator<AreaFigure> better = betterFirst(figure);
        Optional<AreaFigure> best = better == null ? Optional.empty() : figures.stream().min(better);
        List<AreaFigure> red = figures.stream().filter(f -> f.figure().getRag() == Rag.RED).toList();
        List<AreaFigure> hotspots = better == null ? red : red.stream().sorted(better.reversed()).toList();
        return new Row(id, title, type, shownDecimals, figure, best, hotspots);
    }

    /**
     * Orders figures best first by the indicator's polarity (ties keep hierarchy order); null when
     * the indicator has no polarity, or a T polarity without a target.
     */
    private static Comparator<AreaFigure> betterFirst(IndicatorSnapshot figure) {
        Polarity polarity = figure.getPolarity();
        Comparator<AreaFigure> byValue = Comparator.comparingDouble(f -> f.figure().getValue());
        return switch (polarity) {
            case H -> byValue.reversed();
            case L -> byValue;
            case T -> figure.getTarget() == null ? null
                    : Comparator.comparingDouble(f -> Math.abs(f.figure().getValue() - figure.getTarget()));
            case NONE -> null;
        };
    }
}
