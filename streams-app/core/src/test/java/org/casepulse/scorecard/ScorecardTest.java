package org.casepulse.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorecardTest {
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final AreaHierarchy AREAS = REFERENCE.areas();
    private static final LocalDate TODAY = LocalDate.of(2025, 11, 14);
    private static final String CAUGHT_UP = "caught up";
    private static final SnapshotFigures FIGURES = new SnapshotFigures();

    @BeforeAll
    static void publishAYearOfFigures() {
        for (IndicatorSnapshot snapshot : new DemoFigures(REFERENCE, 7).all(TODAY, Instant.parse("2025-11-14T10:00:00Z"))) {
            Figure figure = Figure.of(snapshot);
            FIGURES.apply(figure.key(), figure);
        }
    }

    @Test
    void shouldCompareServiceAreasUnderTheNationAndARegion() {
        assertThat(Scorecard.peers(AREAS, AREAS.national())).hasSize(21)
                .allMatch(area -> area.level() == AreaLevel.SERVICE_AREA);
        assertThat(Scorecard.peers(AREAS, AREAS.area("NORTH"))).extracting(Area::code)
                .containsExactly("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");
        assertThat(Scorecard.peers(AREAS, AREAS.area("N1"))).isEmpty();
    }

    @Test
    void shouldShowEachIndicatorForItsHeadlinePeriodWhenNoneIsChosen() {
        Scorecard scorecard = Scorecard.of(FIGURES, REFERENCE.catalogue(), REFERENCE.areas(), AREAS.national(), null, null, CAUGHT_UP);

        assertThat(scorecard.rows()).hasSize(REFERENCE.catalogue().indicators().size());
        assertThat(row(scorecard, "allocation-within-2wd").periodType()).isEqualTo(PeriodType.YTD);
        assertThat(row(scorecard, "re-referral-12m").periodType()).isEqualTo(PeriodType.YTD);
        assertThat(row(scorecard, "referral-rate-per-10k").periodType()).isEqualTo(PeriodType.R12M);
        assertThat(row(scorecard, "workload-allocated").periodType()).isEqualTo(PeriodType.SNAPSHOT);
        assertThat(row(scorecard, "workload-allocated").latest().periodEnd()).isEqualTo(TODAY);
        assertThat(scorecard.peerLevel()).isEqualTo(AreaLevel.SERVICE_AREA);
        assertThat(scorecard.peers()).hasSize(21);
        assertThat(scorecard.updatedAt()).isEqualTo(Instant.parse("2025-11-14T10:00:00Z"));
        assertThat(scorecard.view()).isEqualTo("caught up");
    }

    @Test
    void shouldShowOnlyIndicatorsPublishedForTheChosenPeriod() {
        Scorecard scorecard = Scorecard.of(FIGURES, REFERENCE.catalogue(), REFERENCE.areas(), AREAS.area("NORTH"), PeriodType.R12M, null, CAUGHT_UP);

        assertThat(scorecard.rows()).extracting(row -> row.indicator().id())
                .containsExactly("re-referral-12m", "initial-assessments-per-10k", "core-assessments-per-10k",
                        "referral-rate-per-10k", "early-help-assessments-per-10k", "s47-enquiries-per-10k",
                        "initial-conferences-per-10k");
        // Grouped by section as the county scorecard is, in the order the catalogue first names each.
        assertThat(scorecard.rows()).extracting(row -> row.indicator().section()).containsExactly(
                "referral and assessment", "referral and assessment", "referral and assessment", "demand", "demand",
                "child protection", "child protection");
        assertThat(scorecard.rows()).allMatch(row -> row.periodType() == PeriodType.R12M);
    }

    @Test
    void shouldGiveTheLatestFigureBestPerformanceHotspotsAndTwelveMonthTrend() {
        Scorecard scorecard = Scorecard.of(FIGURES, REFERENCE.catalogue(), REFERENCE.areas(), AREAS.national(), PeriodType.YTD, null, CAUGHT_UP);
        Scorecard.Row row = row(scorecard, "allocation-within-2wd");
        LocalDate november = LocalDate.of(2025, 11, 30);
        List<Figure> serviceAreas = FIGURES.find(new FigureFilter("allocation-within-2wd", null, PeriodType.YTD,
                november, november)).stream().filter(figure -> figure.areaLevel() == AreaLevel.SERVICE_AREA).toList();

        assertThat(row.latest().periodEnd()).isEqualTo(november);
        assertThat(row.latest().areaCode()).isEqualTo("NATIONAL");
        Figure best = serviceAreas.stream().max(Comparator.comparing(Figure::value)).orElseThrow();
        assertThat(row.best().areaCode()).isEqualTo(best.areaCode());
        assertThat(row.best().value()).isEqualTo(best.value());
        assertThat(row.best().areaName()).isEqualTo(AREAS.area(best.areaCode()).name());
        assertThat(row.hotspots()).extracting(Scorecard.Standing::areaCode).containsExactlyElementsOf(
                serviceAreas.stream().filter(figure -> figure.rag() == Rag.RED)
                        .sorted(Comparator.comparing(Figure::value)).map(Figure::areaCode).toList());
        assertThat(row.hotspots()).isNotEmpty();
        assertThat(row.trend()).hasSize(12);
        assertThat(row.trend().get(11).periodEnd()).isEqualTo(november);
        assertThat(row.trend().get(0).periodEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void shouldLeaveRowsWithoutFiguresEmptyAndServiceAreasWithoutPeers() {
        Scorecard empty = Scorecard.of(new SnapshotFigures(), REFERENCE.catalogue(), REFERENCE.areas(), AREAS.area("N1"), PeriodType.MONTH,
                null, "catching up: 3 of 10 records");

        assertThat(empty.peerLevel()).isNull();
        assertThat(empty.peers()).isEmpty();
        assertThat(empty.updatedAt()).isNull();
        assertThat(empty.view()).isEqualTo("catching up: 3 of 10 records");
        assertThat(empty.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.latest()).isNull();
            assertThat(row.best()).isNull();
            assertThat(row.hotspots()).isEmpty();
            assertThat(row.trend()).isEmpty();
        });
    }

    private static Scorecard.Row row(Scorecard scorecard, String indicator) {
        return scorecard.rows().stream().filter(row -> row.indicator().id().equals(indicator)).findFirst().orElseThrow();
    }
}
