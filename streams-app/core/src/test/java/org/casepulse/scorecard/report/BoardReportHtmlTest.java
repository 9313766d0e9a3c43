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
                "<td>YTD to Mar 2026</td>", "<td class=\"num\">65.0%</td>", ">59.6%</td>",
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
}
