package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The court work, audit and feedback types and fields that version 3 of the contract adds, through the parser and the validator. */
class ContractV3JsonlTest {

    private static final String COMMON = "\"caseId\":\"case-000512\",\"childId\":\"child-000388\",\"areaCode\":\"N2\","
            + "\"occurredOn\":\"2026-10-05\",\"recordedAt\":\"2026-10-05T16:00:00Z\"";

    private static String line(EventType type, String fields) {
        return "{\"eventId\":\"evt-000512-04\",\"revision\":0,\"type\":\"" + type + "\"," + COMMON + (fields.isEmpty() ? "" : "," + fields) + "}";
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

    static Stream<Arguments> goodLines() {
        return Stream.of(
                Arguments.of(HEARING, (Consumer<CaseEvent>) e -> {
                    assertThat(e.getHearingType()).isEqualTo(HearingType.WORK_TO_FIRST_HEARING);
                    assertThat(e.getAgreement()).isEqualTo(Agreement.PARTIAL);
                    assertThat(e.getReferredForReport()).isFalse();
                }),
                Arguments.of(line(EventType.HEARING_HELD, "\"hearingType\":\"FINAL\""), (Consumer<CaseEvent>) e -> {
                    assertThat(e.getAgreement()).isNull();
                    assertThat(e.getReferredForReport()).isNull();
                }),
                Arguments.of(ORDERED, (Consumer<CaseEvent>) e -> {
                    assertThat(e.getReportId()).isEqualTo("rpt-000019");
                    assertThat(e.getReportType()).isEqualTo(ReportType.SECTION_7);
                    assertThat(e.getReportDueOn()).isEqualTo(LocalDate.of(2026, 12, 28));
                }),
                Arguments.of(FILED, (Consumer<CaseEvent>) e -> assertThat(e.getReportDueOn()).isNull()),
                Arguments.of(ORDER, (Consumer<CaseEvent>) e -> assertThat(e.getOrderType()).isEqualTo(OrderType.RULE_9_5)),
                Arguments.of(CHECK, (Consumer<CaseEvent>) e -> {
                    assertThat(e.getParticipantId()).isEqualTo("party-1");
                    assertThat(e.getSafeguardingCheck()).isEqualTo(SafeguardingCheckType.POLICE_CHECK_SENT);
                    assertThat(e.getHarmIndicated()).isTrue();
                }),
                Arguments.of(ASSIGNED, (Consumer<CaseEvent>) e -> assertThat(e.getAuditType()).isEqualTo(AuditType.CASE_FILE)),
                Arguments.of(AUDITED, (Consumer<CaseEvent>) e -> assertThat(e.getAuditGrade()).isEqualTo(AuditGrade.ADEQUATE)),
                Arguments.of(line(EventType.DIVERSITY_FORM_COLLECTED, ""),
                        (Consumer<CaseEvent>) e -> assertThat(e.getType()).isEqualTo(EventType.DIVERSITY_FORM_COLLECTED)),
                Arguments.of(FEEDBACK, (Consumer<CaseEvent>) e -> assertThat(e.getSatisfied()).isFalse()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodLines")
    void shouldReadEveryFieldOfAGoodLineAndWriteItBackTheSame(String line, Consumer<CaseEvent> check) {
        ParsedLine parsed = CaseEventJsonl.parseLine(line, 1);

        assertThat(parsed).isInstanceOf(ParsedLine.Event.class);
        CaseEvent event = ((ParsedLine.Event) parsed).event();
        check.accept(event);
        assertThat(CaseEventJsonl.toLine(event)).isEqualTo(line);
    }

    static Stream<Arguments> requiredFields() {
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

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("requiredFields")
    void shouldRejectALineWithoutAFieldItsTypeRequires(String line, String field, String value) {
        String type = line.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1");
        String omitted = line.replace(",\"" + field + "\":" + value, "");
        assertThat(omitted).isNotEqualTo(line);

        assertThat(CaseEventJsonl.parseLine(omitted, 3)).isInstanceOfSatisfying(ParsedLine.LineError.class, error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.reason()).isEqualTo(ReasonCode.MISSING_FIELD);
            assertThat(error.message()).isEqualTo("line 3: " + field + ": required for " + type);
        });
    }

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of(HEARING, "hearingType", "\"WORK_TO_FIRST_HEARING\"", HearingType.values()),
                Arguments.of(HEARING, "agreement", "\"PARTIAL\"", Agreement.values()),
                Arguments.of(ORDERED, "reportType", "\"SECTION_7\"", ReportType.values()),
                Arguments.of(ORDER, "orderType", "\"RULE_9_5\"", OrderType.values()),
                Arguments.of(CHECK, "safeguardingCheck", "\"POLICE_CHECK_SENT\"", SafeguardingCheckType.values()),
                Arguments.of(AUDITED, "auditType", "\"REPORT_QUALITY\"", AuditType.values()),
                Arguments.of(AUDITED, "auditGrade", "\"ADEQUATE\"", AuditGrade.values()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("enumFields")
    void shouldRejectAnEnumValueTheSchemaDoesNotHaveAndListTheAllowedOnes(String line, String field, String value, Enum<?>[] symbols) {
        String allowed = Arrays.stream(symbols).map(Enum::name).collect(Collectors.joining(", "));
        String bad = line.replace("\"" + field + "\":" + value, "\"" + field + "\":\"NOT_A_SYMBOL\"");

        assertThat(CaseEventJsonl.parseLine(bad, 5)).isInstanceOfSatisfying(ParsedLine.LineError.class, error -> {
            assertThat(error.reason()).isEqualTo(ReasonCode.UNKNOWN_ENUM_VALUE);
            assertThat(error.message()).isEqualTo("line 5: " + field + ": unknown value \"NOT_A_SYMBOL\"; allowed: " + allowed);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void shouldRejectABadValueOfANewField(String line, String field, ReasonCode code) {
        assertThat(CaseEventJsonl.parseLine(line, 2)).isInstanceOfSatisfying(ParsedLine.LineError.class, error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.reason()).isEqualTo(code);
        });
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(ORDERED.replace("2026-12-28", "28/12/2026"), "reportDueOn", ReasonCode.INVALID_FORMAT),
                Arguments.of(HEARING.replace("\"referredForReport\":false", "\"referredForReport\":\"no\""),
                        "referredForReport", ReasonCode.WRONG_TYPE),
                Arguments.of(CHECK.replace("\"party-1\"", "\"" + "p".repeat(129) + "\""), "participantId",
                        ReasonCode.FIELD_TOO_LONG),
                Arguments.of(ASSIGNED.replace("\"aud-000008\"", "\" \""), "auditId", ReasonCode.INVALID_VALUE));
    }
}
