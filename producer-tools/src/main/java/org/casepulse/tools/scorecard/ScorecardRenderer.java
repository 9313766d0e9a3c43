package org.casepulse.tools.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.Scorecard;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Unit;

/**
 * The scorecard as text: a heading, one row per indicator, and a key. Plain text unless asked for
 * colour (on a terminal), when the RAG rating is coloured as well as named.
 */
public final class ScorecardRenderer {
    /** Longer titles are cut, so that a row fits a wide terminal. */
    static final int TITLE_WIDTH = 56;
    /** Hotspots beyond this many are counted, not named. */
    static final int HOTSPOTS_SHOWN = 5;

    private static final String RESET = "\u001B[0m";

    private ScorecardRenderer() {}

    /**
     * @param catalogue names the indicators not published for the chosen period
     * @param ansi      colour the RAG ratings
     * @param unicode   draw arrows as Unicode; ASCII otherwise
     */
    public static String render(Scorecard card, IndicatorCatalogue catalogue, boolean ansi, boolean unicode) {
        StringBuilder text = new StringBuilder();
        text.append("Casepulse scorecard: ").append(card.area().name()).append(" (").append(card.area().code())
                .append("), ").append(card.asOf() == null ? "latest figures" : "figures as of " + card.asOf()).append('\n');
        text.append(card.periodType() == null
                ? "Period: YTD where published, else R12M, SNAPSHOT (SS) or MONTH"
                : "Period: " + card.periodType()).append('\n');
        if (card.peerLevel() != null) {
            text.append("Best performance and hotspots (rated RED) among ").append(peerNoun(card.peerLevel())).append('\n');
        }
        text.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Indicator", "Pol", "Period", "Target", "Value", "RAG", "Direction", "Num / Den",
            "Best", "Hotspots"});
        String section = null;
        for (Scorecard.Row row : card.rows()) {
            // A heading row per section, as the county scorecard groups its rows.
            if (!row.indicator().section().equals(section)) {
                section = row.indicator().section();
                String[] heading = new String[rows.get(0).length];
                java.util.Arrays.fill(heading, "");
                heading[0] = section.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + section.substring(1);
                rows.add(heading);
            }
            rows.add(cells(row, unicode));
        }
        text.append(TextTable.render(rows, (r, column, cell) -> ansi && r > 0 && column == 5 ? colour(cell) : cell));
        text.append('\n').append("* small numbers: the denominator is below the indicator's threshold, so one case "
                + "swings the figure. rN: restated N times after its period ended.").append('\n');
        List<String> notShown = card.periodType() == null ? List.of() : catalogue.indicators().stream()
                .filter(indicator -> !indicator.publishes(card.periodType())).map(IndicatorDefinition::id).toList();
        if (!notShown.isEmpty()) {
            text.append("Not published for ").append(card.periodType()).append(": ")
                    .append(String.join(", ", notShown)).append('\n');
        }
        return text.toString();
    }

    private static String[] cells(Scorecard.Row row, boolean unicode) {
        String title = row.indicator().label() == null ? row.indicator().title()
                : row.indicator().label() + ": " + row.indicator().title();
        title = title.length() > TITLE_WIDTH ? title.substring(0, TITLE_WIDTH - 3) + "..." : title;
        int decimals = row.indicator().decimals();
        Figure figure = row.latest();
        if (figure == null) {
            return new String[] {title, "", row.periodType().name(), "", "no figure", "", "", "", "", ""};
        }
        List<Scorecard.Standing> hotspots = row.hotspots();
        String hotspotText = hotspots.stream().limit(HOTSPOTS_SHOWN).map(s -> standing(s, figure.unit(), decimals))
                .collect(Collectors.joining(", "));
        if (hotspots.size() > HOTSPOTS_SHOWN) {
            hotspotText += " and " + (hotspots.size() - HOTSPOTS_SHOWN) + " more";
        }
        return new String[] {
            title,
            figure.polarity() == Polarity.NONE ? "-" : figure.polarity().name(),
            FigureFormat.period(figure.periodType(), figure.periodEnd()),
            FigureFormat.value(figure.target(), figure.unit(), decimals),
            FigureFormat.markedValue(figure, decimals),
            FigureFormat.rag(figure.rag()),
            FigureFormat.direction(figure.directionOfTravel(), unicode),
            FigureFormat.counts(figure),
            row.best() == null ? "-" : standing(row.best(), figure.unit(), decimals),
            hotspotText.isEmpty() ? "-" : hotspotText};
    }

    private static String standing(Scorecard.Standing standing, Unit unit, int decimals) {
        return standing.areaCode() + " (" + FigureFormat.value(standing.value(), unit, decimals) + ")";
    }

    private static String peerNoun(AreaLevel level) {
        return switch (level) {
            case TEAM -> "teams";
            case SERVICE_AREA -> "service areas";
            case REGION -> "regions";
            case NATIONAL -> "areas";
        };
    }

    private static String colour(String rag) {
        String code = switch (rag) {
            case "RED" -> "\u001B[31m";
            case "AMBER" -> "\u001B[33m";
            case "GREEN" -> "\u001B[32m";
            default -> null;
        };
        return code == null ? rag : code + rag + RESET;
    }
}
