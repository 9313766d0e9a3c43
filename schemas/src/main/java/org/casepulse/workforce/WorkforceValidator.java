package org.casepulse.workforce;

import java.util.ArrayList;
import java.util.List;
import org.casepulse.events.FieldLimits;
import org.casepulse.events.ReasonCode;
import org.casepulse.events.Violation;

/**
 * Checks one {@link WorkforceEvent} on its own, as EventValidator does for case events: the
 * fields every fact needs and those its type requires.
 *
 * <ul>
 *   <li>every type: {@code eventId}, {@code areaCode} not blank; {@code type}, {@code effectiveOn},
 *       {@code recordedAt} present; {@code revision >= 0}</li>
 *   <li>POST_RECORDED: {@code postId}, {@code teamType}, {@code role}, {@code fte} (more than 0, at
 *       most 1, whole hundredths), {@code filledBy}; {@code workerId} when filled (PERMANENT, AGENCY)</li>
 *   <li>POST_DISESTABLISHED: {@code postId}</li>
 *   <li>ABSENCE_RECORDED: {@code workerId}, {@code absenceType}, {@code lastDay} not before {@code effectiveOn}</li>
 *   <li>APPRAISAL_COMPLETED, DIVERSITY_RECORDED, QUALIFICATION_RECORDED: {@code workerId}</li>
 *   <li>EVENT_RETRACTED: {@code retractsEventId} (not its own eventId), and {@code postId} or
 *       {@code workerId}: the subject whose fact it removes</li>
 *   <li>UNKNOWN: never valid ({@code unsupported-type})</li>
 * </ul>
 * Ids are at most {@link FieldLimits#MAX_ID_LENGTH} characters, {@code areaCode}
 * {@link FieldLimits#MAX_CODE_LENGTH}. A field the type does not use is ignored. Messages never
 * repeat a worker id.
 */
public final class WorkforceValidator {

    private WorkforceValidator() {
    }

    /** Every violation of the fact, in field order; empty when it is valid. */
    public static List<Violation> validate(WorkforceEvent event) {
        List<Violation> violations = new ArrayList<>();
        limit(violations, "eventId", event.getEventId(), FieldLimits.MAX_ID_LENGTH);
        limit(violations, "areaCode", event.getAreaCode(), FieldLimits.MAX_CODE_LENGTH);
        limit(violations, "postId", event.getPostId(), FieldLimits.MAX_ID_LENGTH);
        limit(violations, "workerId", event.getWorkerId(), FieldLimits.MAX_ID_LENGTH);
        limit(violations, "retractsEventId", event.getRetractsEventId(), FieldLimits.MAX_ID_LENGTH);
        requireText(violations, "eventId", event.getEventId(), null);
        if (event.getRevision() < 0) {
            violations.add(new Violation("revision", ReasonCode.INVALID_VALUE, "must be 0 or more, got " + event.getRevision()));
        }
        requireValue(violations, "type", event.getType(), null);
        requireText(violations, "areaCode", event.getAreaCode(), null);
        requireValue(violations, "effectiveOn", event.getEffectiveOn(), null);
        requireValue(violations, "recordedAt", event.getRecordedAt(), null);
        WorkforceEventType type = event.getType();
        if (type != null) {
            checkType(violations, event, type);
        }
        return violations.isEmpty() ? List.of() : List.copyOf(violations);
    }

    private static void checkType(List<Violation> violations, WorkforceEvent event, WorkforceEventType type) {
        switch (type) {
            case POST_RECORDED -> {
                requireText(violations, "postId", event.getPostId(), type);
                requireValue(violations, "teamType", event.getTeamType(), type);
                requireValue(violations, "role", event.getRole(), type);
                requireValue(violations, "fte", event.getFte(), type);
                Double fte = event.getFte();
                if (fte != null && !(fte > 0 && fte <= 1 && Math.abs(fte * 100 - Math.rint(fte * 100)) < 1e-6)) {
                    violations.add(new Violation("fte", ReasonCode.INVALID_VALUE,
                            "must be more than 0 and at most 1, in whole hundredths, got " + fte));
                }
                requireValue(violations, "filledBy", event.getFilledBy(), type);
                if (event.getFilledBy() != null && event.getFilledBy() != PostFilling.VACANT) {
                    requireText(violations, "workerId", event.getWorkerId(), type);
                }
            }
            case POST_DISESTABLISHED -> requireText(violations, "postId", event.getPostId(), type);
            case ABSENCE_RECORDED -> {
                requireText(violations, "workerId", event.getWorkerId(), type);
                requireValue(violations, "absenceType", event.getAbsenceType(), type);
                requireValue(violations, "lastDay", event.getLastDay(), type);
                if (event.getLastDay() != null && event.getEffectiveOn() != null
                        && event.getLastDay().isBefore(event.getEffectiveOn())) {
                    violations.add(new Violation("lastDay", ReasonCode.INVALID_VALUE, "before effectiveOn"));
                }
            }
            case APPRAISAL_COMPLETED, DIVERSITY_RECORDED, QUALIFICATION_RECORDED -> requireText(violations, "workerId", event.getWorkerId(), type);
            case EVENT_RETRACTED -> {
                requireText(violations, "retractsEventId", event.getRetractsEventId(), type);
                if (event.getRetractsEventId() != null && event.getRetractsEventId().equals(event.getEventId())) {
                    violations.add(new Violation("retractsEventId", ReasonCode.INVALID_VALUE,
                            "must differ from the event's own eventId"));
                }
                if (event.getPostId() == null && event.getWorkerId() == null) {
                    violations.add(new Violation("postId", ReasonCode.MISSING_FIELD,
                            "required for EVENT_RETRACTED (or workerId): the subject of the retracted fact"));
                }
            }
            case UNKNOWN -> violations.add(new Violation("type", ReasonCode.UNSUPPORTED_TYPE,
                    "a type from a later version of the workforce contract; replay it after upgrading"));
        }
    }

    private static void limit(List<Violation> violations, String field, CharSequence value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, ReasonCode.FIELD_TOO_LONG,
                    "is " + value.length() + " characters, over the limit of " + max));
        }
    }

    private static void requireText(List<Violation> violations, String field, String value, WorkforceEventType type) {
        if (value == null) {
            violations.add(new Violation(field, ReasonCode.MISSING_FIELD, type == null ? "required" : "required for " + type));
        } else if (value.isBlank()) {
            violations.add(new Violation(field, ReasonCode.INVALID_VALUE, "must not be blank"));
        }
    }

    private static void requireValue(List<Violation> violations, String field, Object value, WorkforceEventType type) {
        if (value == null) {
            violations.add(new Violation(field, ReasonCode.MISSING_FIELD, type == null ? "required" : "required for " + type));
        }
    }
}
