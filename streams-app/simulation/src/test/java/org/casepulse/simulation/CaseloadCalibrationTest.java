package org.casepulse.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.measures.CaseFacts;
import org.casepulse.indicators.workforce.PostFacts;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.workforce.WorkforceEvent;
import org.junit.jupiter.api.Test;

/**
 * The workforce sized to the case simulation's work (COUNTING.md 14.8): at the demo's 60 referrals
 * a working day, the national caseloads per FTE of the default catalogue's entries land near seed
 * 003's (15.7 in children in care teams, 20.8 in the others; targets 15 and 20). The cases and the
 * posts are counted by the core's own facts, as the engine counts them (the engine's agreement with
 * COUNTING.md is DifferentialTest's to show); the figures are printed for the README.
 */
class CaseloadCalibrationTest {

    private static final LocalDate FROM = LocalDate.parse("2025-04-01");
    private static final LocalDate TO = LocalDate.parse("2026-12-05");
    private static final LocalDate MONTH_END = LocalDate.parse("2026-11-30");

    @Test
    void shouldHoldCaseloadsPerFteNearTheCountysFigures() {
        WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
        SimulationSettings settings = SimulationSettings.defaults(TO).withPeriod(FROM, TO).withSeed(7)
                .withReferralsPerWorkingDay(60);
        Simulation simulation = new Simulation(settings, AreaHierarchy.defaults(), calendar);
        IndicatorCatalogue catalogue = IndicatorCatalogue.defaults();

        Map<String, List<CaseEvent>> cases = new HashMap<>();
        simulation.events().forEach(e -> cases.computeIfAbsent(e.getCaseId(), id -> new ArrayList<>()).add(e));
        Map<String, long[]> counts = new TreeMap<>();
        CaseFacts caseFacts = new CaseFacts(catalogue, calendar);
        for (List<CaseEvent> events : cases.values()) {
            add(counts, caseFacts.compute(CaseHistory.of(events)).toList());
        }
        Map<String, List<WorkforceEvent>> posts = new HashMap<>();
        WorkforceSimulation.generate(7, simulation.referralsByArea(), FROM, TO, calendar).stream()
                .filter(fact -> fact.getPostId() != null)
                .forEach(fact -> posts.computeIfAbsent(fact.getPostId(), id -> new ArrayList<>()).add(fact));
        PostFacts postFacts = new PostFacts(catalogue);
        for (List<WorkforceEvent> versions : posts.values()) {
            add(counts, postFacts.compute(versions).toList());
        }

        counts.forEach((id, c) -> System.out.printf("%s at %s: %,d cases / %.1f FTE = %.1f%n", id, MONTH_END, c[0],
                c[1] / 100.0, 100.0 * c[0] / c[1]));
        assertThat(perFte(counts.get("caseload-per-fte-children-in-care"))).as("003: 15.7, target 15").isBetween(13.0, 18.0);
        assertThat(perFte(counts.get("caseload-per-fte-other-teams"))).as("003: 20.8, target 20").isBetween(15.0, 22.0);
        assertThat(perFte(counts.get("caseload-per-fte-assessment"))).isBetween(14.0, 22.0);
        assertThat(perFte(counts.get("caseload-per-fte-safeguarding"))).isBetween(14.0, 22.0);
        assertThat(perFte(counts.get("caseload-per-fte-front-door"))).as("002's MASH: 13").isBetween(2.0, 15.0);
    }

    /** The cases and FTE hundredths of each caseload-per-fte entry at the month end, nationally. */
    private static void add(Map<String, long[]> counts, List<Fact> facts) {
        for (Fact fact : facts) {
            if (fact.indicatorId().startsWith("caseload-per-fte") && !fact.bucket().isAfter(MONTH_END)) {
                long[] c = counts.computeIfAbsent(fact.indicatorId(), id -> new long[2]);
                c[0] += fact.numerator();
                c[1] += fact.denominator();
            }
        }
    }

    private static double perFte(long[] counts) {
        return 100.0 * counts[0] / counts[1];
    }
}
