package org.casepulse.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.snapshots.PeriodType.MONTH;
import static org.casepulse.snapshots.PeriodType.YTD;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.casepulse.events.Agreement;
import org.casepulse.events.AuditGrade;
import org.casepulse.events.AuditType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.HearingType;
import org.casepulse.events.OrderType;
import org.casepulse.events.ReportType;
import org.casepulse.events.SafeguardingCheckType;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked figures of the court work, audit and feedback rows (COUNTING.md 13), each checked
 * against the reference computation and against the topology, fed the same events. Today is
 * Saturday 15 June 2024; 6 May 2024 is a bank holiday.
 */
class CourtMeasuresTest {
    private static final String TODAY = "2024-06-15";
    private static final ReferenceData REFERENCE = ReferenceData.defaults();

    @Test
    void shouldShareMeetingsByAgreementAndReferralAndCompareTheirNumberWithLastYear() {
        CaseScript c1 = CaseScript.of("c1", "k1", "N1");
        CaseScript c2 = CaseScript.of("c2", "k2", "N1");
        Both figures = Both.of(
                c1.referral("2024-04-02", "PRIVATE_LAW"),
                hearing(c1, "2024-04-10", HearingType.WORK_TO_FIRST_HEARING, Agreement.FULL, false),
                hearing(c1, "2024-05-08", HearingType.WORK_TO_FIRST_HEARING, Agreement.NONE, true),
                // Not a work-to-first-hearing meeting: counted by none of them.
                hearing(c1, "2024-05-09", HearingType.FINAL, Agreement.FULL, false),
                c2.referral("2023-05-02", "PRIVATE_LAW"),
                hearing(c2, "2023-05-10", HearingType.WORK_TO_FIRST_HEARING, Agreement.PARTIAL, null),
                // No referral recorded: in the denominator of the not-referred share only.
                hearing(c2, "2024-04-22", HearingType.WORK_TO_FIRST_HEARING, Agreement.PARTIAL, null));

        figures.expect("wtfh-meetings-agreement", "N1", MONTH, "2024-04", "2/2");
        figures.expect("wtfh-meetings-agreement", "N1", MONTH, "2024-05", "0/1");
        figures.expect("wtfh-meetings-agreement", "N1", YTD, "2024-05", "2/3");
        figures.expect("wtfh-meetings-not-referred-for-s7", "N1", YTD, "2024-05", "1/3");
        // April-May 2024: 3 meetings; April-May 2023: 1.
        figures.expect("wtfh-meetings-change", "N1", YTD, "2024-05", "3/1");
    }

    @Test
    void shouldPairFilingsWithTheirOwnReportAndAverageTheWeeks() {
        CaseScript c3 = CaseScript.of("c3", "k3", "C1");
        CaseScript c4 = CaseScript.of("c4", "k4", "C1");
        Both figures = Both.of(
                c3.referral("2024-03-01", "PRIVATE_LAW"),
                ordered(c3, "R1", "2024-03-04", ReportType.SECTION_7),
                ordered(c3, "R2", "2024-04-01", ReportType.SECTION_7),
                // R2: 1 April -> 27 May, 56 days; R1: 4 March -> 10 June, 98 days (by date alone it
                // would pair with R2's order of 1 April, 70 days).
                filed(c3, "R2", "2024-05-27", ReportType.SECTION_7),
                filed(c3, "R1", "2024-06-10", ReportType.SECTION_7),
                // Filed without an order: no fact (the anomaly to-without-from).
                filed(c3, "R4", "2024-05-02", ReportType.SECTION_7),
                c3.event(EventType.ORDER_MADE, "2024-04-15", b -> b.setOrderType(OrderType.RULE_9_5)),
                c3.event(EventType.ORDER_MADE, "2024-05-15", b -> b.setOrderType(OrderType.FAMILY_ASSISTANCE)),
                c4.referral("2023-03-20", "PRIVATE_LAW"),
                ordered(c4, "R1", "2023-04-03", ReportType.SECTION_7),
                ordered(c4, "R2", "2023-04-04", ReportType.RULE_16_4),
                c4.event(EventType.ORDER_MADE, "2023-06-01", b -> b.setOrderType(OrderType.RULE_9_5)));

        figures.expect("s7-average-filing-weeks", "C1", MONTH, "2024-05", "56/1");
        figures.expect("s7-average-filing-weeks", "C1", MONTH, "2024-06", "98/1");
        figures.expect("s7-average-filing-weeks", "C1", YTD, "2024-06", "154/2");
        figures.expectValue("s7-average-filing-weeks", "C1", YTD, "2024-06", "11.0");
        figures.expectValue("s7-average-filing-weeks", "C1", MONTH, "2024-05", "8.0");
        figures.expect("s7-requests-change", "C1", YTD, "2024-06", "1/1");
        figures.expect("rule-9-5-orders-change", "C1", YTD, "2024-06", "1/1");
        figures.expect("family-assistance-orders-change", "C1", YTD, "2024-06", "1/0");
    }

    @Test
    void shouldCountLastMonthsCasesAndTheirParticipantsChecks() {
        CaseScript c5 = CaseScript.of("c5", "k5", "S1");
        CaseScript c6 = CaseScript.of("c6", "k6", "S1");
        CaseScript c7 = CaseScript.of("c7", "k7", "S1");
        CaseScript c8 = CaseScript.of("c8", "k8", "S2");
        CaseEvent lateLaCheck = check(c8, "p2", "2024-05-10", SafeguardingCheckType.LA_CHECK_REQUESTED, null);
        Both figures = Both.of(
                // Received in April, identified by the end of May: May's figure.
                c5.referral("2024-04-30", "PUBLIC_LAW"),
                check(c5, "p1", "2024-05-31", SafeguardingCheckType.RISK_IDENTIFICATION_COMPLETED, null),
                // Received in April, identified in June: too late for May's figure.
                c6.referral("2024-04-10", "S31"),
                check(c6, "p1", "2024-06-03", SafeguardingCheckType.RISK_IDENTIFICATION_COMPLETED, null),
                // Received in May: June's figure.
                c7.referral("2024-05-20", "PUBLIC_LAW"),
                check(c7, "p1", "2024-05-21", SafeguardingCheckType.RISK_IDENTIFICATION_COMPLETED, null),
                check(c7, "p1", "2024-06-14", SafeguardingCheckType.LA_RISK_INFORMATION_ASSESSED, null),
                check(c7, "p2", "2024-05-20", SafeguardingCheckType.PARTICIPANT_RECORDED, false),
                // Friday 3 May; Monday 6 May is a bank holiday: Tue 7 is day 1, Wed 8 day 2, Thu 9 day 3.
                c8.referral("2024-05-03", "PRIVATE_LAW"),
                check(c8, "p1", "2024-05-03", SafeguardingCheckType.PARTICIPANT_RECORDED, true),
                check(c8, "p1", "2024-05-08", SafeguardingCheckType.LA_CHECK_REQUESTED, null),
                check(c8, "p1", "2024-05-09", SafeguardingCheckType.POLICE_CHECK_SENT, null),
                check(c8, "p2", "2024-05-03", SafeguardingCheckType.PARTICIPANT_RECORDED, false),
                lateLaCheck,
                // Harm not indicated: p2 is not in the police check's population.
                check(c8, "p2", "2024-05-07", SafeguardingCheckType.POLICE_CHECK_SENT, null),
                // Requested before receipt: does not count; harm indicated on it.
                check(c8, "p3", "2024-05-02", SafeguardingCheckType.LA_CHECK_REQUESTED, true),
                check(c8, "p3", "2024-05-06", SafeguardingCheckType.POLICE_CHECK_SENT, null));

        figures.expect("public-law-risk-identification", "S1", MONTH, "2024-05", "1/2");
        figures.expect("public-law-risk-identification", "S1", MONTH, "2024-06", "1/1");
        figures.expect("public-law-risk-identification", "S1", YTD, "2024-06", "2/3");
        figures.expect("public-law-risk-identification", "S1", MONTH, "2024-04", "empty");
        figures.expect("private-law-risk-identification", "S2", MONTH, "2024-06", "0/1");
        figures.expect("la-risk-information-assessed", "S1", MONTH, "2024-05", "0/2");
        figures.expect("la-risk-information-assessed", "S1", MONTH, "2024-06", "1/2");
        figures.expect("la-checks-within-2wd", "S2", MONTH, "2024-05", "1/3");
        figures.expect("police-checks-within-2wd-harm", "S2", MONTH, "2024-05", "1/2");

        Both amended = Both.of(figures.events(CaseScript.amended(lateLaCheck,
                b -> b.setOccurredOn(LocalDate.parse("2024-05-07")))));
        amended.expect("la-checks-within-2wd", "S2", MONTH, "2024-05", "2/3");
    }

    @Test
    void shouldJudgeClosuresAuditsAndFeedback() {
        CaseScript c9 = CaseScript.of("c9", "k9", "N2");
        CaseScript c10 = CaseScript.of("c10", "k10", "N2");
        CaseEvent dissatisfied = c9.event(EventType.FEEDBACK_RECEIVED, "2024-06-11", b -> b.setSatisfied(false));
        Both figures = Both.of(
                // 1 September 2023 + 40 weeks = 7 June 2024: in time; a day later is not.
                c9.referral("2023-09-01", "S31"),
                c9.event(EventType.DIVERSITY_FORM_COLLECTED, "2023-10-01", b -> { }),
                c9.closure("2024-06-07"),
                c10.referral("2023-09-01", "S31"),
                c10.closure("2024-06-08"),
                // U1 assigned in April, U2 in May, U1 completed in May: April's assignment is completed
                // (by date alone the completion would pair with May's).
                audit(c9, EventType.AUDIT_ASSIGNED, "U1", "2024-04-02", AuditType.CASE_FILE, null),
                audit(c9, EventType.AUDIT_ASSIGNED, "U2", "2024-05-02", AuditType.CASE_FILE, null),
                audit(c9, EventType.AUDIT_COMPLETED, "U1", "2024-05-20", AuditType.CASE_FILE, AuditGrade.GOOD),
                audit(c9, EventType.AUDIT_COMPLETED, "U3", "2024-05-10", AuditType.REPORT_QUALITY, AuditGrade.ADEQUATE),
                audit(c9, EventType.AUDIT_COMPLETED, "U4", "2024-05-11", AuditType.REPORT_QUALITY, AuditGrade.INADEQUATE),
                c10.event(EventType.FEEDBACK_RECEIVED, "2024-06-10", b -> b.setSatisfied(true)),
                dissatisfied);

        figures.expect("care-completed-within-40-weeks", "N2", YTD, "2024-06", "1/2");
        figures.expect("diversity-forms-on-closed-cases", "N2", MONTH, "2024-06", "1/2");
        figures.expect("case-file-audits-completed", "N2", YTD, "2024-04", "1/1");
        figures.expect("case-file-audits-completed", "N2", YTD, "2024-05", "1/2");
        figures.expect("case-file-audits-good-or-better", "N2", YTD, "2024-05", "1/1");
        figures.expect("case-file-audits-adequate-or-better", "N2", YTD, "2024-05", "1/1");
        figures.expect("ar-report-quality-adequate", "N2", MONTH, "2024-05", "1/2");
        figures.expect("service-user-satisfaction", "N2", MONTH, "2024-06", "1/2");

        Both retracted = Both.of(figures.events(c9.retraction(dissatisfied, "2024-06-12")));
        retracted.expect("service-user-satisfaction", "N2", MONTH, "2024-06", "1/1");
    }

    private static CaseEvent hearing(CaseScript c, String date, HearingType type, Agreement agreement, Boolean referred) {
        return c.event(EventType.HEARING_HELD, date,
                b -> b.setHearingType(type).setAgreement(agreement).setReferredForReport(referred));
    }

    private static CaseEvent ordered(CaseScript c, String id, String date, ReportType type) {
        return c.event(EventType.REPORT_ORDERED, date, b -> b.setReportId(id).setReportType(type));
    }

    private static CaseEvent filed(CaseScript c, String id, String date, ReportType type) {
        return c.event(EventType.REPORT_FILED, date, b -> b.setReportId(id).setReportType(type));
    }

    private static CaseEvent check(CaseScript c, String participant, String date, SafeguardingCheckType type,
                                   Boolean harm) {
        return c.event(EventType.SAFEGUARDING_CHECK_RECORDED, date,
                b -> b.setParticipantId(participant).setSafeguardingCheck(type).setHarmIndicated(harm));
    }

    private static CaseEvent audit(CaseScript c, EventType type, String id, String date, AuditType auditType,
                                   AuditGrade grade) {
        Consumer<CaseEvent.Builder> fields = b -> b.setAuditId(id).setAuditType(auditType).setAuditGrade(grade);
        return c.event(type, date, fields);
    }

    /** The same events through the reference computation and the topology. */
    private static final class Both {
        final List<CaseEvent> sent;
        final ComputedFigures oracle;
        final Map<IndicatorSnapshotKey, IndicatorSnapshot> published;

        private Both(List<CaseEvent> sent, ComputedFigures oracle, Map<IndicatorSnapshotKey, IndicatorSnapshot> published) {
            this.sent = sent;
            this.oracle = oracle;
            this.published = published;
        }

        static Both of(CaseEvent... events) {
            try (TopologyHarness harness = TopologyHarness.asOf(REFERENCE, LocalDate.parse(TODAY),
                    ComputedFigures.REPORTING_MONTHS)) {
                return new Both(List.of(events), ComputedFigures.of(REFERENCE, TODAY, events),
                        harness.send(List.of(events)).flush().current());
            }
        }

        /** These events, then {@code more}. */
        CaseEvent[] events(CaseEvent... more) {
            List<CaseEvent> all = new java.util.ArrayList<>(sent);
            all.addAll(List.of(more));
            return all.toArray(CaseEvent[]::new);
        }

        /** "numerator/denominator" or "empty", the same from both. */
        void expect(String indicatorId, String areaCode, PeriodType type, String period, String counts) {
            assertThat(oracle.counts(indicatorId, areaCode, type, period)).as("reference computation: %s %s %s %s",
                    indicatorId, areaCode, type, period).isEqualTo(counts);
            assertThat(topology(indicatorId, areaCode, type, period)
                    .map(s -> s.getNumerator() + "/" + s.getDenominator()).orElse("empty"))
                    .as("topology: %s %s %s %s", indicatorId, areaCode, type, period).isEqualTo(counts);
        }

        /** The published value, as text. */
        void expectValue(String indicatorId, String areaCode, PeriodType type, String period, String value) {
            assertThat(topology(indicatorId, areaCode, type, period).map(s -> String.valueOf(s.getValue())))
                    .as("topology value: %s %s %s %s", indicatorId, areaCode, type, period).contains(value);
        }

        private java.util.Optional<IndicatorSnapshot> topology(String indicatorId, String areaCode, PeriodType type,
                                                                String period) {
            LocalDate end = YearMonth.parse(period).atEndOfMonth();
            return published.entrySet().stream()
                    .filter(e -> FigureKey.of(e.getKey()).equals(new FigureKey(indicatorId, areaCode, type, end)))
                    .map(Map.Entry::getValue).findFirst();
        }
    }
}
