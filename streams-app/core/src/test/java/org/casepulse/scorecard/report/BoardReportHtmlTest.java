package org.casepulse.scorecard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.scorecard.Figures.percent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.casepulse.commentary.CommentaryKind;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.commentary.Comment;
import org.casepulse.scorecard.commentary.CommentaryBook;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.TrendGrade;
import org.junit.jupiter.api.Test;

/** The board report of a known month: its layout, its figures, commentary and notes, and escaping. */
class BoardReportHtmlTest {
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LocalDate END = MARCH.atEndOfMonth();
    private static final String ALLOCATION = "allocation-within-2wd";

    private static SnapshotFigures figures() {
        SnapshotFigures figures = new SnapshotFigures();
        apply(figures, percent(ALLOCATION, "NORTH", AreaLevel.REGION, PeriodType.YTD, END, 59.6, Rag.RED)
                .setNumerator(725L).setDenominator(1216L).setPreviousValue(61.4)
                .setDirectionOfTravel(DirectionOfTravel.WORSENING).build());
        apply(figures, percent(ALLOCATION, "N6", AreaLevel.SERVICE_AREA, PeriodType.YTD, END, 44.8, Rag.RED).build());
        apply(figures, percent(ALLOCATION, "N2", AreaLevel.SERVICE_AREA, PeriodType.YTD, END, 97.8, Rag.GREEN).build());
        return figures;
    }

    private static void apply(SnapshotFigures figures, IndicatorSnapshot snapshot) {
        Figure figure = Figure.of(snapshot);
        figures.apply(figure.key(), figure);
    }

    private static Comment comment(CommentaryKind kind, int version, String text) {
        return new Comment(ALLOCATION, "NORTH", MARCH, kind, version, "w" + kind + version, text, "north-manager",
                Instant.parse("2026-04-03T10:00:00Z"), text == null);
    }

    private static String render(CommentaryBook book) {
        BoardReport report = BoardReport.of(figures(), book, REFERENCE.catalogue(), REFERENCE.areas(),
                REFERENCE.areas().find("NORTH").orElseThrow(), MARCH, "caught up", code -> true);
        return BoardReportHtml.render(report);
    }

    @Test
    void shouldLayTheMonthOutAsTheSeedReportDoes() {
        CommentaryBook book = new CommentaryBook();
        book.apply(comment(CommentaryKind.ANALYSIS, 1, "Allocation slowed in N6 while two posts were vacant."));
        book.apply(comment(CommentaryKind.ACTIONS, 1, "Agency cover agreed from April."));
        book.apply(comment(CommentaryKind.DATA_QUALITY, 1, "First extract from the new system."));

        String html = render(book);

        assertThat(html).startsWith("<!doctype html>")
                .contains("<title>North: performance board report, March 2026</title>")
                .contains("<h2>Contents</h2>", "href=\"#section-1\">Allocation and workload</a>",
                        "href=\"#notes\">Data-quality notes</a> (1)");
        String row = html.substring(html.indexOf("<tr data-indicator=\"" + ALLOCATION + "\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("Cases allocated within 2 working days of referral", "<td>H</td>",
                "<td class=\"period\">YTD to Mar 2026</td>", "<td class=\"num\">65.0%</td>", ">59.6%</td>",
                "<td class=\"rag rag-RED\">RED</td>", "↓ Worsening", "<td class=\"num\">725</td>",
                "<td class=\"num\">1,216</td>", "<td class=\"num\">61.4%</td>",
                "<td class=\"num benchmark\">-</td>", "<td>N2 (97.8%)</td>", "N6 (44.8%)",
                "href=\"#note-1\">note 1</a>");
        String section = html.substring(html.indexOf("id=\"section-1\""), html.indexOf("id=\"section-2\""));
        assertThat(section).contains("<h3>Commentary</h3>",
                "Analysis: </span>Allocation slowed in N6 while two posts were vacant.",
                "Actions: </span>Agency cover agreed from April.", "north-manager, 3 Apr 2026 11:00");
        assertThat(html.substring(html.indexOf("id=\"notes\""))).contains("id=\"note-1\"",
                "First extract from the new system.");
        assertThat(html).contains("@page{size:A4 landscape", "thead{display:table-header-group}",
                "section.report-section,section.notes{break-before:page}");
    }

    @Test
    void shouldShowTheCurrentVersionOnlyAndNothingDeleted() {
        CommentaryBook book = new CommentaryBook();
        book.apply(comment(CommentaryKind.ANALYSIS, 1, "old words"));
        book.apply(comment(CommentaryKind.ANALYSIS, 2, "new words"));
        book.apply(comment(CommentaryKind.GOOD_PRACTICE, 1, "gone"));
        book.apply(comment(CommentaryKind.GOOD_PRACTICE, 2, null));

        String html = render(book);

        assertThat(html).contains("new words", "(version 2)").doesNotContain("old words", "gone");
        assertThat(html).contains("No data-quality notes for March 2026.");
    }

    @Test
    void shouldShowScriptTextAsText() {
        CommentaryBook book = new CommentaryBook();
        book.apply(comment(CommentaryKind.ANALYSIS, 1, "<script>alert('x')</script>\n<img src=x onerror=alert(1)>"));
        book.apply(comment(CommentaryKind.DATA_QUALITY, 1, "</style><b>bold?</b>"));

        String html = render(book);

        assertThat(html).doesNotContain("<script>", "<img", "<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>&lt;img src=x onerror=alert(1)&gt;",
                        "&lt;/style&gt;&lt;b&gt;bold?&lt;/b&gt;");
    }

    @Test
    void shouldListEverySectionOfTheCatalogueWithARowPerIndicator() {
        String html = render(new CommentaryBook());

        long rows = html.split("<tr data-indicator=", -1).length - 1;
        assertThat(rows).isEqualTo(REFERENCE.catalogue().indicators().size());
        assertThat(html).contains("Children in care", "Child protection", "no figure");
        assertThat(BoardReportHtml.styleHash()).startsWith("'sha256-").endsWith("='");
    }

    @Test
    void shouldPrintWhatABoardReadsBesideTheFigure() {
        SnapshotFigures figures = figures();
        apply(figures, percent(ALLOCATION, "NORTH", AreaLevel.REGION, PeriodType.YTD, LocalDate.of(2025, 12, 31), 62.5,
                Rag.AMBER).build());
        // The year-end figure the catalogue does not ask to carry: the report prints it as the outturn.
        apply(figures, percent(ALLOCATION, "NORTH", AreaLevel.REGION, PeriodType.YTD, LocalDate.of(2025, 3, 31), 61.9,
                Rag.AMBER).build());
        apply(figures, percent("children-seen-at-assessment", "NORTH", AreaLevel.REGION, PeriodType.YTD, END, 94.1,
                Rag.GREEN).build());
        apply(figures, percent("re-referral-12m", "NORTH", AreaLevel.REGION, PeriodType.YTD, END, 25.0, Rag.AMBER)
                .setPolarity(org.casepulse.snapshots.Polarity.L).setTarget(21.0).setPreviousValue(21.0)
                .setDirectionOfTravel(DirectionOfTravel.WORSENING).setTrend(TrendGrade.A_BIT_WORSE)
                .setOutturnValue(22.8).setLastYearValue(24.1).setSixMonthsValue(23.6).build());
        for (String area : new String[] {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"}) {
            apply(figures, percent("re-referral-12m", area, AreaLevel.SERVICE_AREA, PeriodType.YTD, END, 30.0, Rag.RED)
                    .setPolarity(org.casepulse.snapshots.Polarity.L).setTarget(21.0).build());
        }
        CommentaryBook book = new CommentaryBook();
        book.apply(comment(CommentaryKind.ANALYSIS, 1, "Allocation slowed in N6."));
        book.apply(comment(CommentaryKind.ACTIONS, 1, "Agency cover agreed from April."));

        String html = BoardReportHtml.render(BoardReport.of(figures, book, REFERENCE.catalogue(), REFERENCE.areas(),
                REFERENCE.areas().find("NORTH").orElseThrow(), MARCH, "caught up", code -> true));

        // The target of the financial year the month is in, as seed 003's "Target for 13/14".
        assertThat(html).contains("<th scope=\"col\">Target 2025/26</th>", "<th scope=\"col\">Outturn Mar 2025, last year</th>");
        String rereferrals = row(html, "re-referral-12m");
        assertThat(rereferrals).contains(
                // Seed 003's DoT from outturn to latest: 25.0% against 22.8%, lower is better.
                "<td class=\"num comparators\">22.8%, since: ↓ worsening<br>Last year: 24.1%<br>6 months before: 23.6%</td>",
                "↓ Worsening<span class=\"grade\">a bit worse</span>",
                // The worst six hotspots, then how many more.
                "N1 (30.0%), N2 (30.0%), N3 (30.0%), N4 (30.0%), N5 (30.0%), N6 (30.0%) and 2 more</td>");
        assertThat(row(html, ALLOCATION)).contains("<td class=\"num comparators\">61.9%, since: ↓ worsening</td>",
                "href=\"#commentary-" + ALLOCATION + "\">commentary</a>");
        // Nothing beside the figure: a dash, as in every empty cell.
        assertThat(row(html, "children-seen-at-assessment")).contains("<td class=\"num comparators\">-</td>");
        assertThat(row(html, "repeat-cp-plan")).contains("<th scope=\"row\"><span class=\"label\">NI 65</span> Children");

        // One block per indicator: its name and RAG, seed 003's trend at the quarters' ends, then every entry.
        String block = html.substring(html.indexOf("id=\"commentary-" + ALLOCATION + "\""));
        block = block.substring(0, block.indexOf("</div>"));
        assertThat(block.split("<h3>", -1)).hasSize(2);
        assertThat(block).contains("Cases allocated within 2 working days of referral <span class=\"rag rag-RED\">RED</span>",
                "<th scope=\"col\">Trend data, month end</th><th scope=\"col\">Jun 2025</th><th scope=\"col\">Sep 2025</th>"
                        + "<th scope=\"col\">Dec 2025</th><th scope=\"col\">Mar 2026</th>",
                "<th scope=\"row\">Result</th><td>-</td><td>-</td><td>62.5%</td><td>59.6%</td>",
                "<th scope=\"row\">Target</th><td>-</td><td>-</td><td>65.0%</td><td>65.0%</td>",
                "<th scope=\"row\">RAG rating</th><td>-</td><td>-</td><td>AMBER</td><td>RED</td>",
                "Analysis: </span>Allocation slowed in N6.", "Actions: </span>Agency cover agreed from April.");
        assertThat(html).contains(".indicator-commentary{break-inside:avoid");
    }

    @Test
    void shouldNameEachPeriodAsTheSeedsDo() {
        assertThat(BoardReportHtml.period(PeriodType.SNAPSHOT, LocalDate.of(2026, 11, 30))).isEqualTo("SS 30 Nov 2026");
        assertThat(BoardReportHtml.period(PeriodType.SNAPSHOT, LocalDate.of(2026, 12, 6))).isEqualTo("SS 6 Dec 2026");
        assertThat(BoardReportHtml.period(PeriodType.MONTH, LocalDate.of(2026, 11, 30))).isEqualTo("Month Nov 2026");
        assertThat(BoardReportHtml.period(PeriodType.R12M, LocalDate.of(2026, 11, 30))).isEqualTo("R12M to Nov 2026");
        // Three letters, as the seeds print them, whatever the JDK's locale data has ("Sept").
        assertThat(BoardReportHtml.period(PeriodType.YTD, LocalDate.of(2026, 9, 30))).isEqualTo("YTD to Sep 2026");
        assertThat(BoardReportHtml.financialYear(YearMonth.of(2026, 4))).isEqualTo("2026/27");
        assertThat(BoardReportHtml.financialYear(YearMonth.of(2027, 3))).isEqualTo("2026/27");
    }

    private static String row(String html, String indicatorId) {
        String row = html.substring(html.indexOf("<tr data-indicator=\"" + indicatorId + "\">"));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
