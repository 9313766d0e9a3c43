package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The court work, audit and feedback types and fields that version 3 of the contract adds, through the parser and the validator. */
class ContractV3JsonlTest extends ContractJsonlTest {

    private static final String COMMON = "\"caseId\":\"case-000512\",\"childId\":\"child-000388\",\"areaCode\":\"N2\","
            + "\"occurredOn\":\"2026-10-05\",\"recordedAt\":\"2026-10-05T16:00:00Z\"";

    private static String line(EventType type, String fields) {
        return line("evt-000512-04", COMMON, type, fields);
    }

    private static final String HEARING = line(EventType.HEARING_HELD,
            "\"hearingType\":\"WORK_TO_FIRST_HEARING\",\"agreement\":\"PARTIAL\",\"referredForReport\":false");
    private static final String ORDERED = line(EventType.REPORT_ORDERED,
            "\"reportId\":\"rpt-000019\",\"reportType\":\"SECTION_7\",\"reportDueOn\":\"2026-12-28\"");
    private static final String FILED = line(EventType.REPORT_FILED, "\"reportId\":\"rpt-000019\",\"reportType\":\"SECTION_7\"");
    private static final String ORDER = line(EventType.ORDER_MADE, "\"orderType\":\"RULE_9_5\"");
    private static final String CHECK = line(EventType.SAFEGUARDING_CHECK_RECORDED,
            "\"participantId\":\"party-1\",\"safeguardingCheck\":\"POLICE_CHECK_SENT\",\"harmIndicated\":true");
    private static final String ASSIGNED = line(EventType.AUDIT_ASSIGNED, "\"auditId\":\"aud-000008\",\"auditType\":\"CASE_FILE\"");
    private static final String AUDITED = line(EventType.AUDIT_COMPLETED,
            "\"auditId\":\"aud-000008\",\"auditType\":\"REPORT_QUALITY\",\"auditGrade\":\"ADEQUATE\"");
    private static final String FEEDBACK = line(EventType.FEEDBACK_RECEIVED, "\"satisfied\":false");

    @Override
    Stream<Arguments> goodLines() {
        return Stream.of(
                good(HEARING, e -> {
                    assertThat(e.getHearingType()).isEqualTo(HearingType.WORK_TO_FIRST_HEARING);
                    assertThat(e.getAgreement()).isEqualTo(Agreement.PARTIAL);
                    assertThat(e.getReferredForReport()).isFalse();
                }),
                good(line(EventType.HEARING_HELD, "\"hearingType\":\"FINAL\""), e -> {
                    assertThat(e.getAgreement()).isNull();
                    assertThat(e.getReferredForReport()).isNull();
                }),
                good(ORDERED, e -> {
                    assertThat(e.getReportId()).isEqualTo("rpt-000019");
                    assertThat(e.getReportType()).isEqualTo(ReportType.SECTION_7);
                    assertThat(e.getReportDueOn()).isEqualTo(LocalDate.of(2026, 12, 28));
                }),
                good(FILED, e -> assertThat(e.getReportDueOn()).isNull()),
                good(ORDER, e -> assertThat(e.getOrderType()).isEqualTo(OrderType.RULE_9_5)),
                good(CHECK, e -> {
                    assertThat(e.getParticipantId()).isEqualTo("party-1");
                    assertThat(e.getSafeguardingCheck()).isEqualTo(SafeguardingCheckType.POLICE_CHECK_SENT);
                    assertThat(e.getHarmIndicated()).isTrue();
                }),
                good(ASSIGNED, e -> assertThat(e.getAuditType()).isEqualTo(AuditType.CASE_FILE)),
                good(AUDITED, e -> assertThat(e.getAuditGrade()).isEqualTo(AuditGrade.ADEQUATE)),
                good(line(EventType.DIVERSITY_FORM_COLLECTED, ""), e -> assertThat(e.getType()).isEqualTo(EventType.DIVERSITY_FORM_COLLECTED)),
                good(FEEDBACK, e -> assertThat(e.getSatisfied()).isFalse()));
    }

    @Override
    Stream<Arguments> requiredFields() {
        return Stream.of(
                Arguments.of(HEARING, "hearingType", "\"WORK_TO_FIRST_HEARING\""),
                Arguments.of(ORDERED, "reportId", "\"rpt-000019\""),
                Arguments.of(ORDERED, "reportType", "\"SECTION_7\""),
                Arguments.of(FILED, "reportId", "\"rpt-000019\""),
                Arguments.of(ORDER, "orderType", "\"RULE_9_5\""),
                Arguments.of(CHECK, "participantId", "\"party-1\""),
                Arguments.of(CHECK, "safeguardingCheck", "\"POLICE_CHECK_SENT\""),
                Arguments.of(ASSIGNED, "auditId", "\"aud-000008\""),
                Arguments.of(AUDITED, "auditType", "\"REPORT_QUALITY\""),
                Arguments.of(AUDITED, "auditGrade", "\"ADEQUATE\""),
                Arguments.of(FEEDBACK, "satisfied", "false"));
    }

    @Override
    Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of(HEARING, "hearingType", "\"WORK_TO_FIRST_HEARING\"", HearingType.values()),
                Arguments.of(HEARING, "agreement", "\"PARTIAL\"", Agreement.values()),
                Arguments.of(ORDERED, "reportType", "\"SECTION_7\"", ReportType.values()),
                Arguments.of(ORDER, "orderType", "\"RULE_9_5\"", OrderType.values()),
                Arguments.of(CHECK, "safeguardingCheck", "\"POLICE_CHECK_SENT\"", SafeguardingCheckType.values()),
                Arguments.of(AUDITED, "auditType", "\"REPORT_QUALITY\"", AuditType.values()),
                Arguments.of(AUDITED, "auditGrade", "\"ADEQUATE\"", AuditGrade.values()));
    }

    @Override
    Stream<Arguments> badValues() {
        return Stream.of(
                bad("due date in UK order", ORDERED.replace("2026-12-28", "28/12/2026"), "reportDueOn", ReasonCode.INVALID_FORMAT, "reportDueOn: expected a date YYYY-MM-DD"),
                bad("referral flag as a string", HEARING.replace("\"referredForReport\":false", "\"referredForReport\":\"no\""),
                        "referredForReport", ReasonCode.WRONG_TYPE, "referredForReport: expected true or false, got a string"),
                bad("participant id too long", CHECK.replace("\"party-1\"", "\"" + "p".repeat(129) + "\""), "participantId",
                        ReasonCode.FIELD_TOO_LONG, "participantId: is 129 characters, over the limit of 128"),
                bad("blank audit id", ASSIGNED.replace("\"aud-000008\"", "\" \""), "auditId", ReasonCode.INVALID_VALUE, "auditId: must not be blank"));
    }
}
