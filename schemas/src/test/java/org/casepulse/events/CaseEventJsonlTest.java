package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CaseEventJsonlTest {

    private static final String ALLOCATION_LINE = "{\"eventId\":\"evt-000123-03\",\"revision\":0,\"type\":\"ALLOCATION_MADE\","
            + "\"caseId\":\"case-000123\",\"childId\":\"child-000045\",\"areaCode\":\"N3\",\"occurredOn\":\"2026-03-04\","
            + "\"recordedAt\":\"2026-03-04T08:30:00Z\",\"workerId\":\"worker-0007\"}";

    @Test
    void shouldWriteTheExactLineOfAnEvent() {
        assertThat(CaseEventJsonl.toLine(SampleEvents.minimal(EventType.ALLOCATION_MADE))).isEqualTo(ALLOCATION_LINE);
    }

    @Test
    void shouldWriteEveryFieldInTheAvroOrder() {
        assertThat(CaseEventJsonl.toLine(SampleEvents.everyField(EventType.PLAN_STARTED))).isEqualTo(
                "{\"eventId\":\"evt-000123-03\",\"revision\":2,\"type\":\"PLAN_STARTED\",\"caseId\":\"case-000123\","
                        + "\"childId\":\"child-000045\",\"areaCode\":\"N3\",\"occurredOn\":\"2026-03-04\","
                        + "\"recordedAt\":\"2026-03-04T08:30:00.125Z\",\"caseType\":\"S47\",\"assessmentId\":\"asmt-000311\","
                        + "\"childSeen\":false,\"workerId\":\"worker-0007\",\"planId\":\"plan-000052\",\"planType\":\"CIN\","
                        + "\"retractsEventId\":\"evt-000123-02\",\"childDateOfBirth\":\"2014-07-19\",\"childUnborn\":false,"
                        + "\"unaccompaniedAsylumSeeking\":true,\"assessmentType\":\"CORE\",\"visitType\":\"CLA\","
                        + "\"planEndReason\":\"SPECIAL_GUARDIANSHIP\",\"closureReason\":\"STEPPED_DOWN_TO_EARLY_HELP\","
                        + "\"conferenceType\":\"REVIEW\",\"conferenceOutcome\":\"NO_PLAN\",\"conferenceId\":\"conf-000041\","
                        + "\"reviewType\":\"CIN_REVIEW\",\"childParticipated\":false,\"placementId\":\"plc-000077\","
                        + "\"placementType\":\"CHILDRENS_HOME\",\"distanceFromHomeMiles\":23.75,\"outOfArea\":true,"
                        + "\"checkType\":\"PERSONAL_EDUCATION_PLAN\",\"arrangementId\":\"pfa-000009\","
                        + "\"hearingType\":\"FINAL\",\"agreement\":\"PARTIAL\",\"referredForReport\":true,"
                        + "\"reportId\":\"rpt-000019\",\"reportType\":\"RULE_16_4\",\"reportDueOn\":\"2026-05-27\","
                        + "\"orderType\":\"FAMILY_ASSISTANCE\",\"participantId\":\"party-2\","
                        + "\"safeguardingCheck\":\"POLICE_CHECK_SENT\",\"harmIndicated\":true,\"auditId\":\"aud-000008\","
                        + "\"auditType\":\"REPORT_QUALITY\",\"auditGrade\":\"INADEQUATE\",\"satisfied\":false}");
    }

    @Test
    void shouldKnowExactlyTheAvroFieldsInTheAvroOrder() {
        assertThat(Arrays.stream(CaseEventField.values()).map(f -> f.jsonName))
                .containsExactlyElementsOf(CaseEvent.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void shouldRoundTripAnEventWithoutOptionalFields(EventType type) {
        CaseEvent event = SampleEvents.minimal(type);

        assertThat(CaseEventJsonl.parseLine(CaseEventJsonl.toLine(event), 1))
                .isEqualTo(new ParsedLine.Event(1, event));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void shouldRoundTripAnEventWithEveryField(EventType type) {
        CaseEvent event = SampleEvents.everyField(type);

        assertThat(CaseEventJsonl.parseLine(CaseEventJsonl.toLine(event), 1))
                .isEqualTo(new ParsedLine.Event(1, event));
    }

    @Test
    void shouldKeepAValueWithALineBreakOnOneLine() {
        CaseEvent event = SampleEvents.minimal(EventType.REFERRAL_RECEIVED);
        event.setCaseType("S47\nsecond \"line\"");

        String line = CaseEventJsonl.toLine(event);

        assertThat(line).doesNotContain("\n").contains("\"caseType\":\"S47\\nsecond \\\"line\\\"\"");
        assertThat(parsed(line)).isEqualTo(event);
    }

    @Test
    void shouldNormaliseAnOffsetInRecordedAtToUtc() {
        assertThat(parsed(ALLOCATION_LINE.replace("2026-03-04T08:30:00Z", "2026-03-04T09:30:00+01:00")).getRecordedAt())
                .isEqualTo(Instant.parse("2026-03-04T08:30:00Z"));
        assertThat(parsed(ALLOCATION_LINE.replace("2026-03-04T08:30:00Z", "2026-03-04T03:30:00-05:00")).getRecordedAt())
                .isEqualTo(Instant.parse("2026-03-04T08:30:00Z"));
    }

    @Test
    void shouldWriteANormalisedOffsetBackInUtc() {
        CaseEvent event = parsed(ALLOCATION_LINE.replace("2026-03-04T08:30:00Z", "2026-03-04T09:30:00+01:00"));

        assertThat(CaseEventJsonl.toLine(event)).isEqualTo(ALLOCATION_LINE);
    }

    @Test
    void shouldKeepRecordedAtToTheMillisecondAsAvroDoes() {
        CaseEvent event = parsed(ALLOCATION_LINE.replace("2026-03-04T08:30:00Z", "2026-03-04T08:30:00.123999999Z"));

        assertThat(event.getRecordedAt()).isEqualTo(Instant.parse("2026-03-04T08:30:00.123Z"));
    }

    @Test
    void shouldReadNullAsOmittedAndAMissingRevisionAsZero() {
        String line = ALLOCATION_LINE.replace("\"revision\":0,", "").replace("}", ",\"caseType\":null,\"planType\":null}");

        assertThat(parsed(line)).isEqualTo(SampleEvents.minimal(EventType.ALLOCATION_MADE));
        assertThat(parsed(ALLOCATION_LINE.replace("\"revision\":0", "\"revision\":null")).getRevision()).isZero();
    }

    @Test
    void shouldAcceptAFieldThatDoesNotBelongToTheType() {
        CaseEvent event = parsed(ALLOCATION_LINE.replace("}", ",\"childSeen\":true}"));

        assertThat(event.getChildSeen()).isTrue();
    }

    static Stream<Arguments> badLines() {
        String ok = ALLOCATION_LINE;
        return Stream.of(
                bad("truncated JSON", "{\"eventId\":\"evt-1\",", null, ReasonCode.MALFORMED_JSON, "malformed JSON at column 20: Unexpected end-of-input"),
                bad("missing colon", "{\"eventId\" \"evt-1\"}", null, ReasonCode.MALFORMED_JSON, "malformed JSON at column 12"),
                bad("trailing garbage", ok + " x", null, ReasonCode.MALFORMED_JSON, "malformed JSON at column"),
                bad("second object on the line", ok + ok, null, ReasonCode.MALFORMED_JSON,
                        "unexpected content after the object at column " + (ok.length() + 1)),
                bad("blank", "   ", null, ReasonCode.MALFORMED_JSON, "blank line"),
                bad("array", "[" + ok + "]", null, ReasonCode.NOT_AN_OBJECT, "expected a JSON object, got an array"),
                bad("string", "\"evt-1\"", null, ReasonCode.NOT_AN_OBJECT, "expected a JSON object, got a string"),
                bad("null", "null", null, ReasonCode.NOT_AN_OBJECT, "expected a JSON object, got null"),
                bad("missing caseId", ok.replace("\"caseId\":\"case-000123\",", ""), "caseId", ReasonCode.MISSING_FIELD, "caseId: required"),
                bad("null type", ok.replace("\"ALLOCATION_MADE\"", "null"), "type", ReasonCode.MISSING_FIELD, "type: required"),
                bad("missing workerId", ok.replace(",\"workerId\":\"worker-0007\"", ""), "workerId", ReasonCode.MISSING_FIELD,
                        "workerId: required for ALLOCATION_MADE"),
                bad("revision as string", ok.replace("\"revision\":0", "\"revision\":\"0\""), "revision", ReasonCode.WRONG_TYPE,
                        "revision: expected an integer, got a string"),
                bad("revision with a fraction", ok.replace("\"revision\":0", "\"revision\":1.5"), "revision", ReasonCode.WRONG_TYPE,
                        "revision: expected an integer, got a decimal number"),
                bad("revision too large", ok.replace("\"revision\":0", "\"revision\":3000000000"), "revision", ReasonCode.INVALID_VALUE,
                        "revision: out of range for a 32-bit integer: \"3000000000\""),
                bad("negative revision", ok.replace("\"revision\":0", "\"revision\":-1"), "revision", ReasonCode.INVALID_VALUE,
                        "revision: must be 0 or more, got -1"),
                bad("id as number", ok.replace("\"evt-000123-03\"", "123"), "eventId", ReasonCode.WRONG_TYPE,
                        "eventId: expected a string, got an integer"),
                bad("id as object", ok.replace("\"N3\"", "{\"code\":\"N3\"}"), "areaCode", ReasonCode.WRONG_TYPE,
                        "areaCode: expected a string, got an object"),
                bad("boolean as string", ok.replace("}", ",\"childSeen\":\"yes\"}"), "childSeen", ReasonCode.WRONG_TYPE,
                        "childSeen: expected true or false, got a string"),
                bad("unknown event type", ok.replace("ALLOCATION_MADE", "ALLOCATED"), "type", ReasonCode.UNKNOWN_ENUM_VALUE,
                        "type: unknown value \"ALLOCATED\"; allowed: REFERRAL_RECEIVED, ASSESSMENT_STARTED, ASSESSMENT_COMPLETED, "
                                + "ALLOCATION_MADE, VISIT_RECORDED, PLAN_STARTED, PLAN_ENDED, CASE_CLOSED, EVENT_RETRACTED, "
                                + "STRATEGY_DISCUSSION_HELD, CONFERENCE_HELD, REVIEW_HELD, PLACEMENT_STARTED, PLACEMENT_ENDED, "
                                + "CHILD_CHECK_RECORDED, ADOPTION_DECISION_MADE, PLACED_FOR_ADOPTION, "
                                + "PRIVATE_FOSTERING_ARRANGEMENT_STARTED, PRIVATE_FOSTERING_ARRANGEMENT_ENDED, HEARING_HELD, "
                                + "REPORT_ORDERED, REPORT_FILED, ORDER_MADE, SAFEGUARDING_CHECK_RECORDED, "
                                + "DIVERSITY_FORM_COLLECTED, AUDIT_ASSIGNED, AUDIT_COMPLETED, FEEDBACK_RECEIVED"),
                bad("the reader's default type, sent", ok.replace("ALLOCATION_MADE", "UNKNOWN"), "type", ReasonCode.UNKNOWN_ENUM_VALUE,
                        "type: unknown value \"UNKNOWN\"; allowed: REFERRAL_RECEIVED"),
                bad("lower-case plan type", ok.replace("}", ",\"planType\":\"cp\"}"), "planType", ReasonCode.UNKNOWN_ENUM_VALUE,
                        "planType: unknown value \"cp\"; allowed: CP, CIN, CLA"),
                bad("date in UK order", ok.replace("2026-03-04\"", "04/03/2026\""), "occurredOn", ReasonCode.INVALID_FORMAT,
                        "occurredOn: expected a date YYYY-MM-DD, got \"04/03/2026\""),
                bad("impossible date", ok.replace("2026-03-04\"", "2026-02-30\""), "occurredOn", ReasonCode.INVALID_FORMAT,
                        "occurredOn: expected a date YYYY-MM-DD"),
                bad("instant without zone", ok.replace("08:30:00Z", "08:30:00"), "recordedAt", ReasonCode.INVALID_FORMAT,
                        "recordedAt: expected an ISO-8601 instant such as 2026-03-02T09:15:00Z, got \"2026-03-04T08:30:00\""),
                bad("instant with a space", ok.replace("T08:30:00Z", " 08:30:00Z"), "recordedAt", ReasonCode.INVALID_FORMAT,
                        "recordedAt: expected an ISO-8601 instant"),
                bad("instant beyond timestamp-millis", ok.replace("2026-03-04T08:30:00Z", "+300000000-03-04T08:30:00Z"), "recordedAt",
                        ReasonCode.INVALID_VALUE, "recordedAt: outside the range of a millisecond timestamp"),
                bad("misspelt field", ok.replace("occurredOn", "ocurredOn"), "ocurredOn", ReasonCode.UNKNOWN_FIELD,
                        "ocurredOn: unknown field; the fields are eventId, revision, type, caseId, childId, areaCode, occurredOn, "
                                + "recordedAt, caseType, assessmentId, childSeen, workerId, planId, planType, retractsEventId, "
                                + "childDateOfBirth, childUnborn, unaccompaniedAsylumSeeking, assessmentType, visitType, planEndReason, "
                                + "closureReason, conferenceType, conferenceOutcome, conferenceId, reviewType, childParticipated, "
                                + "placementId, placementType, distanceFromHomeMiles, outOfArea, checkType, arrangementId, hearingType, agreement, referredForReport, reportId, reportType, "
                                + "reportDueOn, orderType, participantId, safeguardingCheck, harmIndicated, auditId, auditType, "
                                + "auditGrade, satisfied"),
                bad("field in the wrong case", ok.replace("areaCode", "AreaCode"), "AreaCode", ReasonCode.UNKNOWN_FIELD, "unknown field"),
                bad("duplicate field", ok.replace("}", ",\"areaCode\":\"C5\"}"), "areaCode", ReasonCode.DUPLICATE_FIELD,
                        "areaCode: appears more than once"),
                bad("self-retraction", ok.replace("ALLOCATION_MADE", "EVENT_RETRACTED")
                                .replace("}", ",\"retractsEventId\":\"evt-000123-03\"}"), "retractsEventId", ReasonCode.INVALID_VALUE,
                        "retractsEventId: must differ from the event's own eventId"));
    }

    private static Arguments bad(String what, String line, String field, ReasonCode code, String messageFragment) {
        return Arguments.of(what, line, field, code, messageFragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void shouldRejectABadLineWithItsNumberFieldAndReason(String what, String line, String field, ReasonCode code, String message) {
        ParsedLine result = CaseEventJsonl.parseLine(line, 42);

        assertThat(result).isInstanceOfSatisfying(ParsedLine.LineError.class, error -> {
            assertThat(error.lineNumber()).isEqualTo(42);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.reason()).isEqualTo(code);
            assertThat(error.message()).startsWith("line 42: ").contains(message);
            assertThat(error.rawLine()).isEqualTo(line);
        });
    }

    @Test
    void shouldReportTheFirstStructuralProblemAlone() {
        String line = ALLOCATION_LINE.replace(",\"workerId\":\"worker-0007\"", "").replace("areaCode", "area").replace("2026-03-04\"", "4 March\"");

        assertThat(CaseEventJsonl.parseLine(line, 7))
                .isInstanceOfSatisfying(ParsedLine.LineError.class, error -> assertThat(error.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(tuple("area", ReasonCode.UNKNOWN_FIELD)));
    }

    @Test
    void shouldReportEveryValidatorViolationOfAWellFormedLine() {
        String line = ALLOCATION_LINE.replace("\"caseId\":\"case-000123\",", "").replace(",\"workerId\":\"worker-0007\"", "")
                .replace("\"N3\"", "\"\"");

        assertThat(CaseEventJsonl.parseLine(line, 7))
                .isInstanceOfSatisfying(ParsedLine.LineError.class, error -> {
                    assertThat(error.violations())
                            .extracting(Violation::field, Violation::code)
                            .containsExactly(
                                    tuple("caseId", ReasonCode.MISSING_FIELD),
                                    tuple("areaCode", ReasonCode.INVALID_VALUE),
                                    tuple("workerId", ReasonCode.MISSING_FIELD));
                    assertThat(error.message()).isEqualTo(
                            "line 7: caseId: required; areaCode: must not be blank; workerId: required for ALLOCATION_MADE");
                });
    }

    private static CaseEvent parsed(String line) {
        ParsedLine result = CaseEventJsonl.parseLine(line, 1);
        assertThat(result).isInstanceOf(ParsedLine.Event.class);
        return ((ParsedLine.Event) result).event();
    }
}
