package org.casepulse.oracle;

import org.casepulse.reference.ReferenceData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.oracle.ComputedFigures.withIndicators;
import static org.casepulse.snapshots.PeriodType.MONTH;
import static org.casepulse.snapshots.PeriodType.SNAPSHOT;
import static org.casepulse.snapshots.PeriodType.YTD;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.Target;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.api.Test;

/**
 * From facts to published figures (COUNTING.md sections 4 and 5): periods, the reporting window,
 * empty figures, area levels, previous values, direction of travel, targets and small numbers.
 */
class FiguresTest {
    private static final String TODAY = "2024-06-15";

    /** Completions seen on Sat 10 Feb, not seen on Sun 10 Mar, seen on Wed 10 Apr 2024, in N1. */
    private static CaseEvent[] completionsAcrossTheYearEnd() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        return new CaseEvent[] {
                c1.referral("2024-02-01"),
                c1.assessmentStarted("A1", "2024-02-02"), c1.assessmentCompleted("A1", "2024-02-10", true),
                c1.assessmentStarted("A2", "2024-02-03"), c1.assessmentCompleted("A2", "2024-03-10", false),
                c1.assessmentStarted("A3", "2024-02-04"), c1.assessmentCompleted("A3", "2024-04-10", true)};
    }

    @Test
    void shouldAddUpTheYearToDateFromAprilAcrossTheFinancialYearEnd() {
        ComputedFigures figures = ComputedFigures.of(TODAY, completionsAcrossTheYearEnd());

        ExpectedFigure march = figures.get("children-seen-at-assessment", "N1", YTD, "2024-03");
        assertThat(march.periodStart()).isEqualTo(LocalDate.parse("2023-04-01"));
        assertThat(march.periodEnd()).isEqualTo(LocalDate.parse("2024-03-31"));
        assertThat(figures.counts("children-seen-at-assessment", "N1", YTD, "2024-02")).isEqualTo("1/1");
        assertThat(figures.counts("children-seen-at-assessment", "N1", YTD, "2024-03")).isEqualTo("1/2");
        // April starts a new financial year: March's completions drop out.
        ExpectedFigure april = figures.get("children-seen-at-assessment", "N1", YTD, "2024-04");
        assertThat(april.periodStart()).isEqualTo(LocalDate.parse("2024-04-01"));
        assertThat(april.numerator()).isEqualTo(1);
        assertThat(april.denominator()).isEqualTo(1);
        // May has no completion: its MONTH is empty and not published, its YTD still holds April's.
        assertThat(figures.counts("children-seen-at-assessment", "N1", MONTH, "2024-05")).isEqualTo("empty");
        assertThat(figures.counts("children-seen-at-assessment", "N1", YTD, "2024-05")).isEqualTo("1/1");
    }

    @Test
    void shouldCompareEachFigureWithThePreviousPeriodOfTheSameKind() {
        ComputedFigures figures = ComputedFigures.of(TODAY, completionsAcrossTheYearEnd());

        // Children seen: polarity H, target 95, tolerance 5.
        ExpectedFigure february = figures.get("children-seen-at-assessment", "N1", MONTH, "2024-02");
        assertThat(february.value()).isEqualByComparingTo("100.0");
        assertThat(february.rag()).isEqualTo(Rag.GREEN);
        assertThat(february.previousValue()).isNull();                         // January is empty
        assertThat(february.directionOfTravel()).isEqualTo(DirectionOfTravel.NOT_COMPARABLE);
        ExpectedFigure march = figures.get("children-seen-at-assessment", "N1", MONTH, "2024-03");
        assertThat(march.value()).isEqualByComparingTo("0.0");
        assertThat(march.rag()).isEqualTo(Rag.RED);
        assertThat(march.previousValue()).isEqualByComparingTo("100.0");
        assertThat(march.directionOfTravel()).isEqualTo(DirectionOfTravel.WORSENING);
        ExpectedFigure april = figures.get("children-seen-at-assessment", "N1", MONTH, "2024-04");
        assertThat(april.previousValue()).isEqualByComparingTo("0.0");
        assertThat(april.directionOfTravel()).isEqualTo(DirectionOfTravel.IMPROVING);
        // April's YTD (1/1 = 100.0) against March's, the whole previous year (1/2 = 50.0).
        ExpectedFigure aprilYtd = figures.get("children-seen-at-assessment", "N1", YTD, "2024-04");
        assertThat(aprilYtd.previousValue()).isEqualByComparingTo("50.0");
        assertThat(aprilYtd.directionOfTravel()).isEqualTo(DirectionOfTravel.IMPROVING);
        ExpectedFigure mayYtd = figures.get("children-seen-at-assessment", "N1", YTD, "2024-05");
        assertThat(mayYtd.previousValue()).isEqualByComparingTo("100.0");
        assertThat(mayYtd.directionOfTravel()).isEqualTo(DirectionOfTravel.NO_CHANGE);
    }

    @Test
    void shouldPublishFiguresForTheReportingWindowOnlyAndNoPreviousValueFromBeforeIt() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent[] history = {
                c1.referral("2023-05-01"), c1.allocation("2023-05-02", "w1"),
                c1.assessmentStarted("A1", "2023-05-02"), c1.assessmentCompleted("A1", "2023-05-10", true),
                c1.assessmentStarted("A2", "2023-05-03"), c1.assessmentCompleted("A2", "2023-06-10", true)};

        // 13 months to June 2024: June 2023 is the first month; May 2023 has a fact but is outside.
        ComputedFigures figures = ComputedFigures.of(TODAY, history);
        assertThat(figures.counts("children-seen-at-assessment", "N1", MONTH, "2023-05")).isEqualTo("empty");
        ExpectedFigure june = figures.get("children-seen-at-assessment", "N1", MONTH, "2023-06");
        assertThat(june.previousValue()).isNull();
        assertThat(june.directionOfTravel()).isEqualTo(DirectionOfTravel.NOT_COMPARABLE);
        // The YTD of June 2023 counts May's fact all the same: the window limits figures, not facts.
        assertThat(figures.counts("children-seen-at-assessment", "N1", YTD, "2023-06")).isEqualTo("2/2");

        // Three months: April to June 2024 only. The case is open and allocated throughout.
        var three = ReferenceComputation.compute(List.of(history), ReferenceData.defaults(), LocalDate.parse(TODAY), 3);
        assertThat(three.keySet())
                .filteredOn(key -> key.indicatorId().equals("workload-allocated") && key.areaCode().equals("N1"))
                .extracting(FigureKey::periodEnd)
                .containsExactlyInAnyOrder(LocalDate.parse("2024-04-30"), LocalDate.parse("2024-05-31"),
                        LocalDate.parse(TODAY));
        assertThat(three.keySet()).extracting(FigureKey::periodEnd)
                .allMatch(end -> !end.isBefore(LocalDate.parse("2024-04-01")));
    }

    @Test
    void shouldPublishSnapshotsAtEveryPastMonthEndOfTheWindowAndAtToday() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseEvent[] history = {c1.referral("2023-01-02")};   // open and unallocated throughout

        ComputedFigures midMonth = ComputedFigures.of(TODAY, history);
        assertThat(snapshotEnds(midMonth, "unallocated-over-7wd", "N1")).hasSize(13)
                .contains(LocalDate.parse("2023-06-30"), LocalDate.parse("2024-05-31"), LocalDate.parse(TODAY))
                .doesNotContain(LocalDate.parse("2024-06-30"));
        ExpectedFigure today = midMonth.get("unallocated-over-7wd", "N1", SNAPSHOT, TODAY);
        assertThat(today.value()).isEqualByComparingTo("1");
        assertThat(today.rag()).isEqualTo(Rag.GREEN);                           // L: 1 against a target of 20
        assertThat(today.previousValue()).isEqualByComparingTo("1");            // the figure at 31 May
        assertThat(today.directionOfTravel()).isEqualTo(DirectionOfTravel.NO_CHANGE);
        assertThat(midMonth.get("unallocated-over-7wd", "N1", SNAPSHOT, "2023-06-30").previousValue()).isNull();

        // When today is a month end, its snapshot and the month end's are one figure.
        ComputedFigures monthEnd = ComputedFigures.of("2024-05-31", history);
        assertThat(snapshotEnds(monthEnd, "unallocated-over-7wd", "N1")).hasSize(13)
                .contains(LocalDate.parse("2023-05-31"), LocalDate.parse("2024-05-31"));
    }

    @Test
    void shouldRollFactsUpToEveryAreaLevelAndPublishNothingWhereThereAreNone() {
        CaseScript n1 = CaseScript.of("c1", "k1", "N1");
        CaseScript s3 = CaseScript.of("c2", "k2", "S3");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                n1.referral("2024-03-01"), n1.allocation("2024-03-05", "w1"),   // within 2
                s3.referral("2024-03-01"), s3.allocation("2024-03-20", "w2"));  // not within 2

        assertThat(figures.get("allocation-within-2wd", "N1", MONTH, "2024-03").areaLevel())
                .isEqualTo(AreaLevel.SERVICE_AREA);
        assertThat(figures.get("allocation-within-2wd", "NORTH", MONTH, "2024-03").areaLevel())
                .isEqualTo(AreaLevel.REGION);
        assertThat(figures.get("allocation-within-2wd", "NATIONAL", MONTH, "2024-03").areaLevel())
                .isEqualTo(AreaLevel.NATIONAL);
        assertThat(figures.counts("allocation-within-2wd", "S3", MONTH, "2024-03")).isEqualTo("0/1");
        assertThat(figures.counts("allocation-within-2wd", "SOUTH", MONTH, "2024-03")).isEqualTo("0/1");
        assertThat(figures.counts("allocation-within-2wd", "NATIONAL", MONTH, "2024-03")).isEqualTo("1/2");
        assertThat(figures.counts("allocation-within-2wd", "CENTRAL", MONTH, "2024-03")).isEqualTo("empty");
        assertThat(figures.counts("allocation-within-2wd", "N2", MONTH, "2024-03")).isEqualTo("empty");
    }

    @Test
    void shouldFlagSmallDenominatorsOfProportionsButNotOfCounts() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        ComputedFigures figures = ComputedFigures.of(TODAY,
                c1.referral("2024-05-01"), c1.allocation("2024-05-02", "w1"));

        assertThat(figures.get("workload-allocated", "N1", SNAPSHOT, TODAY).smallNumbers()).isTrue();     // PERCENT
        assertThat(figures.get("average-caseload", "N1", SNAPSHOT, TODAY).smallNumbers()).isTrue();       // RATIO
        assertThat(figures.get("unallocated-over-7wd", "N1", SNAPSHOT, TODAY).smallNumbers()).isFalse();  // COUNT
        assertThat(figures.get("referral-rate-per-10k", "N1", PeriodType.R12M, "2024-05").smallNumbers())
                .isFalse();                                                                                // RATE
    }

    @Test
    void shouldRateAgainstTheTargetOfThePeriodEndsFinancialQuarter() {
        IndicatorDefinition shipped = IndicatorCatalogue.defaults().indicator("children-seen-at-assessment");
        IndicatorDefinition phased = new IndicatorDefinition("children-seen-phased", shipped.title(),
                shipped.measure(), shipped.parameters(), shipped.polarity(), shipped.unit(),
                Target.phased(new BigDecimal("60"), new BigDecimal("70"), new BigDecimal("80"), new BigDecimal("40")),
                BigDecimal.ZERO, shipped.periods(), shipped.caseType(), shipped.smallNumberThreshold(),
                shipped.decimals(), shipped.description());
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        ComputedFigures figures = ComputedFigures.of(withIndicators(phased), TODAY,
                c1.referral("2024-03-01"),
                c1.assessmentStarted("A1", "2024-03-02"), c1.assessmentCompleted("A1", "2024-03-10", true),
                c1.assessmentStarted("A2", "2024-03-03"), c1.assessmentCompleted("A2", "2024-03-11", false),
                c1.assessmentStarted("A3", "2024-03-04"), c1.assessmentCompleted("A3", "2024-04-10", true),
                c1.assessmentStarted("A4", "2024-03-05"), c1.assessmentCompleted("A4", "2024-04-11", false));

        // March (Q4, target 40): 50.0 is green; April (Q1, target 60): 50.0 is red, no tolerance.
        ExpectedFigure march = figures.get("children-seen-phased", "N1", MONTH, "2024-03");
        assertThat(march.target()).isEqualByComparingTo("40");
        assertThat(march.rag()).isEqualTo(Rag.GREEN);
        ExpectedFigure april = figures.get("children-seen-phased", "N1", MONTH, "2024-04");
        assertThat(april.target()).isEqualByComparingTo("60");
        assertThat(april.rag()).isEqualTo(Rag.RED);
    }

    private static List<LocalDate> snapshotEnds(ComputedFigures figures, String indicatorId, String areaCode) {
        return figures.all().keySet().stream()
                .filter(key -> key.indicatorId().equals(indicatorId) && key.areaCode().equals(areaCode))
                .map(FigureKey::periodEnd)
                .toList();
    }
}
