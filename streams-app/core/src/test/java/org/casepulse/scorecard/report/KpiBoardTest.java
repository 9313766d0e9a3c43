package org.casepulse.scorecard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.scorecard.Figures.percent;

import java.time.LocalDate;
import java.time.YearMonth;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.api.Test;

/** Seed 000's KPI board from the read model: the KPI entries in label order, each service area's value, best and hotspots. */
class KpiBoardTest {
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final LocalDate END = OCTOBER.atEndOfMonth();
    private static final String KPI_7 = "diversity-forms-on-closed-cases";
    private static final String KPI_5B = "private-law-risk-identification";

    private static SnapshotFigures figures() {
        SnapshotFigures figures = new SnapshotFigures();
        apply(figures, percent(KPI_7, "NATIONAL", AreaLevel.NATIONAL, PeriodType.YTD, END, 85.4, Rag.RED).setTarget(95.0));
        apply(figures, percent(KPI_7, "N1", AreaLevel.SERVICE_AREA, PeriodType.YTD, END, 66.7, Rag.RED).setTarget(95.0));
        apply(figures, percent(KPI_7, "S5", AreaLevel.SERVICE_AREA, PeriodType.YTD, END, 98.6, Rag.GREEN).setTarget(95.0));
        apply(figures, percent(KPI_5B, "NATIONAL", AreaLevel.NATIONAL, PeriodType.YTD, END, 65.3, Rag.RED).setTarget(100.0));
        apply(figures, percent(KPI_5B, "S4", AreaLevel.SERVICE_AREA, PeriodType.YTD, END, 100.0, Rag.GREEN).setTarget(100.0));
        return figures;
    }

    private static void apply(SnapshotFigures figures, IndicatorSnapshot.Builder snapshot) {
        Figure figure = Figure.of(snapshot.build());
        figures.apply(figure.key(), figure);
    }

    @Test
    void shouldListTheKpisInLabelOrderWithEveryServiceAreasValue() {
        KpiBoard board = KpiBoard.of(figures(), REFERENCE.catalogue(), REFERENCE.areas(),
                REFERENCE.areas().find("NATIONAL").orElseThrow(), OCTOBER, code -> true);

        assertThat(board.rows()).extracting(KpiBoard.Row::label)
                .containsExactly("KPI 1", "KPI 2", "KPI 3", "KPI 4", "KPI 5A", "KPI 5B", "KPI 6", "KPI 7",
                        "KPI 8");
        assertThat(board.peers()).hasSize(21);
        KpiBoard.Row diversity = board.rows().get(7);
        assertThat(diversity.indicator().id()).isEqualTo(KPI_7);
        assertThat(diversity.figure().value()).isEqualTo(85.4);
        assertThat(diversity.best().areaCode()).isEqualTo("S5");
        assertThat(diversity.hotspots()).extracting(s -> s.areaCode()).containsExactly("N1");
        int n1 = board.peers().stream().map(p -> p.code()).toList().indexOf("N1");
        assertThat(diversity.values().get(n1).value()).isEqualTo(66.7);
        assertThat(diversity.values().stream().filter(v -> v != null)).hasSize(2);
        assertThat(board.rows().get(0).figure()).as("KPI 1 has no figure here").isNull();
        assertThat(board.isFilled()).isTrue();

        String html = KpiBoardHtml.render(board);
        assertThat(html).contains("<title>National: KPI board, October 2026</title>", "<th>KPI 5B</th>",
                "<td>S5 (98.6%)</td>", "<td>N1 (66.7%)</td>", "class=\"num rag-RED\">66.7%</td>",
                "class=\"rag rag-RED\">RED</td>");
    }

    @Test
    void shouldLeaveOutServiceAreasTheReaderMayNotSee() {
        KpiBoard board = KpiBoard.of(figures(), REFERENCE.catalogue(), REFERENCE.areas(),
                REFERENCE.areas().find("NATIONAL").orElseThrow(), OCTOBER, code -> !code.equals("S5"));

        assertThat(board.peers()).hasSize(20).noneMatch(p -> p.code().equals("S5"));
        assertThat(board.rows().get(7).best().areaCode()).isNotEqualTo("S5");
    }

    @Test
    void shouldOrderKpiLabelsByTheirNumberThenLetter() {
        assertThat(KpiBoard.byKpiNumber("KPI 2", "KPI 10")).isNegative();
        assertThat(KpiBoard.byKpiNumber("KPI 5A", "KPI 5B")).isNegative();
        assertThat(KpiBoard.byKpiNumber("KPI 7", "KPI 5B")).isPositive();
    }
}
