package org.casepulse.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one {@link CaseEvent} on its own: the fields every event needs and the fields its
 * {@link EventType} requires. The Avro schema leaves the per-type fields optional so that one
 * record type carries every event; this class is where "required for this type" lives.
 *
 * <p>Required per type:
 * <ul>
 *   <li>every type: {@code eventId}, {@code caseId}, {@code childId}, {@code areaCode} present and
 *       not blank; {@code type}, {@code occurredOn}, {@code recordedAt} present; {@code revision >= 0}</li>
 *   <li>ASSESSMENT_STARTED: {@code assessmentId}</li>
 *   <li>ASSESSMENT_COMPLETED: {@code assessmentId}, {@code childSeen}</li>
 *   <li>ALLOCATION_MADE: {@code workerId}</li>
 *   <li>PLAN_STARTED, PLAN_ENDED: {@code planId}, {@code planType}</li>
 *   <li>EVENT_RETRACTED: {@code retractsEventId}, different from the event's own {@code eventId}</li>
 *   <li>REFERRAL_RECEIVED ({@code caseType} optional), VISIT_RECORDED ({@code childSeen},
 *       {@code visitType} optional), CASE_CLOSED ({@code closureReason} optional): nothing more</li>
 *   <li>CONFERENCE_HELD: {@code conferenceType}, {@code conferenceOutcome}</li>
 *   <li>REVIEW_HELD: {@code reviewType}</li>
 *   <li>PLACEMENT_STARTED: {@code placementId}, {@code placementType}; PLACEMENT_ENDED: {@code placementId}</li>
 *   <li>CHILD_CHECK_RECORDED: {@code checkType}</li>
 *   <li>PRIVATE_FOSTERING_ARRANGEMENT_STARTED, PRIVATE_FOSTERING_ARRANGEMENT_ENDED: {@code arrangementId}</li>
 *   <li>STRATEGY_DISCUSSION_HELD, ADOPTION_DECISION_MADE, PLACED_FOR_ADOPTION: nothing more</li>
 *   <li>HEARING_HELD: {@code hearingType} ({@code agreement}, {@code referredForReport} optional)</li>
 *   <li>REPORT_ORDERED: {@code reportId}, {@code reportType} ({@code reportDueOn} optional);
 *       REPORT_FILED: {@code reportId}, {@code reportType}</li>
 *   <li>ORDER_MADE: {@code orderType}</li>
 *   <li>SAFEGUARDING_CHECK_RECORDED: {@code participantId}, {@code safeguardingCheck}
 *       ({@code harmIndicated} optional)</li>
 *   <li>AUDIT_ASSIGNED: {@code auditId}, {@code auditType}; AUDIT_COMPLETED: {@code auditId},
 *       {@code auditType}, {@code auditGrade}</li>
 *   <li>FEEDBACK_RECEIVED: {@code satisfied}; DIVERSITY_FORM_COLLECTED: nothing more</li>
 *   <li>UNKNOWN, a type from a later version of the contract: never valid here
 *       ({@link ReasonCode#UNSUPPORTED_TYPE})</li>
 * </ul>
 * A required id must also be non-blank: a blank id cannot pair events. On any event, a
 * {@code childDateOfBirth} after {@code occurredOn} needs {@code childUnborn} true (it is then
 * the expected date); on PLACEMENT_STARTED, {@code distanceFromHomeMiles} is 0 or more. Messages
 * never repeat a date of birth. No text field may pass its {@link FieldLimits} (checked first, so an
 * oversized field is reported as such).
 *
 * <p>Tolerant reader: a field that does not belong to the event's type (a {@code workerId} on a
 * VISIT_RECORDED) is not a violation. It is ignored, and consumers must not read it, so that a
 * case-management system that fills extra fields is not dead-lettered for it.
 *
 * <p>Checks that need reference data (unknown area codes, dates outside the working-day calendar)
 * belong to the streams application, not here.
 */
public final class EventValidator {

    private EventValidator() {
    }

    /** Every violation of the event, in field order; empty when the event is valid. */
    public static List<Violation> validate(CaseEvent event) {
        List<Violation> violations = new ArrayList<>(FieldLimits.check(event));
        requireText(violations, "eventId", event.getEventId(), null);
        if (event.getRevision() < 0) {
            violations.add(new Violation("revision", ReasonCode.INVALID_VALUE,
                    "must be 0 or more, got " + event.getRevision()));
        }
        requireValue(violations, "type", event.getType(), null);
        requireText(violations, "caseId", event.getCaseId(), null);
        requireText(violations, "childId", event.getChildId(), null);
        requireText(violations, "areaCode", event.getAreaCode(), null);
        requireValue(violations, "occurredOn", event.getOccurredOn(), null);
        requireValue(violations, "recordedAt", event.getRecordedAt(), null);
        LocalDate born = event.getChildDateOfBirth();
        if (born != null && event.getOccurredOn() != null && born.isAfter(event.getOccurredOn())
                && !Boolean.TRUE.equals(event.getChildUnborn())) {
            violations.add(new Violation("childDateOfBirth", ReasonCode.INVALID_VALUE,
                    "after occurredOn; an expected date of birth needs childUnborn true"));
        }
        EventType type = event.getType();
        if (type != null) {
            checkTypeSpecificFields(violations, event, type);
        }
        return violations.isEmpty() ? List.of() : List.copyOf(violations);
    }

    private static void checkTypeSpecificFields(List<Violation> violations, CaseEvent event, EventType type) {
        switch (type) {
            case ASSESSMENT_STARTED -> requireText(violations, "assessmentId", event.getAssessmentId(), type);
            case ASSESSMENT_COMPLETED -> {
                requireText(violations, "assessmentId", event.getAssessmentId(), type);
                requireValue(violations, "childSeen", event.getChildSeen(), type);
            }
            case ALLOCATION_MADE -> requireText(violations, "workerId", event.getWorkerId(), type);
            case PLAN_STARTED, PLAN_ENDED -> {
                requireText(violations, "planId", event.getPlanId(), type);
                requireValue(violations, "planType", event.getPlanType(), type);
            }
            case EVENT_RETRACTED -> {
                String retracted = event.getRetractsEventId();
                requireText(violations, "retractsEventId", retracted, type);
                if (retracted != null && retracted.equals(event.getEventId())) {
                    violations.add(new Violation("retractsEventId", ReasonCode.INVALID_VALUE,
                            "must differ from the event's own eventId"));
                }
            }
            case CONFERENCE_HELD -> {
                requireValue(violations, "conferenceType", event.getConferenceType(), type);
                requireValue(violations, "conferenceOutcome", event.getConferenceOutcome(), type);
            }
            case REVIEW_HELD -> requireValue(violations, "reviewType", event.getReviewType(), type);
            case PLACEMENT_STARTED -> {
                requireText(violations, "placementId", event.getPlacementId(), type);
                requireValue(violations, "placementType", event.getPlacementType(), type);
                Double miles = event.getDistanceFromHomeMiles();
                if (miles != null && !(miles >= 0 && Double.isFinite(miles))) {
                    violations.add(new Violation("distanceFromHomeMiles", ReasonCode.INVALID_VALUE,
                            "must be 0 or more, got " + miles));
                }
            }
            case PLACEMENT_ENDED -> requireText(violations, "placementId", event.getPlacementId(), type);
            case CHILD_CHECK_RECORDED -> requireValue(violations, "checkType", event.getCheckType(), type);
            case PRIVATE_FOSTERING_ARRANGEMENT_STARTED, PRIVATE_FOSTERING_ARRANGEMENT_ENDED ->
                    requireText(violations, "arrangementId", event.getArrangementId(), type);
            case HEARING_HELD -> requireValue(violations, "hearingType", event.getHearingType(), type);
            case REPORT_ORDERED, REPORT_FILED -> {
                requireText(violations, "reportId", event.getReportId(), type);
                requireValue(violations, "reportType", event.getReportType(), type);
            }
            case ORDER_MADE -> requireValue(violations, "orderType", event.getOrderType(), type);
            case SAFEGUARDING_CHECK_RECORDED -> {
                requireText(violations, "participantId", event.getParticipantId(), type);
                requireValue(violations, "safeguardingCheck", event.getSafeguardingCheck(), type);
            }
            case AUDIT_ASSIGNED, AUDIT_COMPLETED -> {
                requireText(violations, "auditId", event.getAuditId(), type);
                requireValue(violations, "auditType", event.getAuditType(), type);
                if (type == EventType.AUDIT_COMPLETED) {
                    requireValue(violations, "auditGrade", event.getAuditGrade(), type);
                }
            }
            case FEEDBACK_RECEIVED -> requireValue(violations, "satisfied", event.getSatisfied(), type);
            case UNKNOWN -> violations.add(new Violation("type", ReasonCode.UNSUPPORTED_TYPE,
                    "a type from a later version of the event contract; replay it after upgrading"));
            case REFERRAL_RECEIVED, VISIT_RECORDED, CASE_CLOSED, STRATEGY_DISCUSSION_HELD, ADOPTION_DECISION_MADE,
                    PLACED_FOR_ADOPTION, DIVERSITY_FORM_COLLECTED -> {
                // Only optional fields beyond the common ones.
            }
        }
    }

    private static void requireText(List<Violation> violations, String field, String value, EventType type) {
        if (value == null) {
            violations.add(new Violation(field, ReasonCode.MISSING_FIELD, required(type)));
        } else if (value.isBlank()) {
            violations.add(new Violation(field, ReasonCode.INVALID_VALUE, "must not be blank"));
        }
    }

    private static void requireValue(List<Violation> violations, String field, Object value, EventType type) {
        if (value == null) {
            violations.add(new Violation(field, ReasonCode.MISSING_FIELD, required(type)));
        }
    }

    private static String required(EventType type) {
        return type == null ? "required" : "required for " + type;
    }
}
