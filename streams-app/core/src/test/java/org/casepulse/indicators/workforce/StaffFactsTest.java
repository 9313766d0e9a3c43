package org.casepulse.indicators.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.workforce.AbsenceType;
import org.casepulse.workforce.AppraisalRating;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;
import org.junit.jupiter.api.Test;

/** COUNTING.md 14.4-14.5 and 14.7 by hand, on the default catalogue's staff entries. */
class StaffFactsTest {

    private static final StaffFacts FACTS = new StaffFacts(IndicatorCatalogue.defaults(), WorkingDayCalendar.englandAndWales());

    @Test
    void shouldCountAWorkerOnceAtThePostWithTheSmallestIdAndTheAppraisalForTwelveMonths() {
        List<StaffFacts.Span> spans = List.of(
                new StaffFacts.Span("p-2", date("2025-01-06"), null, "N3", 50),
                new StaffFacts.Span("p-1", date("2025-03-03"), date("2025-06-02"), "N1", 50));
        Facts facts = FACTS.compute(spans, List.of(fact("a1", WorkforceEventType.APPRAISAL_COMPLETED, "2025-02-10")));

        assertThat(of(facts, "staff-appraised-12m")).containsExactly(
                "N1 2025-03-03 1/1", "N1 2025-06-02 -1/-1",
                "N3 2025-01-06 0/1", "N3 2025-02-10 1/0", "N3 2025-03-03 -1/-1", "N3 2025-06-02 1/1",
                "N3 2026-02-10 -1/0");
        assertThat(of(facts, "staff-diversity-recorded")).containsExactly(
                "N1 2025-03-03 0/1", "N1 2025-06-02 0/-1", "N3 2025-01-06 0/1", "N3 2025-03-03 0/-1", "N3 2025-06-02 0/1");
    }

    @Test
    void shouldAddEachWorkingDayInPostAndTakeTheMonthOffOnTheFirstOfTheNext() {
        // Wednesday 1 to Friday 3 April 2026 in post; off sick on Thursday and Friday (Good Friday is a bank holiday).
        List<StaffFacts.Span> spans = List.of(new StaffFacts.Span("p-1", date("2026-04-01"), date("2026-04-04"), "N3", 80));
        WorkforceEvent absence = WorkforceEvent.newBuilder(fact("s1", WorkforceEventType.ABSENCE_RECORDED, "2026-04-02"))
                .setAbsenceType(AbsenceType.SHORT_TERM).setLastDay(date("2026-04-03")).build();
        Facts facts = FACTS.compute(spans, List.of(absence));

        assertThat(of(facts, "sickness-short-term")).containsExactly(
                "N3 2026-04-01 0/80", "N3 2026-04-02 80/80", "N3 2026-05-01 -80/-160");
        assertThat(of(facts, "sickness-long-term")).containsExactly(
                "N3 2026-04-01 0/80", "N3 2026-04-02 0/80", "N3 2026-05-01 0/-160");
    }

    @Test
    void shouldCountNewlyQualifiedStaffOnlyInTheTwelveMonthsFromTheirQualification() {
        // In post from January 2025; qualified on 3 March 2025, so newly qualified to 2 March 2026;
        // appraised on 1 September 2025.
        List<StaffFacts.Span> spans = List.of(new StaffFacts.Span("p-1", date("2025-01-06"), null, "N3", 100));
        Facts facts = FACTS.compute(spans, List.of(fact("q1", WorkforceEventType.QUALIFICATION_RECORDED, "2025-03-03"),
                fact("a1", WorkforceEventType.APPRAISAL_COMPLETED, "2025-09-01")));

        assertThat(of(facts, "nq-staff-appraised-12m")).containsExactly(
                "N3 2025-03-03 0/1", "N3 2025-09-01 1/0", "N3 2026-03-03 -1/-1");
        assertThat(of(facts, "staff-appraised-12m")).startsWith("N3 2025-01-06 0/1", "N3 2025-09-01 1/0");
    }

    @Test
    void shouldCountOnlyTheLatestAppraisalsRatingWhenRatedAtLeastGood() {
        // In post from January 2025; appraised requires improvement in February, good in August,
        // then again in January 2026 without a rating: the latest appraisal is what counts.
        List<StaffFacts.Span> spans = List.of(new StaffFacts.Span("p-1", date("2025-01-06"), null, "N3", 100));
        Facts facts = FACTS.compute(spans, List.of(
                rated("a1", "2025-02-10", AppraisalRating.REQUIRES_IMPROVEMENT),
                rated("a2", "2025-08-04", AppraisalRating.GOOD),
                fact("a3", WorkforceEventType.APPRAISAL_COMPLETED, "2026-01-12")));

        assertThat(of(facts, "staff-appraised-good-12m")).containsExactly(
                "N3 2025-01-06 0/1", "N3 2025-08-04 1/0", "N3 2026-01-12 -1/0");
        assertThat(of(facts, "staff-appraised-12m")).containsExactly(
                "N3 2025-01-06 0/1", "N3 2025-02-10 1/0", "N3 2027-01-12 -1/0");
        assertThat(of(facts, "nq-appraised-good-12m")).isEmpty();
    }

    @Test
    void shouldCountARatedAppraisalForTwelveMonthsAndTheBestOfTheSameDay() {
        // Qualified 3 March 2025 (newly qualified to 2 March 2026); two appraisals dated 1 April
        // 2025, inadequate and outstanding: one of the latest date counts, whatever their order.
        List<StaffFacts.Span> spans = List.of(new StaffFacts.Span("p-1", date("2025-01-06"), null, "N3", 100));
        List<WorkforceEvent> effective = List.of(fact("q1", WorkforceEventType.QUALIFICATION_RECORDED, "2025-03-03"),
                rated("a1", "2025-04-01", AppraisalRating.OUTSTANDING), rated("a2", "2025-04-01", AppraisalRating.INADEQUATE));
        Facts facts = FACTS.compute(spans, effective);

        assertThat(of(facts, "nq-appraised-good-12m")).containsExactly(
                "N3 2025-03-03 0/1", "N3 2025-04-01 1/0", "N3 2026-03-03 -1/-1");
        assertThat(of(facts, "staff-appraised-good-12m")).containsExactly(
                "N3 2025-01-06 0/1", "N3 2025-04-01 1/0", "N3 2026-04-01 -1/0");
        assertThat(of(FACTS.compute(spans, List.of(effective.get(2), effective.get(1), effective.get(0))), "staff-appraised-good-12m"))
                .isEqualTo(of(facts, "staff-appraised-good-12m"));
    }

    @Test
    void shouldCountTheSicknessOfNewlyQualifiedStaffOnTheDaysTheyAreNewlyQualified() {
        // In post Wednesday 1 to Friday 3 April 2026, newly qualified to Wednesday 1 April (qualified
        // 2 April 2025): Thursday's sickness is a day of a worker no longer newly qualified.
        List<StaffFacts.Span> spans = List.of(new StaffFacts.Span("p-1", date("2026-04-01"), date("2026-04-04"), "N3", 80));
        WorkforceEvent absence = WorkforceEvent.newBuilder(fact("s1", WorkforceEventType.ABSENCE_RECORDED, "2026-04-01"))
                .setAbsenceType(AbsenceType.SHORT_TERM).setLastDay(date("2026-04-02")).build();
        Facts facts = FACTS.compute(spans, List.of(absence, fact("q1", WorkforceEventType.QUALIFICATION_RECORDED, "2025-04-02")));

        assertThat(of(facts, "nq-sickness-short-term")).containsExactly("N3 2026-04-01 80/80", "N3 2026-05-01 -80/-80");
        assertThat(of(facts, "sickness-short-term")).containsExactly(
                "N3 2026-04-01 80/80", "N3 2026-04-02 80/80", "N3 2026-05-01 -160/-160");
        assertThat(of(FACTS.compute(spans, List.of(absence)), "nq-sickness-short-term")).isEmpty();
    }

    private static List<String> of(Facts facts, String indicatorId) {
        return facts.toList().stream().filter(f -> f.indicatorId().equals(indicatorId))
                .map(StaffFactsTest::text).toList();
    }

    private static String text(Fact f) {
        return f.areaCode() + " " + f.bucket() + " " + f.numerator() + "/" + f.denominator();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static WorkforceEvent rated(String id, String on, AppraisalRating rating) {
        return WorkforceEvent.newBuilder(fact(id, WorkforceEventType.APPRAISAL_COMPLETED, on)).setAppraisalRating(rating).build();
    }

    private static WorkforceEvent fact(String id, WorkforceEventType type, String on) {
        return WorkforceEvent.newBuilder().setEventId(id).setType(type).setAreaCode("N3").setEffectiveOn(date(on))
                .setRecordedAt(Instant.parse(on + "T09:00:00Z")).setWorkerId("w-1").build();
    }
}
