package org.casepulse.scorecard.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepulse.calendar.Periods;
import org.casepulse.indicators.Rating;
import org.casepulse.indicators.Target;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.IndicatorJson;
import org.casepulse.scorecard.Scorecard;
import org.casepulse.scorecard.commentary.Comment;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.TrendGrade;
import org.casepulse.snapshots.Unit;

/**
 * The board report as one self-contained HTML page (its style sheet inside, nothing fetched), laid
 * out as seed 003: title, guidance notes, contents, a table per section, commentary under each
 * section, data-quality notes. Print CSS makes the browser's "print to PDF" an A4 landscape
 * document: each section on a new page, the table header repeated on every page.
 */
public final class BoardReportHtml {
    private static final Locale UK = Locale.UK;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", UK);
    /** Three letters a month, as the seeds print them ("Sep 12"), whatever the JDK's locale data says ("Sept"). */
    private static final Map<Long, String> MONTH_ABBREVIATIONS = Map.ofEntries(Map.entry(1L, "Jan"), Map.entry(2L, "Feb"),
            Map.entry(3L, "Mar"), Map.entry(4L, "Apr"), Map.entry(5L, "May"), Map.entry(6L, "Jun"), Map.entry(7L, "Jul"),
            Map.entry(8L, "Aug"), Map.entry(9L, "Sep"), Map.entry(10L, "Oct"), Map.entry(11L, "Nov"), Map.entry(12L, "Dec"));
    private static final DateTimeFormatter SHORT_MONTH = new DateTimeFormatterBuilder()
            .appendText(ChronoField.MONTH_OF_YEAR, MONTH_ABBREVIATIONS).appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4).toFormatter(UK);
    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.DAY_OF_MONTH).appendLiteral(' ').append(SHORT_MONTH).toFormatter(UK);
    private static final DateTimeFormatter WRITTEN = new DateTimeFormatterBuilder().append(DAY).appendPattern(" HH:mm")
            .toFormatter(UK).withZone(ZoneId.of("Europe/London"));
    private static final String[] COLUMNS = {"Indicator", "Pol.", "Data period", "Target", "Result", "RAG", "DoT",
        "Num", "Denom", "Previous result", "Outturn, last year", "Benchmark", "Best performance", "Hotspots"};
    /** Hotspots printed in a row before the rest are counted: a board reads the worst, not a list of twenty. */
    static final int HOTSPOTS_SHOWN = 6;

    /** The whole style sheet; constant, so the server can allow exactly it by its hash. */
    public static final String STYLE = String.join("\n",
            "body{font-family:Arial,Helvetica,sans-serif;font-size:10pt;color:#111;margin:16px}",
            "h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;margin:14px 0 6px;border-bottom:2px solid #333}",
            "h3{font-size:10.5pt;margin:10px 0 2px}",
            ".subtitle{font-size:12pt;margin:0 0 10px;color:#333}",
            ".guidance{font-size:8.5pt;color:#333;max-width:60em}.guidance dt{font-weight:bold}",
            ".guidance dd{margin:0 0 4px 1.5em}",
            "table{border-collapse:collapse;width:100%;font-size:8.5pt}",
            "th,td{border:1px solid #999;padding:2px 4px;vertical-align:top}",
            "thead th{background:#dde3ea;text-align:left}",
            "tbody th{text-align:left;font-weight:normal}",
            "td.num,td.period{text-align:right;white-space:nowrap}td.benchmark,td.comparators{white-space:normal}",
            "td.period{text-align:left}",
            ".dot{white-space:nowrap}.grade{display:block;font-size:7.5pt;color:#555}",
            ".rag{font-weight:bold;text-align:center;white-space:nowrap}",
            ".rag-RED{background:#d73027;color:#fff}.rag-AMBER{background:#fdae61;color:#111}",
            ".rag-GREEN{background:#1a9850;color:#fff}.rag-NOT_RATED{background:#eee;color:#333}",
            ".dot-IMPROVING{color:#1a7a40}.dot-WORSENING{color:#b3261e}.muted{color:#777}",
            ".label{font-weight:bold;margin-right:4px}.note-ref{font-size:7.5pt;margin-left:4px}",
            ".commentary p{margin:2px 0 8px}.byline{font-size:8pt;color:#555}",
            ".indicator-commentary{break-inside:avoid;margin-bottom:10px}",
            "table.trend{width:auto;margin:2px 0 6px}table.trend td{text-align:right;min-width:5em}",
            ".kind{font-weight:bold}",
            "@page{size:A4 landscape;margin:10mm}",
            "@media print{body{margin:0}",
            "section.report-section,section.notes{break-before:page}",
            "thead{display:table-header-group}tr{break-inside:avoid}",
            "h2,h3{break-after:avoid}",
            "th,td{-webkit-print-color-adjust:exact;print-color-adjust:exact}",
            "a{color:inherit;text-decoration:none}}");

    private BoardReportHtml() {}

    /** For a Content-Security-Policy that allows the report's own style sheet and nothing else inline. */
    public static String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report's title: {@code North, board report March 2026}. */
    public static String title(BoardReport report) {
        return report.area().name() + ": performance board report, " + report.month().format(MONTH);
    }

    public static String render(BoardReport report) {
        Html html = new Html().doctype();
        html.open("html", "lang", "en-GB").open("head").open("meta", "charset", "utf-8")
                .element("title", title(report)).style(STYLE).close("head");
        html.open("body");
        html.element("h1", "Children's social care performance scorecard");
        html.element("p", report.area().name() + " (" + report.area().code() + "), "
                + report.month().format(MONTH), "class", "subtitle");
        guidance(html, report);
        contents(html, report);
        for (BoardReport.Section section : report.sections()) {
            section(html, report, section);
        }
        notes(html, report);
        html.close("body").close("html");
        return html.build();
    }

    private static void guidance(Html html, BoardReport report) {
        String figures = "As published by Casepulse"
                + (report.updatedAt() == null ? "" : ", latest computed " + WRITTEN.format(report.updatedAt()))
                + (report.view() == null || report.view().equals("caught up") ? "" : " (" + report.view() + ")")
                + ". * marks small numbers (one case swings the figure); rN a figure restated N times after "
                + "its period ended.";
        String[][] terms = {
            {"Polarity", "H: the aim is the highest number or percentage possible. L: the lowest possible. "
                + "T: as close to the target as possible."},
            {"RAG ratings", "RED: significantly away from the target. AMBER: close to the target (within its "
                + "tolerance). GREEN: the target is met. Not rated: no target set."},
            {"Direction of travel (DoT)", "Against the same area's previous period of the same kind: improving, no "
                + "change or worsening, by the indicator's polarity; graded a bit or much better or worse by size."},
            {"Data period", "YTD: year to date (April to the month). R12M: rolling 12 months. SS: snapshot on the "
                + "date shown (the month's end). Month: the month alone."},
            {"Num and Denom", "Numerator and denominator of the result; for a rate per 10,000 the denominator is "
                + "the population under 18, for an average caseload the number of workers."},
            {"Target", "The target in force for the period, of the financial year in the column's heading "
                + "(targets may be phased by quarter or set by date)."},
            {"Outturn, last year", "The outturn: the result at the end of the previous financial year (the March "
                + "in the heading) and the direction of travel from it to the result (seed 003's DoT from outturn to "
                + "latest). Where the catalogue asks for them, the same period last year and the six months before."},
            {"Benchmark", "England, region and statistical-neighbour values of the year shown, from the "
                + "benchmarks file."},
            {"Best performance and hotspots", "Among the areas beneath this one: the best value by polarity, and "
                + "the areas rated RED, worst first (the first " + HOTSPOTS_SHOWN + ", then how many more)."},
            {"Commentary", "Under each section, by indicator, with its trend at the last three quarters' ends and "
                + "this month; data-quality notes are numbered at the end."},
            {"Figures", figures}};
        html.open("section", "class", "guidance").element("h2", "Guidance notes").open("dl");
        for (String[] term : terms) {
            html.element("dt", term[0]).element("dd", term[1]);
        }
        html.close("dl").close("section");
    }

    private static void contents(Html html, BoardReport report) {
        html.open("nav", "class", "contents").element("h2", "Contents").open("ol");
        for (BoardReport.Section section : report.sections()) {
            html.open("li").element("a", heading(section.name()), "href", "#" + section.id())
                    .text(" (" + section.rows().size() + (section.rows().size() == 1 ? " indicator" : " indicators")
                            + (section.commentary().isEmpty() ? "" : ", commentary") + ")").close("li");
        }
        html.open("li").element("a", "Data-quality notes", "href", "#notes")
                .text(" (" + report.dataQualityNotes().size() + ")").close("li");
        html.close("ol").close("nav");
    }

    private static void section(Html html, BoardReport report, BoardReport.Section section) {
        html.open("section", "class", "report-section", "id", section.id());
        html.element("h2", heading(section.name()));
        html.open("table").open("thead").open("tr");
        for (String column : COLUMNS) {
            String heading = switch (column) {
                case "Target" -> "Target " + financialYear(report.month());
                case "Outturn, last year" -> "Outturn " + outturnMonth(report.month()).format(SHORT_MONTH) + ", last year";
                default -> column;
            };
            html.element("th", heading, "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        Set<String> commented = section.commentary().stream().map(Comment::indicatorId).collect(Collectors.toSet());
        for (BoardReport.Row row : section.rows()) {
            row(html, report, row, commented.contains(row.indicator().id()));
        }
        html.close("tbody").close("table");
        if (!section.commentary().isEmpty()) {
            html.open("div", "class", "commentary").element("h3", "Commentary");
            Map<String, List<Comment>> byIndicator = section.commentary().stream()
                    .collect(Collectors.groupingBy(Comment::indicatorId, LinkedHashMap::new, Collectors.toList()));
            for (BoardReport.Row row : section.rows()) {
                List<Comment> comments = byIndicator.get(row.indicator().id());
                if (comments != null) {
                    commentary(html, row, comments);
                }
            }
            html.close("div");
        }
        html.close("section");
    }

    /** One indicator's commentary as seed 003 prints it: its name and RAG, the trend at month ends, the texts. */
    private static void commentary(Html html, BoardReport.Row row, List<Comment> comments) {
        IndicatorJson indicator = row.indicator();
        html.open("div", "class", "indicator-commentary", "id", "commentary-" + indicator.id());
        html.open("h3").text(name(indicator));
        if (row.figure() != null) {
            html.text(" ").element("span", rag(row.figure().rag()), "class", "rag rag-" + row.figure().rag().name());
        }
        html.close("h3");
        html.open("table", "class", "trend").open("thead").open("tr").element("th", "Trend data, month end", "scope", "col");
        for (BoardReport.TrendPoint point : row.trend()) {
            html.element("th", point.month().format(SHORT_MONTH), "scope", "col");
        }
        html.close("tr").close("thead").open("tbody").open("tr").element("th", "Result", "scope", "row");
        for (BoardReport.TrendPoint point : row.trend()) {
            html.element("td", point.figure() == null ? "-" : value(point.figure().value(), point.figure().unit(),
                    indicator.decimals()));
        }
        html.close("tr").open("tr").element("th", "Target", "scope", "row");
        for (BoardReport.TrendPoint point : row.trend()) {
            html.element("td", point.figure() == null ? "-" : value(point.figure().target(), point.figure().unit(),
                    indicator.decimals()));
        }
        html.close("tr").open("tr").element("th", "RAG rating", "scope", "row");
        for (BoardReport.TrendPoint point : row.trend()) {
            html.element("td", point.figure() == null ? "-" : rag(point.figure().rag()));
        }
        html.close("tr").close("tbody").close("table");
        for (Comment comment : comments) {
            html.open("p").element("span", Comment.describe(comment.kind()) + ": ", "class", "kind")
                    .lines(comment.text()).close("p");
            html.element("p", byline(comment), "class", "byline");
        }
        html.close("div");
    }

    private static void row(Html html, BoardReport report, BoardReport.Row row, boolean commented) {
        IndicatorJson indicator = row.indicator();
        Figure figure = row.figure();
        html.open("tr", "data-indicator", indicator.id());
        html.open("th", "scope", "row");
        if (indicator.label() != null) {
            html.element("span", indicator.label(), "class", "label").text(" ");
        }
        html.text(indicator.title());
        if (commented) {
            html.element("a", "commentary", "class", "note-ref", "href", "#commentary-" + indicator.id());
        }
        for (Integer note : row.notes()) {
            html.element("a", "note " + note, "class", "note-ref", "href", "#note-" + note);
        }
        html.close("th");
        html.element("td", indicator.polarity() == Polarity.NONE ? "-" : indicator.polarity().name());
        html.element("td", figure == null ? period(row.periodType(), null) : period(figure.periodType(),
                figure.periodEnd()), "class", "period");
        Double target = figure != null ? figure.target() : indicator.target() == null ? null
                : indicator.target().doubleValue();
        html.element("td", value(target, indicator.unit(), indicator.decimals()), "class", "num");
        if (figure == null) {
            html.element("td", "no figure", "class", "num muted");
            html.element("td", "-", "class", "rag rag-NOT_RATED");
            html.element("td", "-");
            html.element("td", "-", "class", "num").element("td", "-", "class", "num");
            html.element("td", "-", "class", "num");
            html.element("td", "-", "class", "num comparators");
        } else {
            html.element("td", value(figure.value(), figure.unit(), indicator.decimals())
                    + (figure.smallNumbers() ? "*" : "") + (figure.revision() > 0 ? " r" + figure.revision() : ""),
                    "class", "num result");
            html.element("td", rag(figure.rag()), "class", "rag rag-" + figure.rag().name());
            html.open("td", "class", "dot dot-" + figure.directionOfTravel().name()).text(direction(figure.directionOfTravel()));
            if (figure.trend() != null && figure.trend() != TrendGrade.NO_CHANGE) {
                html.element("span", grade(figure.trend()), "class", "grade");
            }
            html.close("td");
            html.element("td", number(figure.numerator(), 0), "class", "num");
            html.element("td", figure.denominator() == null ? "-" : number(figure.denominator(), 0), "class", "num");
            html.element("td", value(figure.previousValue(), figure.unit(), indicator.decimals()), "class", "num");
            html.open("td", "class", "num comparators").lines(comparators(row, indicator, outturnMonth(report.month())))
                    .close("td");
        }
        html.element("td", row.benchmark() == null ? "-" : row.benchmark(), "class", "num benchmark");
        html.element("td", row.best() == null ? "-" : standing(row.best(), indicator));
        html.element("td", row.hotspots().isEmpty() ? (row.best() == null ? "-" : "None") : hotspots(row.hotspots(), indicator));
        html.close("tr");
    }

    private static void notes(Html html, BoardReport report) {
        html.open("section", "class", "notes", "id", "notes").element("h2", "Data-quality notes");
        if (report.dataQualityNotes().isEmpty()) {
            html.element("p", "No data-quality notes for " + report.month().format(MONTH) + ".", "class", "muted");
        } else {
            html.open("ol");
            for (BoardReport.Note note : report.dataQualityNotes()) {
                html.open("li", "id", "note-" + note.number()).element("strong", name(note.indicator()))
                        .open("p").lines(note.comment().text()).close("p")
                        .element("p", byline(note.comment()), "class", "byline").close("li");
            }
            html.close("ol");
        }
        html.close("section");
    }

    private static String name(IndicatorJson indicator) {
        return (indicator.label() == null ? "" : indicator.label() + " ") + indicator.title();
    }

    private static String byline(Comment comment) {
        return comment.author() + ", " + WRITTEN.format(comment.writtenAt())
                + (comment.version() > 1 ? " (version " + comment.version() + ")" : "");
    }

    static String heading(String section) {
        return section.isEmpty() ? section : section.substring(0, 1).toUpperCase(UK) + section.substring(1);
    }

    /** "YTD to Nov 2026", "R12M to Nov 2026", "Month Nov 2026", "SS 30 Nov 2026" (a snapshot is a day). */
    static String period(PeriodType type, LocalDate end) {
        String name = switch (type) {
            case MONTH -> "Month";
            case YTD -> "YTD";
            case R12M -> "R12M";
            case SNAPSHOT -> "SS";
        };
        if (end == null) {
            return name;
        }
        return switch (type) {
            case SNAPSHOT -> name + " " + DAY.format(end);
            case MONTH -> name + " " + SHORT_MONTH.format(end);
            case YTD, R12M -> name + " to " + SHORT_MONTH.format(end);
        };
    }

    /** "2026/27": the financial year of the month, whose targets the report shows. */
    static String financialYear(YearMonth month) {
        return Target.yearName(Periods.financialYearStart(month).getYear());
    }

    /** The month whose end is the outturn beside a figure of {@code month}: the March before its financial year. */
    static YearMonth outturnMonth(YearMonth month) {
        return YearMonth.from(Periods.financialYearStart(month)).minusMonths(1);
    }

    /**
     * The outturn (the catalogue's, else the published year-end figure; its month only when not the
     * heading's), last year's value and the six months before, one a line; "-" for none.
     */
    static String comparators(BoardReport.Row row, IndicatorJson indicator, YearMonth headingOutturn) {
        Figure figure = row.figure();
        List<String> lines = new ArrayList<>();
        if (row.outturnValue() != null) {
            YearMonth outturn = outturnMonth(YearMonth.from(figure.periodEnd()));
            lines.add((outturn.equals(headingOutturn) ? "" : outturn.format(SHORT_MONTH) + ": ")
                    + value(row.outturnValue(), figure.unit(), indicator.decimals())
                    + sinceOutturn(figure, row.outturnValue(), indicator.decimals()));
        }
        if (figure.lastYearValue() != null) {
            lines.add("Last year: " + value(figure.lastYearValue(), figure.unit(), indicator.decimals()));
        }
        if (figure.sixMonthsValue() != null) {
            lines.add("6 months before: " + value(figure.sixMonthsValue(), figure.unit(), indicator.decimals()));
        }
        return lines.isEmpty() ? "-" : String.join("\n", lines);
    }

    /**
     * Seed 003's "DoT from outturn to latest": the result against the outturn, by polarity, compared
     * at the printed precision so that two values printed alike never read as a change.
     */
    static String sinceOutturn(Figure figure, Double outturn, int decimals) {
        if (figure.value() == null) {
            return "";
        }
        DirectionOfTravel since = Rating.direction(figure.polarity(), printed(figure.value(), decimals),
                printed(outturn, decimals), figure.target() == null ? null : printed(figure.target(), decimals));
        return since == DirectionOfTravel.NOT_COMPARABLE ? "" : ", since: " + direction(since).toLowerCase(UK);
    }

    private static BigDecimal printed(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    static String grade(TrendGrade grade) {
        return grade.name().toLowerCase(UK).replace('_', ' ');
    }

    private static String hotspots(List<Scorecard.Standing> hotspots, IndicatorJson indicator) {
        String shown = hotspots.stream().limit(HOTSPOTS_SHOWN).map(s -> standing(s, indicator))
                .collect(Collectors.joining(", "));
        int more = hotspots.size() - HOTSPOTS_SHOWN;
        if (more == 1) {
            return hotspots.stream().map(s -> standing(s, indicator)).collect(Collectors.joining(", "));
        }
        return more <= 0 ? shown : shown + " and " + more + " more";
    }

    static String value(Double value, Unit unit, int decimals) {
        if (value == null) {
            return "-";
        }
        String number = number(value, decimals);
        return switch (unit) {
            case PERCENT -> number + "%";
            case PERCENT_CHANGE -> (value > 0 ? "+" : "") + number + "%";
            case RATE_PER_10K, RATIO, COUNT -> number;
        };
    }

    static String rag(Rag rag) {
        return rag == Rag.NOT_RATED ? "Not rated" : rag.name();
    }

    static String direction(DirectionOfTravel direction) {
        return switch (direction) {
            case IMPROVING -> "↑ Improving";
            case WORSENING -> "↓ Worsening";
            case NO_CHANGE -> "→ No change";
            case UP -> "↑ Up";
            case DOWN -> "↓ Down";
            case NOT_COMPARABLE -> "-";
        };
    }

    private static String standing(Scorecard.Standing standing, IndicatorJson indicator) {
        return standing.areaCode() + " (" + value(standing.value(), indicator.unit(), indicator.decimals())
                + (standing.smallNumbers() ? "*" : "") + ")";
    }

    static String number(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(UK));
        return format.format(rounded);
    }

    /** Unused columns never vanish: the list printed in every section's header. */
    static List<String> columns() {
        return List.of(COLUMNS);
    }
}
