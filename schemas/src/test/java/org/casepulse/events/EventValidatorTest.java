package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void shouldAcceptAnEventWithOnlyTheFieldsItsTypeRequires(EventType type) {
        assertThat(EventValidator.validate(SampleEvents.minimal(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void shouldIgnoreFieldsThatDoNotBelongToTheType(EventType type) {
        assertThat(EventValidator.validate(SampleEvents.everyField(type))).isEmpty();
    }

    static Stream<Arguments> typeSpecificRequirements() {
        return Stream.of(
                Arguments.of(EventType.ASSESSMENT_STARTED, "assessmentId", (Consumer<CaseEvent>) e -> e.setAssessmentId(null)),
                Arguments.of(EventType.ASSESSMENT_COMPLETED, "assessmentId", (Consumer<CaseEvent>) e -> e.setAssessmentId(null)),
                Arguments.of(EventType.ASSESSMENT_COMPLETED, "childSeen", (Consumer<CaseEvent>) e -> e.setChildSeen(null)),
                Arguments.of(EventType.ALLOCATION_MADE, "workerId", (Consumer<CaseEvent>) e -> e.setWorkerId(null)),
                Arguments.of(EventType.PLAN_STARTED, "planId", (Consumer<CaseEvent>) e -> e.setPlanId(null)),
                Arguments.of(EventType.PLAN_STARTED, "planType", (Consumer<CaseEvent>) e -> e.setPlanType(null)),
                Arguments.of(EventType.PLAN_ENDED, "planId", (Consumer<CaseEvent>) e -> e.setPlanId(null)),
                Arguments.of(EventType.PLAN_ENDED, "planType", (Consumer<CaseEvent>) e -> e.setPlanType(null)),
                Arguments.of(EventType.EVENT_RETRACTED, "retractsEventId", (Consumer<CaseEvent>) e -> e.setRetractsEventId(null)),
                Arguments.of(EventType.CONFERENCE_HELD, "conferenceType", (Consumer<CaseEvent>) e -> e.setConferenceType(null)),
                Arguments.of(EventType.CONFERENCE_HELD, "conferenceOutcome", (Consumer<CaseEvent>) e -> e.setConferenceOutcome(null)),
                Arguments.of(EventType.REVIEW_HELD, "reviewType", (Consumer<CaseEvent>) e -> e.setReviewType(null)),
                Arguments.of(EventType.PLACEMENT_STARTED, "placementId", (Consumer<CaseEvent>) e -> e.setPlacementId(null)),
                Arguments.of(EventType.PLACEMENT_STARTED, "placementType", (Consumer<CaseEvent>) e -> e.setPlacementType(null)),
                Arguments.of(EventType.PLACEMENT_ENDED, "placementId", (Consumer<CaseEvent>) e -> e.setPlacementId(null)),
                Arguments.of(EventType.CHILD_CHECK_RECORDED, "checkType", (Consumer<CaseEvent>) e -> e.setCheckType(null)),
                Arguments.of(EventType.PRIVATE_FOSTERING_ARRANGEMENT_STARTED, "arrangementId",
                        (Consumer<CaseEvent>) e -> e.setArrangementId(null)),
                Arguments.of(EventType.PRIVATE_FOSTERING_ARRANGEMENT_ENDED, "arrangementId",
                        (Consumer<CaseEvent>) e -> e.setArrangementId(null)),
                Arguments.of(EventType.HEARING_HELD, "hearingType", (Consumer<CaseEvent>) e -> e.setHearingType(null)),
                Arguments.of(EventType.REPORT_ORDERED, "reportId", (Consumer<CaseEvent>) e -> e.setReportId(null)),
                Arguments.of(EventType.REPORT_ORDERED, "reportType", (Consumer<CaseEvent>) e -> e.setReportType(null)),
                Arguments.of(EventType.REPORT_FILED, "reportId", (Consumer<CaseEvent>) e -> e.setReportId(null)),
                Arguments.of(EventType.REPORT_FILED, "reportType", (Consumer<CaseEvent>) e -> e.setReportType(null)),
                Arguments.of(EventType.ORDER_MADE, "orderType", (Consumer<CaseEvent>) e -> e.setOrderType(null)),
                Arguments.of(EventType.SAFEGUARDING_CHECK_RECORDED, "participantId",
                        (Consumer<CaseEvent>) e -> e.setParticipantId(null)),
                Arguments.of(EventType.SAFEGUARDING_CHECK_RECORDED, "safeguardingCheck",
                        (Consumer<CaseEvent>) e -> e.setSafeguardingCheck(null)),
                Arguments.of(EventType.AUDIT_ASSIGNED, "auditId", (Consumer<CaseEvent>) e -> e.setAuditId(null)),
                Arguments.of(EventType.AUDIT_ASSIGNED, "auditType", (Consumer<CaseEvent>) e -> e.setAuditType(null)),
                Arguments.of(EventType.AUDIT_COMPLETED, "auditId", (Consumer<CaseEvent>) e -> e.setAuditId(null)),
                Arguments.of(EventType.AUDIT_COMPLETED, "auditGrade", (Consumer<CaseEvent>) e -> e.setAuditGrade(null)),
                Arguments.of(EventType.FEEDBACK_RECEIVED, "satisfied", (Consumer<CaseEvent>) e -> e.setSatisfied(null)));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"STRATEGY_DISCUSSION_HELD", "ADOPTION_DECISION_MADE", "PLACED_FOR_ADOPTION",
            "DIVERSITY_FORM_COLLECTED"})
    void shouldNeedNothingButTheCommonFieldsForEventsThatAreTheirDate(EventType type) {
        assertThat(EventValidator.validate(SampleEvents.common(type).build())).isEmpty();
    }

    @Test
    void shouldRejectATypeFromALaterContractAsUnsupported() {
        CaseEvent event = SampleEvents.minimal(EventType.CASE_CLOSED);
        event.setType(EventType.UNKNOWN);

        assertThat(EventValidator.validate(event))
                .extracting(Violation::field, Violation::code, Violation::reason)
                .containsExactly(tuple("type", ReasonCode.UNSUPPORTED_TYPE,
                        "a type from a later version of the event contract; replay it after upgrading"));
        assertThat(ReasonCode.UNSUPPORTED_TYPE.code()).isEqualTo("unsupported-type");
    }

    @Test
    void shouldRejectADateOfBirthAfterTheEventUnlessTheChildIsUnbornWithoutRepeatingIt() {
        CaseEvent event = SampleEvents.minimal(EventType.VISIT_RECORDED); // occurred on 2026-03-04
        event.setChildDateOfBirth(LocalDate.of(2026, 3, 5));

        assertThat(EventValidator.validate(event))
                .extracting(Violation::field, Violation::code, Violation::describe)
                .containsExactly(tuple("childDateOfBirth", ReasonCode.INVALID_VALUE,
                        "childDateOfBirth: after occurredOn; an expected date of birth needs childUnborn true"));

        event.setChildUnborn(true);
        assertThat(EventValidator.validate(event)).as("an expected date of birth").isEmpty();
        event.setChildUnborn(null);
        event.setChildDateOfBirth(LocalDate.of(2026, 3, 4));
        assertThat(EventValidator.validate(event)).as("born on the day").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, Double.NaN, Double.POSITIVE_INFINITY})
    void shouldRejectADistanceThatIsNotZeroOrMore(double miles) {
        CaseEvent event = SampleEvents.minimal(EventType.PLACEMENT_STARTED);
        event.setDistanceFromHomeMiles(miles);

        assertThat(EventValidator.validate(event))
                .extracting(Violation::field, Violation::code, Violation::describe)
                .containsExactly(tuple("distanceFromHomeMiles", ReasonCode.INVALID_VALUE,
                        "distanceFromHomeMiles: must be 0 or more, got " + miles));
    }

    @Test
    void shouldAcceptAPlacementOnTheDoorstep() {
        CaseEvent event = SampleEvents.minimal(EventType.PLACEMENT_STARTED);
        event.setDistanceFromHomeMiles(0.0);

        assertThat(EventValidator.validate(event)).isEmpty();
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("typeSpecificRequirements")
    void shouldRequireTheFieldsOfEachType(EventType type, String field, Consumer<CaseEvent> removeField) {
        CaseEvent event = SampleEvents.minimal(type);
        removeField.accept(event);

        assertThat(EventValidator.validate(event))
                .extracting(Violation::field, Violation::code, Violation::describe)
                .containsExactly(tuple(field, ReasonCode.MISSING_FIELD, field + ": required for " + type));
    }

    @Test
    void shouldRejectABlankTypeSpecificId() {
        CaseEvent event = SampleEvents.minimal(EventType.ALLOCATION_MADE);
        event.setWorkerId("  ");

        assertThat(EventValidator.validate(event))
                .extracting(Violation::field, Violation::code, Violation::reason)
                .containsExactly(tuple("workerId", ReasonCode.INVALID_VALUE, "must not be blank"));
    }

    @Test
    void shouldRejectARetractionOfItself() {
        CaseEvent event = SampleEvents.minimal(EventType.EVENT_RETRACTED);
        event.setRetractsEventId(event.getEventId());

        assertThat(EventValidator.validate(event))
                .extracting(Violation::field, Violation::code, Violation::reason)
                .containsExactly(tuple("retractsEventId", ReasonCode.INVALID_VALUE,
                        "must differ from the event's own eventId"));
    }

    @Test
    void shouldCheckTheCommonFieldsOfEveryEvent() {
        CaseEvent event = SampleEvents.minimal(EventType.CASE_CLOSED);
        event.setEventId("");
        event.setRevision(-1);
        event.setCaseId(null);
        event.setChildId(" ");
        event.setAreaCode(null);
        event.setOccurredOn(null);
        event.put("recordedAt", null); // the generated setter refuses null

        assertThat(EventValidator.validate(event))
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        tuple("eventId", ReasonCode.INVALID_VALUE),
                        tuple("revision", ReasonCode.INVALID_VALUE),
                        tuple("caseId", ReasonCode.MISSING_FIELD),
                        tuple("childId", ReasonCode.INVALID_VALUE),
                        tuple("areaCode", ReasonCode.MISSING_FIELD),
                        tuple("occurredOn", ReasonCode.MISSING_FIELD),
                        tuple("recordedAt", ReasonCode.MISSING_FIELD));
    }

    @Test
    void shouldReportEveryViolationOfAnEventAtOnce() {
        CaseEvent event = SampleEvents.minimal(EventType.ASSESSMENT_COMPLETED);
        event.setAreaCode("");
        event.setAssessmentId(null);
        event.setChildSeen(null);

        assertThat(EventValidator.validate(event))
                .extracting(Violation::describe)
                .containsExactly(
                        "areaCode: must not be blank",
                        "assessmentId: required for ASSESSMENT_COMPLETED",
                        "childSeen: required for ASSESSMENT_COMPLETED");
    }

    @Test
    void shouldReportAMissingTypeWithoutGuessingTypeSpecificFields() {
        CaseEvent event = SampleEvents.minimal(EventType.ALLOCATION_MADE);
        event.setType(null);
        event.setWorkerId(null);

        assertThat(EventValidator.validate(event))
                .extracting(Violation::describe)
                .containsExactly("type: required");
    }

    @Test
    void shouldGiveEachReasonAStableMachineReadableCode() {
        assertThat(ReasonCode.MISSING_FIELD.code()).isEqualTo("missing-field");
        assertThat(ReasonCode.INVALID_VALUE.code()).isEqualTo("invalid-value");
        assertThat(ReasonCode.values())
                .extracting(ReasonCode::code)
                .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"))
                .doesNotHaveDuplicates();
    }
}
