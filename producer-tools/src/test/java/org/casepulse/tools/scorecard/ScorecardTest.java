package org.casepulse.tools.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.api.Test;

class ScorecardTest {
    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.defaults();
    private static final AreaHierarchy AREAS = AreaHierarchy.defaults();

    @Test
    void shouldShowEachIndicatorsHeadlineFigureWithTheBestAreaAndTheHotspotsWorstFirst() {
        Scorecard card = Scorecard.build(KnownSnapshots.board(), CATALOGUE, AREAS, "NATIONAL", null, null);

        assertThat(card.rows()).hasSize(17);
        assertThat(ScorecardRenderer.render(card, false, true)).isEqualTo(KnownSnapshots.NATIONAL_SCORECARD);
    }

    @Test
    void shouldShowOnlyThePeriodAskedAndMarkRestatedFigures() {
        String text = ScorecardRenderer.render(
                Scorecard.build(KnownSnapshots.board(), CATALOGUE, AREAS, "NATIONAL", PeriodType.MONTH, null), false, true);

        assertThat(text).contains("Period: MONTH\n")
                .containsPattern("Cases allocated within 2 working days of referral +H +2026-02 +65.0% +72.5% r1 +GREEN")
                .contains("Not published for MONTH: repeat-cp-plan, cp-plan-over-2y-at-end, referral-rate-per-10k, "
                        + "demand-change, workload-allocated, unallocated-over-7wd, assessments-open-over-45wd, "
                        + "cp-visit-overdue, average-caseload\n")
                .doesNotContain("Average caseload");
    }

    @Test
    void shouldTakeTheLatestFigureOnOrBeforeTheDateAsked() {
        Scorecard february = Scorecard.build(KnownSnapshots.board(), CATALOGUE, AREAS, "NATIONAL", null,
                LocalDate.parse("2026-02-28"));
        assertThat(row(february, "average-caseload").figure().getValue()).isEqualTo(17.9);
        assertThat(row(february, "unallocated-over-7wd").figure()).isNull();

        Scorecard january = Scorecard.build(KnownSnapshots.board(), CATALOGUE, AREAS, "NATIONAL", PeriodType.YTD,
                LocalDate.parse("2026-02-27"));
        Scorecard.Row allocation = row(january, "allocation-within-2wd");
        assertThat(allocation.figure().getValue()).isEqualTo(70.2);
        assertThat(allocation.best()).isEmpty();
        assertThat(allocation.hotspots()).isEmpty();
        assertThat(ScorecardRenderer.render(january, false, true)).startsWith(
                "Casepulse scorecard: National (NATIONAL), figures as of 2026-02-27\n");
    }

    @Test
    void shouldCompareTheServiceAreasOfARegionOnly() {
        Scorecard north = Scorecard.build(KnownSnapshots.board(), CATALOGUE, AREAS, "NORTH", null, null);

        assertThat(north.compared().stream().map(Area::code)).containsExactly("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");
        Scorecard.Row allocation = row(north, "allocation-within-2wd");
        assertThat(allocation.figure().getValue()).isEqualTo(60.1);
        assertThat(allocation.best().orElseThrow().area().code()).isEqualTo("N1");
        assertThat(allocation.hotspots().stream().map(f -> f.area().code())).containsExactly("N6", "N3");
    }

    @Test
    void shouldLeaveOutBestAndHotspotsBelowTheLowestArea() {
        Scorecard s3 = Scorecard.build(KnownSnapshots.board(), CATALOGUE, AREAS, "S3", null, null);

        assertThat(s3.compared()).isEmpty();
        assertThat(row(s3, "average-caseload").figure().getValue()).isEqualTo(21.1);
        assertThat(ScorecardRenderer.render(s3, false, true)).doesNotContain("Best performance and hotspots");
    }

    @Test
    void shouldForgetWithdrawnFiguresAndKeepIndicatorsTheCatalogueDoesNotKnow() {
        SnapshotBoard board = KnownSnapshots.board();
        var legacy = KnownSnapshots.figure("allocation-within-2wd", "NATIONAL", PeriodType.MONTH, "2026-01-31")
                .setIndicatorId("legacy-indicator").setNumerator(3).setDenominator(4L).setValue(75.0).build();
        assertThat(board.apply(KnownSnapshots.key(legacy), legacy)).isTrue();
        assertThat(board.apply(KnownSnapshots.key(legacy), legacy)).isFalse();

        Scorecard card = Scorecard.build(board, CATALOGUE, AREAS, "NATIONAL", null, null);
        assertThat(card.rows().get(card.rows().size() - 1).title()).isEqualTo("legacy-indicator");
        assertThat(row(card, "cp-visits-in-timescale").figure()).isNull();

        assertThat(board.apply(KnownSnapshots.key(legacy), null)).isTrue();
        assertThat(board.apply(KnownSnapshots.key(legacy), null)).isFalse();
        assertThat(Scorecard.build(board, CATALOGUE, AREAS, "NATIONAL", null, null).rows()).hasSize(17);
    }

    @Test
    void shouldColourTheRatingOnlyWhenAsked() {
        Scorecard card = Scorecard.build(KnownSnapshots.board(), CATALOGUE, AREAS, "NATIONAL", null, null);

        String coloured = ScorecardRenderer.render(card, true, true);
        assertThat(coloured).contains("\u001B[31mRED\u001B[0m", "\u001B[33mAMBER\u001B[0m", "\u001B[32mGREEN\u001B[0m");
        assertThat(coloured.replaceAll("\u001B\\[\\d+m", "")).isEqualTo(KnownSnapshots.NATIONAL_SCORECARD);
        assertThat(ScorecardRenderer.render(card, false, false)).doesNotContain("\u001B", "↑")
                .contains("^ improving", "v worsening", "= no change");
    }

    @Test
    void shouldRateNothingRedAsAHotspotWhenTheFiguresAreNotRated() {
        Scorecard card = Scorecard.build(KnownSnapshots.board(), CATALOGUE, AREAS, "NATIONAL", null, null);
        assertThat(card.rows()).allSatisfy(row -> assertThat(row.hotspots())
                .allSatisfy(hotspot -> assertThat(hotspot.figure().getRag()).isEqualTo(Rag.RED)));
    }

    private static Scorecard.Row row(Scorecard card, String indicatorId) {
        return card.rows().stream().filter(r -> r.indicatorId().equals(indicatorId)).findFirst().orElseThrow();
    }
}
