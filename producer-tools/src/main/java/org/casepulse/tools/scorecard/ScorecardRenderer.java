package org.casepulse.tools.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.Polarity;

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
     * @param ansi    colour the RAG ratings
     * @param unicode draw arrows as Unicode; ASCII otherwise
     */
    public static String render(Scorecard card, boolean ansi, boolean unicode) {
        StringBuilder text = new StringBuilder();
        text.append("Casepulse scorecard: ").append(card.focus().name()).append(" (").append(card.focus().code())
                .append("), ").append(card.asOf() == null ? "latest figures" : "figures as of " + card.asOf()).append('\n');
        text.append(card.period() == null
                ? "Period: YTD where published, else R12M, SNAPSHOT (SS) or MONTH"
                : "Period: " + card.period()).append('\n');
        if (!card.compared().isEmpty()) {
            text.append("Best performance and hotspots (rated RED) among ").append(comparedNoun(card)).append('\n');
        }
        text.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Indicator", "Pol", "Period", "Target", "Value", "RAG", "Direction", "Num / Den",
            "Best", "Hotspots"});
        for (Scorecard.Row row : card.rows()) {
            rows.add(cells(row, unicode));
        }
        text.append(TextTable.render(rows, (r, column, cell) -> ansi && r > 0 && column == 5 ? colour(cell) : cell));
        text.append('\n').append("* small numbers: the denominator is below the indicator's threshold, so one case "
                + "swings the figure. rN: restated N times after its period ended.").append('\n');
        if (!card.notShown().isEmpty()) {
            text.append("Not published for ").append(card.period()).append(": ")
                    .append(String.join(", ", card.notShown())).append('\n');
        }
        return text.toString();
    }

    private static String[] cells(Scorecard.Row row, boolean unicode) {
        String title = row.title().length() > TITLE_WIDTH ? row.title().substring(0, TITLE_WIDTH - 3) + "..." : row.title();
        IndicatorSnapshot figure = row.figure();
        if (figure == null) {
            return new String[] {title, "", row.periodType().name(), "", "no figure", "", "", "", "", ""};
        }
        List<Scorecard.AreaFigure> hotspots = row.hotspots();
        String hotspotText = hotspots.stream().limit(HOTSPOTS_SHOWN).map(f -> areaFigure(f, row.decimals()))
                .collect(Collectors.joining(", "));
        if (hotspots.size() > HOTSPOTS_SHOWN) {
            hotspotText += " and " + (hotspots.size() - HOTSPOTS_SHOWN) + " more";
        }
        return new String[] {
            title,
            figure.getPolarity() == Polarity.NONE ? "-" : figure.getPolarity().name(),
            FigureFormat.period(figure.getPeriodType(), figure.getPeriodEnd()),
            FigureFormat.value(figure.getTarget(), figure.getUnit(), row.decimals()),
            FigureFormat.markedValue(figure, row.decimals()),
            FigureFormat.rag(figure.getRag()),
            FigureFormat.direction(figure.getDirectionOfTravel(), unicode),
            FigureFormat.counts(figure),
            row.best().map(f -> areaFigure(f, row.decimals())).orElse("-"),
            hotspotText.isEmpty() ? "-" : hotspotText};
    }

    private static String areaFigure(Scorecard.AreaFigure f, int decimals) {
        return f.area().code() + " (" + FigureFormat.value(f.figure().getValue(), f.figure().getUnit(), decimals) + ")";
    }

    private static String comparedNoun(Scorecard card) {
        AreaLevel level = card.compared().get(0).level();
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
