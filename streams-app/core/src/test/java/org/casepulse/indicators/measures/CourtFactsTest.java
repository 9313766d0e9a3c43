package org.casepulse.indicators.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.ReportType;
import org.casepulse.events.SafeguardingCheckType;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.Facts;
import org.casepulse.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** What one case contributes to the court work rows (COUNTING.md 13), worked by hand, in the core alone. */
class CourtFactsTest {
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private final CaseFacts caseFacts = new CaseFacts(REFERENCE.catalogue(), REFERENCE.calendar());
    private int ids;

    @Test
    void shouldCountEachParticipantAtTheReferralWithinTwoWorkingDaysAndOnlyWhereHarmIsIndicated() {
        // Friday 3 May 2024; Monday 6 May is a bank holiday: Wed 8 May is day 2, Thu 9 May day 3.
        Facts facts = facts(
                event(EventType.REFERRAL_RECEIVED, "S2", "2024-05-03", b -> b.setCaseType("PRIVATE_LAW")),
                check("p1", "2024-05-03", SafeguardingCheckType.PARTICIPANT_RECORDED, true),
                check("p1", "2024-05-08", SafeguardingCheckType.LA_CHECK_REQUESTED, null),
                check("p1", "2024-05-09", SafeguardingCheckType.POLICE_CHECK_SENT, null),
                check("p2", "2024-05-02", SafeguardingCheckType.LA_CHECK_REQUESTED, null));

        assertThat(of(facts, "la-checks-within-2wd")).containsExactly(fact("la-checks-within-2wd", "S2", "2024-05-01", 1, 2));
        assertThat(of(facts, "police-checks-within-2wd-harm"))
                .containsExactly(fact("police-checks-within-2wd-harm", "S2", "2024-05-01", 0, 1));
        assertThat(of(facts, "la-risk-information-assessed")).as("public law only").isEmpty();
    }

    @Test
    void shouldPutACohortInTheNextMonthAndCountOnlyWhatCameByItsEnd() {
        Facts early = facts(event(EventType.REFERRAL_RECEIVED, "S1", "2024-04-30", b -> b.setCaseType("S31")),
                check("p1", "2024-05-31", SafeguardingCheckType.RISK_IDENTIFICATION_COMPLETED, null));
        Facts late = facts(event(EventType.REFERRAL_RECEIVED, "S1", "2024-04-30", b -> b.setCaseType("S31")),
                check("p1", "2024-06-01", SafeguardingCheckType.RISK_IDENTIFICATION_COMPLETED, null));

        assertThat(of(early, "public-law-risk-identification"))
                .containsExactly(fact("public-law-risk-identification", "S1", "2024-05-01", 1, 1));
        assertThat(of(late, "public-law-risk-identification"))
                .containsExactly(fact("public-law-risk-identification", "S1", "2024-05-01", 0, 1));
    }

    @Test
    void shouldAverageTheDaysFromEachReportsOrderToItsOwnFiling() {
        Facts facts = facts(event(EventType.REFERRAL_RECEIVED, "C1", "2024-03-01", b -> b.setCaseType("PRIVATE_LAW")),
                report(EventType.REPORT_ORDERED, "R1", "2024-03-04"),
                report(EventType.REPORT_ORDERED, "R2", "2024-04-01"),
                report(EventType.REPORT_FILED, "R1", "2024-06-10"),
                report(EventType.REPORT_FILED, "R9", "2024-06-11"));

        // R1: 4 March -> 10 June, 98 days (R2's order is later but another report); R9 has no order.
        assertThat(of(facts, "s7-average-filing-weeks")).containsExactly(fact("s7-average-filing-weeks", "C1", "2024-06-01", 98, 1));
        assertThat(facts.anomalies()).contains(Anomaly.UNPAIRED_INTERVAL_END);
        assertThat(REFERENCE.catalogue().find("s7-average-filing-weeks").orElseThrow().value(98, 1L))
                .isEqualByComparingTo("14.0");
    }

    private Facts facts(CaseEvent... events) {
        return caseFacts.compute(CaseHistory.of(List.of(events)));
    }

    private CaseEvent check(String participant, String date, SafeguardingCheckType type, Boolean harm) {
        return event(EventType.SAFEGUARDING_CHECK_RECORDED, null, date,
                b -> b.setParticipantId(participant).setSafeguardingCheck(type).setHarmIndicated(harm));
    }

    private CaseEvent report(EventType type, String reportId, String date) {
        return event(type, null, date, b -> b.setReportId(reportId).setReportType(ReportType.SECTION_7));
    }

    private String area = "N1";

    private CaseEvent event(EventType type, String areaCode, String date, Consumer<CaseEvent.Builder> fields) {
        if (areaCode != null) {
            area = areaCode;
        }
        CaseEvent.Builder builder = CaseEvent.newBuilder().setEventId("evt-" + ++ids).setRevision(0).setType(type)
                .setCaseId("case-1").setChildId("child-1").setAreaCode(area).setOccurredOn(LocalDate.parse(date))
                .setRecordedAt(Instant.parse(date + "T12:00:00Z"));
        fields.accept(builder);
        return builder.build();
    }

    private static List<Fact> of(Facts facts, String indicatorId) {
        return facts.toList().stream().filter(f -> f.indicatorId().equals(indicatorId) && !f.isHolding()).toList();
    }

    private static Fact fact(String indicatorId, String areaCode, String bucket, long numerator, long denominator) {
        return new Fact(indicatorId, areaCode, null, LocalDate.parse(bucket), numerator, denominator);
    }
}
