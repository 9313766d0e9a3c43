package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.commentary.CommentaryBook;
import org.casepulse.scorecard.report.BoardReport;
import org.casepulse.scorecard.report.BoardReportHtml;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.Test;

/** The board report of figures the whole topology published for a known history. */
class BoardReportFromTopologyTest {
    private static final ReferenceData REFERENCE = ReferenceData.defaults();

    @Test
    void shouldReportTheMonthAsTheTopologyCountedIt() {
        SnapshotFigures figures = new SnapshotFigures();
        try (TopologyHarness harness = TopologyHarness.onWallClock(REFERENCE, LocalDate.parse("2024-04-20"))) {
            // N1: referred Friday 1 March, allocated Monday 4 March (1 working day); N2: 8 working days.
            CaseEvents quick = CaseEvents.forCase("case-1", "child-1");
            CaseEvents slow = CaseEvents.forCase("case-2", "child-2");
            harness.send(quick.referral("N1", "2024-03-01"), quick.allocation("N1", "2024-03-04", "w1"),
                    slow.referral("N2", "2024-03-05"), slow.allocation("N2", "2024-03-15", "w2")).flush();
            for (IndicatorSnapshot snapshot : harness.current().values()) {
                Figure figure = Figure.of(snapshot);
                figures.apply(figure.key(), figure);
            }
        }

        BoardReport report = BoardReport.of(figures, new CommentaryBook(), REFERENCE.catalogue(), REFERENCE.areas(),
                REFERENCE.areas().find("NORTH").orElseThrow(), YearMonth.of(2024, 3), null, code -> true);
        String html = BoardReportHtml.render(report);

        String row = html.substring(html.indexOf("<tr data-indicator=\"allocation-within-2wd\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("<td class=\"period\">YTD to Mar 2024</td>", ">50.0%*</td>", "rag-RED", "<td class=\"num\">1</td>",
                "<td class=\"num\">2</td>", "<td>N1 (100.0%*)</td>", "N2 (0.0%*)");
        assertThat(report.sections()).extracting(BoardReport.Section::name).startsWith("allocation and workload");
    }
}
