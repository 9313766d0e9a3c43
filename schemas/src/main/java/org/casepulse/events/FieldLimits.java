package org.casepulse.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Upper bounds on the size of an event, checked before anything is kept: the engine stores a
 * case's events, so one oversized field (a 400 KB "caseType") would otherwise be held, and
 * changelogged, for the life of the case. The bounds are far above any real identifier or code.
 *
 * <ul>
 *   <li>identifiers ({@code eventId}, {@code caseId}, {@code childId}, {@code assessmentId},
 *       {@code workerId}, {@code planId}, {@code retractsEventId}, and from v3 {@code reportId},
 *       {@code participantId}, {@code auditId}): {@value #MAX_ID_LENGTH} characters</li>
 *   <li>codes ({@code areaCode}, {@code caseType}): {@value #MAX_CODE_LENGTH} characters</li>
 *   <li>a whole record as received: {@value #MAX_RECORD_BYTES} bytes</li>
 * </ul>
 */
public final class FieldLimits {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_CODE_LENGTH = 64;
    /** A valid event, every id at its longest, encodes to under 2 KiB; 16 KiB leaves room for new fields. */
    public static final int MAX_RECORD_BYTES = 16 * 1024;

    private FieldLimits() {
    }

    /** Every field over its limit, in field order; empty when all fit. */
    public static List<Violation> check(CaseEvent event) {
        List<Violation> violations = new ArrayList<>(0);
        limit(violations, "eventId", event.getEventId(), MAX_ID_LENGTH);
        limit(violations, "caseId", event.getCaseId(), MAX_ID_LENGTH);
        limit(violations, "childId", event.getChildId(), MAX_ID_LENGTH);
        limit(violations, "areaCode", event.getAreaCode(), MAX_CODE_LENGTH);
        limit(violations, "caseType", event.getCaseType(), MAX_CODE_LENGTH);
        limit(violations, "assessmentId", event.getAssessmentId(), MAX_ID_LENGTH);
        limit(violations, "workerId", event.getWorkerId(), MAX_ID_LENGTH);
        limit(violations, "planId", event.getPlanId(), MAX_ID_LENGTH);
        limit(violations, "retractsEventId", event.getRetractsEventId(), MAX_ID_LENGTH);
        limit(violations, "reportId", event.getReportId(), MAX_ID_LENGTH);
        limit(violations, "participantId", event.getParticipantId(), MAX_ID_LENGTH);
        limit(violations, "auditId", event.getAuditId(), MAX_ID_LENGTH);
        return violations.isEmpty() ? List.of() : List.copyOf(violations);
    }

    /** The record as received, before it is decoded; null when it fits. */
    public static Violation checkRecordSize(int bytes) {
        return bytes <= MAX_RECORD_BYTES ? null : new Violation(null, ReasonCode.RECORD_TOO_LARGE,
                "the record is " + bytes + " bytes, over the limit of " + MAX_RECORD_BYTES);
    }

    private static void limit(List<Violation> violations, String field, CharSequence value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, ReasonCode.FIELD_TOO_LONG,
                    "is " + value.length() + " characters, over the limit of " + max));
        }
    }
}
