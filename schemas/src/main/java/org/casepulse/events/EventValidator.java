package org.casepulse.events;

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
 *   <li>REFERRAL_RECEIVED ({@code caseType} optional), VISIT_RECORDED ({@code childSeen}
 *       optional), CASE_CLOSED: nothing more</li>
 * </ul>
 * A required id must also be non-blank: a blank id cannot pair events. No text field may pass
 * its {@link FieldLimits} (checked first, so an oversized field is reported as such).
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
            case REFERRAL_RECEIVED, VISIT_RECORDED, CASE_CLOSED -> {
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
