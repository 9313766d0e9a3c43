package org.casepulse.events;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The JSON Lines field names of a {@link CaseEvent}: the Avro field names, in the Avro order. */
enum CaseEventField {
    EVENT_ID("eventId"),
    REVISION("revision"),
    TYPE("type"),
    CASE_ID("caseId"),
    CHILD_ID("childId"),
    AREA_CODE("areaCode"),
    OCCURRED_ON("occurredOn"),
    RECORDED_AT("recordedAt"),
    CASE_TYPE("caseType"),
    ASSESSMENT_ID("assessmentId"),
    CHILD_SEEN("childSeen"),
    WORKER_ID("workerId"),
    PLAN_ID("planId"),
    PLAN_TYPE("planType"),
    RETRACTS_EVENT_ID("retractsEventId"),
    CHILD_DATE_OF_BIRTH("childDateOfBirth"),
    CHILD_UNBORN("childUnborn"),
    UNACCOMPANIED_ASYLUM_SEEKING("unaccompaniedAsylumSeeking"),
    ASSESSMENT_TYPE("assessmentType"),
    VISIT_TYPE("visitType"),
    PLAN_END_REASON("planEndReason"),
    CLOSURE_REASON("closureReason"),
    CONFERENCE_TYPE("conferenceType"),
    CONFERENCE_OUTCOME("conferenceOutcome"),
    CONFERENCE_ID("conferenceId"),
    REVIEW_TYPE("reviewType"),
    CHILD_PARTICIPATED("childParticipated"),
    PLACEMENT_ID("placementId"),
    PLACEMENT_TYPE("placementType"),
    DISTANCE_FROM_HOME_MILES("distanceFromHomeMiles"),
    OUT_OF_AREA("outOfArea"),
    CHECK_TYPE("checkType"),
    ARRANGEMENT_ID("arrangementId"),
    HEARING_TYPE("hearingType"),
    AGREEMENT("agreement"),
    REFERRED_FOR_REPORT("referredForReport"),
    REPORT_ID("reportId"),
    REPORT_TYPE("reportType"),
    REPORT_DUE_ON("reportDueOn"),
    ORDER_TYPE("orderType"),
    PARTICIPANT_ID("participantId"),
    SAFEGUARDING_CHECK("safeguardingCheck"),
    HARM_INDICATED("harmIndicated"),
    AUDIT_ID("auditId"),
    AUDIT_TYPE("auditType"),
    AUDIT_GRADE("auditGrade"),
    SATISFIED("satisfied");

    private static final Map<String, CaseEventField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> f.jsonName, Function.identity()));
    private static final String ALL_NAMES = Arrays.stream(values())
            .map(f -> f.jsonName)
            .collect(Collectors.joining(", "));

    final String jsonName;
    /** Pre-encoded once, so that writing a name costs a copy. */
    final SerializedString serializedName;

    CaseEventField(String jsonName) {
        this.jsonName = jsonName;
        this.serializedName = new SerializedString(jsonName);
    }

    /** The field of that exact (case-sensitive) name, or null when the contract has none. */
    static CaseEventField byName(String jsonName) {
        return BY_NAME.get(jsonName);
    }

    /** Every field name in order, comma-separated, for error messages. */
    static String allNames() {
        return ALL_NAMES;
    }
}
