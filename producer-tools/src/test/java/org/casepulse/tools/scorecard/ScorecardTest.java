package org.casepulse.tools.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.Scorecard;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.api.Test;

class ScorecardTest {
    private static final IndicatorCatalogue CATALOGUE = KnownSnapshots.CATALOGUE;
    private static final AreaHierarchy AREAS = AreaHierarchy.defaults();

    @Test
    void shouldShowEachIndicatorsHeadlineFigureWithTheBestAreaAndTheHotspotsWorstFirst() {
        Scorecard card = Scorecard.of(KnownSnapshots.board(), CATALOGUE, AREAS, AREAS.area("NATIONAL"), null, null, null);

        assertThat(card.rows()).hasSize(17);
        assertThat(ScorecardRenderer.render(card, CATALOGUE, false, true)).isEqualTo(KnownSnapshots.NATIONAL_SCORECARD);
    }

    @Test
    void shouldShowOnlyThePeriodAskedAndMarkRestatedFigures() {
        String text = ScorecardRenderer.render(
                Scorecard.of(KnownSnapshots.board(), CATALOGUE, AREAS, AREAS.area("NATIONAL"), PeriodType.MONTH, null, null),
                CATALOGUE, false, true);

        assertThat(text).contains("Period: MONTH\n")
                .containsPattern("Cases allocated within 2 working days of referral +H +2026-02 +65.0% +72.5% r1 +GREEN")
                .contains("Not published for MONTH: workload-allocated, unallocated-over-7wd, average-caseload, "
                        + "referral-rate-per-10k, demand-change, assessments-open-over-45wd, repeat-cp-plan, "
                        + "cp-plan-over-2y-at-end, cp-visit-overdue\n")
                .contains("\n  Child protection\n")
                .doesNotContain("Average caseload");
    }

    @Test
    void shouldTakeTheLatestFigureOnOrBeforeTheDateAsked() {
        Scorecard february = Scorecard.of(KnownSnapshots.board(), CATALOGUE, AREAS, AREAS.national(), null,
                LocalDate.parse("2026-02-28"), null);
        assertThat(row(february, "average-caseload").latest().value()).isEqualTo(17.9);
        assertThat(row(february, "unallocated-over-7wd").latest()).isNull();

        Scorecard january = Scorecard.of(KnownSnapshots.board(), CATALOGUE, AREAS, AREAS.national(), PeriodType.YTD,
                LocalDate.parse("2026-02-27"), null);
        Scorecard.Row allocation = row(january, "allocation-within-2wd");
        assertThat(allocation.latest().value()).isEqualTo(70.2);
        assertThat(allocation.best()).isNull();
        assertThat(allocation.hotspots()).isEmpty();
        assertThat(ScorecardRenderer.render(january, CATALOGUE, false, true)).startsWith(
                "Casepulse scorecard: National (NATIONAL), figures as of 2026-02-27\n");
    }

    @Test
    void shouldCompareTheServiceAreasOfARegionOnly() {
        Scorecard north = Scorecard.of(KnownSnapshots.board(), CATALOGUE, AREAS, AREAS.area("NORTH"), null, null, null);

        assertThat(north.peers()).containsExactly("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");
        Scorecard.Row allocation = row(north, "allocation-within-2wd");
        assertThat(allocation.latest().value()).isEqualTo(60.1);
        assertThat(allocation.best().areaCode()).isEqualTo("N1");
        assertThat(allocation.hotspots().stream().map(Scorecard.Standing::areaCode)).containsExactly("N6", "N3");
    }

    @Test
    void shouldLeaveOutBestAndHotspotsBelowTheLowestArea() {
        Scorecard s3 = Scorecard.of(KnownSnapshots.board(), CATALOGUE, AREAS, AREAS.area("S3"), null, null, null);

        assertThat(s3.peers()).isEmpty();
        assertThat(row(s3, "average-caseload").latest().value()).isEqualTo(21.1);
        assertThat(ScorecardRenderer.render(s3, CATALOGUE, false, true)).doesNotContain("Best performance and hotspots");
    }

    @Test
    void shouldForgetWithdrawnFigures() {
        SnapshotFigures board = KnownSnapshots.board();
        var february = KnownSnapshots.figure("allocation-within-2wd", "NATIONAL", PeriodType.MONTH, "2026-03-31")
                .setNumerator(3).setDenominator(4L).setValue(75.0).build();
        board.apply(FigureKey.of(KnownSnapshots.key(february)), Figure.of(february));
        assertThat(row(Scorecard.of(board, CATALOGUE, AREAS, AREAS.national(), PeriodType.MONTH, null, null),
                "allocation-within-2wd").latest().value()).isEqualTo(75.0);

        board.apply(FigureKey.of(KnownSnapshots.key(february)), null);
        assertThat(row(Scorecard.of(board, CATALOGUE, AREAS, AREAS.national(), PeriodType.MONTH, null, null),
                "allocation-within-2wd").latest().value()).isEqualTo(72.5);
    }

    @Test
    void shouldColourTheRatingOnlyWhenAsked() {
        Scorecard card = Scorecard.of(KnownSnapshots.board(), CATALOGUE, AREAS, AREAS.area("NATIONAL"), null, null, null);

        String coloured = ScorecardRenderer.render(card, CATALOGUE, true, true);
        assertThat(coloured).contains("\u001B[31mRED\u001B[0m", "\u001B[33mAMBER\u001B[0m", "\u001B[32mGREEN\u001B[0m");
        assertThat(coloured.replaceAll("\u001B\\[\\d+m", "")).isEqualTo(KnownSnapshots.NATIONAL_SCORECARD);
        assertThat(ScorecardRenderer.render(card, CATALOGUE, false, false)).doesNotContain("\u001B", "↑")
                .contains("^ improving", "v worsening", "= no change");
    }

    @Test
    void shouldRateNothingRedAsAHotspotWhenTheFiguresAreNotRated() {
        Scorecard card = Scorecard.of(KnownSnapshots.board(), CATALOGUE, AREAS, AREAS.area("NATIONAL"), null, null, null);
        assertThat(card.rows()).allSatisfy(row -> assertThat(row.hotspots())
                .allSatisfy(hotspot -> assertThat(hotspot.rag()).isEqualTo(Rag.RED)));
    }

    private static Scorecard.Row row(Scorecard card, String indicatorId) {
        return card.rows().stream().filter(r -> r.indicator().id().equals(indicatorId)).findFirst().orElseThrow();
    }
}
