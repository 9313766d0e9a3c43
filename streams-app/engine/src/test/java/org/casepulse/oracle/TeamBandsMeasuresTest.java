package org.casepulse.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.snapshots.PeriodType.MONTH;
import static org.casepulse.snapshots.PeriodType.YTD;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.ReportType;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.Test;

/**
 * FC5's shares of teams by band (COUNTING.md 13.1), worked by hand: each history goes through the
 * reference computation and the topology, which must agree on every figure; the topology is also
 * followed step by step, as an amendment moves a team to another band and a retraction takes a
 * team's only report away. Today is Friday 20 June 2025; the teams are the service areas.
 */
class TeamBandsMeasuresTest {
    private static final String TODAY = "2025-06-20";
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final String UNDER_12 = "s7-teams-filing-under-12-weeks";
    private static final String FROM_13_TO_16 = "s7-teams-filing-13-to-16-weeks";
    private static final String OVER_16 = "s7-teams-filing-over-16-weeks";

    private final CaseScript n1 = CaseScript.of("c1", "k1", "N1");
    private final CaseScript n2 = CaseScript.of("c2", "k2", "N2");
    private final CaseScript c1 = CaseScript.of("c3", "k3", "C1");
    private final CaseScript n3 = CaseScript.of("c4", "k4", "N3");
    // N1 12.0 weeks (84 days), N2 13.0 (91), C1 21.0 (147): all filed on 2 June. N3 5.0 weeks, filed in May.
    private final CaseEvent n2Order = ordered(n2, "r2", "2025-03-03");
    private final CaseEvent c1Filing = filed(c1, "r3", "2025-06-02");
    private final List<CaseEvent> history = List.of(
            n1.referral("2025-03-01"), ordered(n1, "r1", "2025-03-10"), filed(n1, "r1", "2025-06-02"),
            n2.referral("2025-03-01"), n2Order, filed(n2, "r2", "2025-06-02"),
            c1.referral("2024-12-20"), ordered(c1, "r3", "2025-01-06"), c1Filing,
            n3.referral("2025-03-20"), ordered(n3, "r4", "2025-04-01"), filed(n3, "r4", "2025-05-06"));

    @Test
    void shouldShareTheTeamsUnderEachAreaByTheBandOfTheirAverage() {
        ComputedFigures figures = ComputedFigures.of(REFERENCE, TODAY, history.toArray(CaseEvent[]::new));

        assertThat(figures.counts("s7-average-filing-weeks", "N1", MONTH, "2025-06")).isEqualTo("84/1");
        // June: North's teams with a figure are N1 (12.0, meets the standard) and N2 (13.0).
        assertThat(figures.counts(UNDER_12, "NORTH", MONTH, "2025-06")).isEqualTo("1/2");
        assertThat(figures.counts(FROM_13_TO_16, "NORTH", MONTH, "2025-06")).isEqualTo("1/2");
        assertThat(figures.counts(OVER_16, "NORTH", MONTH, "2025-06")).isEqualTo("0/2");
        assertThat(figures.counts(OVER_16, "CENTRAL", MONTH, "2025-06")).isEqualTo("1/1");
        assertThat(figures.counts(UNDER_12, "SOUTH", MONTH, "2025-06")).as("no team with a figure").isEqualTo("empty");
        assertThat(figures.counts(UNDER_12, "N1", MONTH, "2025-06")).as("a team has no teams below").isEqualTo("empty");
        ExpectedFigure national = figures.get(OVER_16, "NATIONAL", MONTH, "2025-06");
        assertThat(national.numerator() + "/" + national.denominator()).isEqualTo("1/3");
        assertThat(national.value()).isEqualByComparingTo("33.3");
        // May: N3 alone (5.0 weeks), all under 12; June's 50% is worse.
        ExpectedFigure june = figures.get(UNDER_12, "NORTH", MONTH, "2025-06");
        assertThat(june.previousValue()).isEqualByComparingTo("100.0");
        assertThat(june.directionOfTravel()).isEqualTo(DirectionOfTravel.WORSENING);
        // The year to date: N3's average is its May report's, N1's and N2's as in June.
        assertThat(figures.counts(UNDER_12, "NORTH", YTD, "2025-06")).isEqualTo("2/3");
    }

    @Test
    void shouldMoveTheSharesAsATeamsFigureChangesBandAndDropATeamWithoutAFigure() {
        CaseEvent earlierOrder = CaseScript.amended(n2Order, CaseScript.on("2025-03-17")); // N2: 77 days, 11.0 weeks
        CaseEvent retraction = c1.retraction(c1Filing, "2025-06-10");
        try (TopologyHarness harness = TopologyHarness.asOf(REFERENCE, LocalDate.parse(TODAY),
                ComputedFigures.REPORTING_MONTHS)) {
            harness.send(history).flush();
            assertThat(counts(harness, UNDER_12, "NORTH")).isEqualTo("1/2");
            assertThat(counts(harness, FROM_13_TO_16, "NORTH")).isEqualTo("1/2");

            harness.send(earlierOrder).flush();
            assertThat(counts(harness, UNDER_12, "NORTH")).isEqualTo("2/2");
            assertThat(counts(harness, FROM_13_TO_16, "NORTH")).as("published at nought, not withdrawn").isEqualTo("0/2");
            assertThat(counts(harness, UNDER_12, "NATIONAL")).isEqualTo("2/3");

            harness.send(retraction).flush();
            assertThat(counts(harness, OVER_16, "CENTRAL")).as("C1 has no figure left").isEqualTo("empty");
            assertThat(counts(harness, OVER_16, "NATIONAL")).isEqualTo("0/2");
            assertThat(counts(harness, UNDER_12, "NATIONAL")).isEqualTo("2/2");
        }
        List<CaseEvent> all = new ArrayList<>(history);
        all.add(earlierOrder);
        all.add(retraction);
        ComputedFigures figures = ComputedFigures.of(REFERENCE, TODAY, all.toArray(CaseEvent[]::new));
        assertThat(figures.counts(UNDER_12, "NATIONAL", MONTH, "2025-06")).isEqualTo("2/2");
    }

    private static String counts(TopologyHarness harness, String indicatorId, String areaCode) {
        IndicatorSnapshot figure = harness.figure(indicatorId, areaCode, PeriodType.MONTH, "2025-06-30");
        return figure == null ? "empty" : figure.getNumerator() + "/" + figure.getDenominator();
    }

    private static CaseEvent ordered(CaseScript c, String id, String date) {
        return c.event(EventType.REPORT_ORDERED, date, b -> b.setReportId(id).setReportType(ReportType.SECTION_7));
    }

    private static CaseEvent filed(CaseScript c, String id, String date) {
        return c.event(EventType.REPORT_FILED, date, b -> b.setReportId(id).setReportType(ReportType.SECTION_7));
    }
}
