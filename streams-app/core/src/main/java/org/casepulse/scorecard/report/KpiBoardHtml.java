package org.casepulse.scorecard.report;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.casepulse.scorecard.AreaJson;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.Scorecard;

/**
 * The KPI board as one page, in the board report's style (the same style sheet, so the same
 * Content-Security-Policy): a row per KPI with the area's figure, target, RAG, best performer and
 * hotspots, then a table of every service area's value, each coloured by its RAG.
 */
public final class KpiBoardHtml {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private KpiBoardHtml() {}

    public static String render(KpiBoard board) {
        String title = board.area().name() + ": KPI board, " + board.month().format(MONTH);
        Html html = new Html().doctype();
        html.open("html", "lang", "en-GB").open("head").open("meta", "charset", "utf-8")
                .element("title", title).style(BoardReportHtml.STYLE).close("head");
        html.open("body");
        html.element("h1", "KPI board");
        html.element("p", board.area().name() + " (" + board.area().code() + "), " + board.month().format(MONTH)
                + ": each KPI's headline figure, the best performer and the hotspots among the "
                + board.peers().size() + " service areas beneath it", "class", "subtitle");
        if (board.rows().isEmpty()) {
            html.element("p", "The catalogue labels no entry KPI 1, KPI 2, ...: there is no board to show.");
            return html.close("body").close("html").build();
        }
        html.open("table").open("thead").open("tr");
        for (String column : new String[] {"KPI", "Indicator", "Data period", "Target", "Result", "RAG", "Num", "Denom",
            "Best performance", "Hotspots"}) {
            html.element("th", column);
        }
        html.close("tr").close("thead").open("tbody");
        for (KpiBoard.Row row : board.rows()) {
            Figure figure = row.figure();
            html.open("tr").element("td", row.label(), "class", "label").element("td", row.indicator().title())
                    .element("td", figure == null ? "-" : BoardReportHtml.period(row.periodType(), figure.periodEnd()))
                    .element("td", figure == null || figure.target() == null ? "-"
                            : BoardReportHtml.value(figure.target(), row.indicator().unit(), row.indicator().decimals()), "class", "num")
                    .element("td", figure == null ? "-" : BoardReportHtml.value(figure.value(), row.indicator().unit(),
                            row.indicator().decimals()) + (figure.smallNumbers() ? "*" : ""), "class", "num");
            if (figure == null) {
                html.element("td", "-").element("td", "-", "class", "num").element("td", "-", "class", "num");
            } else {
                html.element("td", BoardReportHtml.rag(figure.rag()), "class", "rag rag-" + figure.rag())
                        .element("td", BoardReportHtml.number(figure.numerator(), 0), "class", "num")
                        .element("td", BoardReportHtml.number(figure.denominator(), 0), "class", "num");
            }
            html.element("td", row.best() == null ? "-" : standing(row.best(), row));
            html.element("td", row.hotspots().isEmpty() ? (row.best() == null ? "-" : "None")
                    : row.hotspots().stream().map(s -> standing(s, row)).collect(Collectors.joining(", ")));
            html.close("tr");
        }
        html.close("tbody").close("table");
        html.element("h2", "By service area");
        html.open("table").open("thead").open("tr").element("th", "Area");
        for (KpiBoard.Row row : board.rows()) {
            html.element("th", row.label());
        }
        html.close("tr").close("thead").open("tbody");
        for (int p = 0; p < board.peers().size(); p++) {
            AreaJson peer = board.peers().get(p);
            html.open("tr").element("td", peer.code() + " " + peer.name());
            for (KpiBoard.Row row : board.rows()) {
                Figure value = row.values().get(p);
                if (value == null || value.value() == null) {
                    html.element("td", "-", "class", "num");
                } else {
                    html.element("td", BoardReportHtml.value(value.value(), row.indicator().unit(), row.indicator().decimals())
                            + (value.smallNumbers() ? "*" : ""), "class", "num rag-" + value.rag());
                }
            }
            html.close("tr");
        }
        html.close("tbody").close("table");
        html.element("p", "* small numbers: one case swings the figure.", "class", "muted");
        return html.close("body").close("html").build();
    }

    private static String standing(Scorecard.Standing standing, KpiBoard.Row row) {
        return standing.areaCode() + " (" + BoardReportHtml.value(standing.value(), row.indicator().unit(),
                row.indicator().decimals()) + (standing.smallNumbers() ? "*" : "") + ")";
    }
}
