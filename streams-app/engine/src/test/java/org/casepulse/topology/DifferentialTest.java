package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.casepulse.events.CaseEvent;
import org.casepulse.oracle.ExpectedFigure;
import org.casepulse.oracle.FigureKey;
import org.casepulse.oracle.RandomHistories;
import org.casepulse.oracle.RandomWorkforce;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.oracle.ReferenceComputation;
import org.casepulse.oracle.TopologyAgreement;
import org.casepulse.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The topology against an independent, deliberately simple batch computation of every indicator
 * (org.casepulse.reference, written separately from COUNTING.md), on random histories full of
 * amendments, retractions, duplicates and shuffled arrivals: every indicator, area and period
 * must agree exactly.
 */
class DifferentialTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final int REPORTING_MONTHS = 13;

    static LongStream histories() {
        return LongStream.rangeClosed(1, 24);
    }

    @ParameterizedTest(name = "history {0}")
    @MethodSource("histories")
    void shouldAgreeWithTheReferenceComputation(long seed) {
        // Vary the day so month ends, year ends and weekends all get their turn as "today".
        LocalDate today = LocalDate.parse("2025-03-03").plusDays(seed * 23);
        List<CaseEvent> events = RandomHistories.generate(seed, 60, today);
        List<WorkforceEvent> workforce = RandomWorkforce.generate(seed, 25, today);

        Map<FigureKey, ExpectedFigure> expected = ReferenceComputation.compute(events, workforce, REFERENCE, today,
                REPORTING_MONTHS);
        List<String> differences = TopologyAgreement.differences(events, workforce, expected, REFERENCE, today,
                REPORTING_MONTHS);

        assertThat(expected).as("the history exercises the indicators").hasSizeGreaterThan(200);
        assertThat(expected.keySet()).as("the history exercises the workforce kinds (COUNTING.md 14)")
                .anyMatch(key -> key.indicatorId().equals("posts-filled-by-agency"))
                .anyMatch(key -> key.indicatorId().equals("manager-posts-vacant"));
        assertThat(expected.values()).as("the history exercises the staff kinds (COUNTING.md 14.4)")
                .anyMatch(figure -> figure.indicatorId().equals("staff-appraised-12m") && figure.numerator() > 0)
                .anyMatch(figure -> figure.indicatorId().equals("staff-diversity-recorded") && figure.numerator() > 0)
                .anyMatch(figure -> figure.indicatorId().startsWith("sickness-") && figure.numerator() > 0)
                .anyMatch(figure -> figure.indicatorId().equals("nq-staff-appraised-12m") && figure.denominator() > 0)
                .anyMatch(figure -> figure.indicatorId().equals("staff-appraised-good-12m") && figure.numerator() > 0)
                .anyMatch(figure -> figure.indicatorId().equals("nq-appraised-good-12m") && figure.denominator() > 0)
                .anyMatch(figure -> figure.indicatorId().startsWith("nq-sickness-") && figure.denominator() > 0);
        assertThat(expected.values()).as("the history exercises cases over FTE by team type (COUNTING.md 14.8)")
                .anyMatch(figure -> figure.indicatorId().equals("caseload-per-fte-other-teams")
                        && figure.numerator() > 0 && figure.denominator() > 0);
        assertThat(expected.values()).as("the history exercises audits over staff in post (COUNTING.md 14.9)")
                .anyMatch(figure -> figure.indicatorId().equals("case-file-audits-per-worker")
                        && figure.numerator() > 0 && figure.denominator() > 0);
        assertThat(expected.values()).as("the history exercises what stands beside the figures (COUNTING.md 12)")
                .anyMatch(figure -> figure.beside().lastYear() != null)
                .anyMatch(figure -> figure.beside().outturn() != null)
                .anyMatch(figure -> figure.beside().sixMonths() != null)
                .anyMatch(figure -> figure.beside().trend() != null)
                .anyMatch(figure -> figure.beside().england() != null);
        assertThat(expected.keySet()).as("the history exercises the court work and quality kinds (COUNTING.md 13)")
                .extracting(FigureKey::indicatorId)
                .contains("wtfh-meetings-agreement", "wtfh-meetings-change", "s7-average-filing-weeks",
                        "public-law-risk-identification", "la-checks-within-2wd", "police-checks-within-2wd-harm",
                        "diversity-forms-on-closed-cases", "case-file-audits-completed", "service-user-satisfaction");
        assertThat(expected.values()).as("the history exercises the shares of teams by band (COUNTING.md 13.1)")
                .anyMatch(figure -> figure.indicatorId().startsWith("s7-teams-filing-") && figure.numerator() > 0);
        assertThat(differences).as("differences from the reference computation (%d figures expected)", expected.size())
                .isEmpty();
    }

    static LongStream smallerHistories() {
        return LongStream.rangeClosed(101, 104);
    }

    /**
     * Revisions too, on smaller histories: the reference computation works them out from the
     * figures as they stood on every recorded day, one whole batch computation per day.
     */
    @ParameterizedTest(name = "history {0}")
    @MethodSource("smallerHistories")
    void shouldAgreeOnRevisionsWithTheReferenceComputation(long seed) {
        LocalDate today = LocalDate.parse("2025-03-03").plusDays((seed - 100) * 47);
        List<CaseEvent> events = RandomHistories.generate(seed, 15, today);

        Map<FigureKey, ExpectedFigure> expected = ReferenceComputation.computeWithRevisions(events, REFERENCE, today,
                REPORTING_MONTHS);
        List<String> differences = TopologyAgreement.differences(events, expected, REFERENCE, today, REPORTING_MONTHS);

        assertThat(expected.values()).as("the history restates figures").anyMatch(figure -> figure.revision() > 0);
        assertThat(differences).as("differences from the reference computation (%d figures expected)", expected.size())
                .isEmpty();
    }
}
