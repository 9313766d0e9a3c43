package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** The event types and fields that version 2 of the contract adds, through the JSON Lines parser and the validator. */
class ContractV2JsonlTest extends ContractJsonlTest {

    private static final String COMMON = "\"caseId\":\"case-000210\",\"childId\":\"child-000150\",\"areaCode\":\"S4\","
            + "\"occurredOn\":\"2026-03-10\",\"recordedAt\":\"2026-03-10T11:00:00Z\"";

    private static String line(EventType type, String fields) {
        return line("evt-000210-01", COMMON, type, fields);
    }

    private static final String CONFERENCE = line(EventType.CONFERENCE_HELD,
            "\"conferenceType\":\"INITIAL\",\"conferenceOutcome\":\"PLAN\",\"conferenceId\":\"conf-000041\"");
    private static final String REVIEW = line(EventType.REVIEW_HELD, "\"reviewType\":\"CLA_REVIEW\",\"childParticipated\":true");
    private static final String PLACEMENT_START = line(EventType.PLACEMENT_STARTED,
            "\"placementId\":\"plc-000077\",\"placementType\":\"FOSTER_CARE\",\"distanceFromHomeMiles\":6.5,\"outOfArea\":false");
    private static final String PLACEMENT_END = line(EventType.PLACEMENT_ENDED, "\"placementId\":\"plc-000077\"");
    private static final String CHECK = line(EventType.CHILD_CHECK_RECORDED, "\"checkType\":\"DENTAL_CHECK\"");
    private static final String ARRANGEMENT_START = line(EventType.PRIVATE_FOSTERING_ARRANGEMENT_STARTED,
            "\"arrangementId\":\"pfa-000009\"");
    private static final String ARRANGEMENT_END = line(EventType.PRIVATE_FOSTERING_ARRANGEMENT_ENDED,
            "\"arrangementId\":\"pfa-000009\"");
    private static final String S47_START = line(EventType.ASSESSMENT_STARTED,
            "\"assessmentId\":\"asmt-000312\",\"childDateOfBirth\":\"2019-07-12\",\"childUnborn\":false,"
                    + "\"unaccompaniedAsylumSeeking\":true,\"assessmentType\":\"S47_ENQUIRY\"");
    private static final String PLAN_END = line(EventType.PLAN_ENDED,
            "\"planId\":\"plan-000140\",\"planType\":\"CLA\",\"planEndReason\":\"ADOPTION\"");
    private static final String CLOSURE = line(EventType.CASE_CLOSED, "\"closureReason\":\"OUTCOMES_ACHIEVED\"");
    private static final String VISIT = line(EventType.VISIT_RECORDED, "\"childSeen\":true,\"visitType\":\"PRIVATE_FOSTERING\"");

    @Override
    Stream<Arguments> goodLines() {
        return Stream.of(
                good(line(EventType.STRATEGY_DISCUSSION_HELD, ""), e -> assertThat(e.getType()).isEqualTo(EventType.STRATEGY_DISCUSSION_HELD)),
                good(CONFERENCE, e -> {
                    assertThat(e.getConferenceType()).isEqualTo(ConferenceType.INITIAL);
                    assertThat(e.getConferenceOutcome()).isEqualTo(ConferenceOutcome.PLAN);
                    assertThat(e.getConferenceId()).isEqualTo("conf-000041");
                }),
                good(REVIEW, e -> {
                    assertThat(e.getReviewType()).isEqualTo(ReviewType.CLA_REVIEW);
                    assertThat(e.getChildParticipated()).isTrue();
                }),
                good(PLACEMENT_START, e -> {
                    assertThat(e.getPlacementId()).isEqualTo("plc-000077");
                    assertThat(e.getPlacementType()).isEqualTo(PlacementType.FOSTER_CARE);
                    assertThat(e.getDistanceFromHomeMiles()).isEqualTo(6.5);
                    assertThat(e.getOutOfArea()).isFalse();
                }),
                good(PLACEMENT_START.replace("6.5", "12"), PLACEMENT_START.replace("6.5", "12.0"), e -> assertThat(e.getDistanceFromHomeMiles()).isEqualTo(12.0)),
                good(PLACEMENT_END, e -> assertThat(e.getPlacementId()).isEqualTo("plc-000077")),
                good(CHECK, e -> assertThat(e.getCheckType()).isEqualTo(CheckType.DENTAL_CHECK)),
                good(line(EventType.ADOPTION_DECISION_MADE, ""), e -> assertThat(e.getType()).isEqualTo(EventType.ADOPTION_DECISION_MADE)),
                good(line(EventType.PLACED_FOR_ADOPTION, ""), e -> assertThat(e.getType()).isEqualTo(EventType.PLACED_FOR_ADOPTION)),
                good(ARRANGEMENT_START, e -> assertThat(e.getArrangementId()).isEqualTo("pfa-000009")),
                good(ARRANGEMENT_END, e -> assertThat(e.getArrangementId()).isEqualTo("pfa-000009")),
                good(S47_START, e -> {
                    assertThat(e.getAssessmentType()).isEqualTo(AssessmentType.S47_ENQUIRY);
                    assertThat(e.getChildDateOfBirth()).isEqualTo(LocalDate.of(2019, 7, 12));
                    assertThat(e.getChildUnborn()).isFalse();
                    assertThat(e.getUnaccompaniedAsylumSeeking()).isTrue();
                }),
                good(PLAN_END, e -> assertThat(e.getPlanEndReason()).isEqualTo(PlanEndReason.ADOPTION)),
                good(CLOSURE, e -> assertThat(e.getClosureReason()).isEqualTo(ClosureReason.OUTCOMES_ACHIEVED)),
                good(VISIT, e -> assertThat(e.getVisitType()).isEqualTo(VisitType.PRIVATE_FOSTERING)),
                good(line(EventType.REFERRAL_RECEIVED, "\"childDateOfBirth\":\"2026-06-20\",\"childUnborn\":true"), e -> {
                    assertThat(e.getChildUnborn()).isTrue();
                    assertThat(e.getChildDateOfBirth()).as("the expected date").isEqualTo(LocalDate.of(2026, 6, 20));
                }));
    }

    @Override
    Stream<Arguments> requiredFields() {
        return Stream.of(
                Arguments.of(CONFERENCE, "conferenceType", "\"INITIAL\""),
                Arguments.of(CONFERENCE, "conferenceOutcome", "\"PLAN\""),
                Arguments.of(REVIEW, "reviewType", "\"CLA_REVIEW\""),
                Arguments.of(PLACEMENT_START, "placementId", "\"plc-000077\""),
                Arguments.of(PLACEMENT_START, "placementType", "\"FOSTER_CARE\""),
                Arguments.of(PLACEMENT_END, "placementId", "\"plc-000077\""),
                Arguments.of(CHECK, "checkType", "\"DENTAL_CHECK\""),
                Arguments.of(ARRANGEMENT_START, "arrangementId", "\"pfa-000009\""),
                Arguments.of(ARRANGEMENT_END, "arrangementId", "\"pfa-000009\""));
    }

    @Override
    Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of(S47_START, "assessmentType", "\"S47_ENQUIRY\"", AssessmentType.values()),
                Arguments.of(VISIT, "visitType", "\"PRIVATE_FOSTERING\"", VisitType.values()),
                Arguments.of(PLAN_END, "planEndReason", "\"ADOPTION\"", PlanEndReason.values()),
                Arguments.of(CLOSURE, "closureReason", "\"OUTCOMES_ACHIEVED\"", ClosureReason.values()),
                Arguments.of(CONFERENCE, "conferenceType", "\"INITIAL\"", ConferenceType.values()),
                Arguments.of(CONFERENCE, "conferenceOutcome", "\"PLAN\"", ConferenceOutcome.values()),
                Arguments.of(REVIEW, "reviewType", "\"CLA_REVIEW\"", ReviewType.values()),
                Arguments.of(PLACEMENT_START, "placementType", "\"FOSTER_CARE\"", PlacementType.values()),
                Arguments.of(CHECK, "checkType", "\"DENTAL_CHECK\"", CheckType.values()));
    }

    @Override
    Stream<Arguments> badValues() {
        return Stream.of(
                bad("date of birth in UK order", S47_START.replace("2019-07-12", "12/07/2019"), "childDateOfBirth",
                        ReasonCode.INVALID_FORMAT, "childDateOfBirth: expected a date YYYY-MM-DD"),
                bad("impossible date of birth", S47_START.replace("2019-07-12", "2019-02-30"), "childDateOfBirth",
                        ReasonCode.INVALID_FORMAT, "childDateOfBirth: expected a date YYYY-MM-DD"),
                bad("date of birth as a number", S47_START.replace("\"2019-07-12\"", "20190712"), "childDateOfBirth",
                        ReasonCode.WRONG_TYPE, "childDateOfBirth: expected a string, got an integer"),
                bad("date of birth after the event, child not unborn", S47_START.replace("2019-07-12", "2026-03-11"),
                        "childDateOfBirth", ReasonCode.INVALID_VALUE,
                        "childDateOfBirth: after occurredOn; an expected date of birth needs childUnborn true"),
                bad("unborn as a string", S47_START.replace("\"childUnborn\":false", "\"childUnborn\":\"no\""), "childUnborn",
                        ReasonCode.WRONG_TYPE, "childUnborn: expected true or false, got a string"),
                bad("asylum flag as a number", S47_START.replace("\"unaccompaniedAsylumSeeking\":true", "\"unaccompaniedAsylumSeeking\":1"),
                        "unaccompaniedAsylumSeeking", ReasonCode.WRONG_TYPE, "unaccompaniedAsylumSeeking: expected true or false, got an integer"),
                bad("participation as a string", REVIEW.replace("\"childParticipated\":true", "\"childParticipated\":\"Y\""),
                        "childParticipated", ReasonCode.WRONG_TYPE, "childParticipated: expected true or false, got a string"),
                bad("out of area as a string", PLACEMENT_START.replace("\"outOfArea\":false", "\"outOfArea\":\"false\""),
                        "outOfArea", ReasonCode.WRONG_TYPE, "outOfArea: expected true or false, got a string"),
                bad("distance as a string", PLACEMENT_START.replace("6.5", "\"6.5\""), "distanceFromHomeMiles",
                        ReasonCode.WRONG_TYPE, "distanceFromHomeMiles: expected a number, got a string"),
                bad("negative distance", PLACEMENT_START.replace("6.5", "-2"), "distanceFromHomeMiles",
                        ReasonCode.INVALID_VALUE, "distanceFromHomeMiles: must be 0 or more, got -2.0"),
                bad("distance beyond a double", PLACEMENT_START.replace("6.5", "1e400"), "distanceFromHomeMiles",
                        ReasonCode.INVALID_VALUE, "distanceFromHomeMiles: out of range for a double: \"1e400\""),
                bad("misspelt new field", CHECK.replace("checkType", "checktype"), "checktype",
                        ReasonCode.UNKNOWN_FIELD, "checktype: unknown field"),
                bad("duplicate new field", CHECK.replace("}", ",\"checkType\":\"DENTAL_CHECK\"}"), "checkType",
                        ReasonCode.DUPLICATE_FIELD, "checkType: appears more than once"));
    }

    @Test
    void shouldNeverRepeatADateOfBirthInAMessage() {
        String line = S47_START.replace("2019-07-12", "12/07/2019");

        assertThat(CaseEventJsonl.parseLine(line, 1)).isInstanceOfSatisfying(ParsedLine.LineError.class,
                error -> assertThat(error.message()).doesNotContain("12/07/2019").doesNotContain("2019"));
    }

    @Test
    void shouldNotOfferTheReadersDefaultTypeAsAValueToSend() {
        assertThat(CaseEventJsonl.parseLine(CHECK.replace("CHILD_CHECK_RECORDED", "CHILD_CHECK"), 1))
                .isInstanceOfSatisfying(ParsedLine.LineError.class, error -> assertThat(error.message())
                        .contains("PRIVATE_FOSTERING_ARRANGEMENT_ENDED")
                        .doesNotContain("UNKNOWN"));
    }
}
