package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldAcceptAnEventWithOnlyTheFieldsItsTypeRequires(EventType type) {
        assertThat(EventValidator.validate(SampleEvents.minimal(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
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
                Arguments.of(EventType.EVENT_RETRACTED, "retractsEventId", (Consumer<CaseEvent>) e -> e.setRetractsEventId(null)));
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
