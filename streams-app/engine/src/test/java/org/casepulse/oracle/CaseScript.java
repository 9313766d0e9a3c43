package org.casepulse.oracle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;

/**
 * Writes the events of one case, for hand-worked tests and for {@link RandomHistories}. Event ids
 * are E1, E2, ... within the case (so they repeat across cases, as an id only names an event
 * within its case); recordedAt is 09:00 London on the event's date, one second later per event
 * written, so events of one date keep the order they were written in.
 */
final class CaseScript {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final String caseId;
    private final String childId;
    private String areaCode;
    private int written;

    private CaseScript(String caseId, String childId, String areaCode) {
        this.caseId = caseId;
        this.childId = childId;
        this.areaCode = areaCode;
    }

    static CaseScript of(String caseId, String childId, String areaCode) {
        return new CaseScript(caseId, childId, areaCode);
    }

    /** The area of the events written from now on. */
    CaseScript in(String areaCode) {
        this.areaCode = areaCode;
        return this;
    }

    CaseEvent referral(String date) {
        return event(EventType.REFERRAL_RECEIVED, date, b -> { });
    }

    CaseEvent referral(String date, String caseType) {
        return event(EventType.REFERRAL_RECEIVED, date, b -> b.setCaseType(caseType));
    }

    CaseEvent allocation(String date, String workerId) {
        return event(EventType.ALLOCATION_MADE, date, b -> b.setWorkerId(workerId));
    }

    CaseEvent assessmentStarted(String assessmentId, String date) {
        return event(EventType.ASSESSMENT_STARTED, date, b -> b.setAssessmentId(assessmentId));
    }

    CaseEvent assessmentCompleted(String assessmentId, String date, boolean childSeen) {
        return event(EventType.ASSESSMENT_COMPLETED, date,
                b -> b.setAssessmentId(assessmentId).setChildSeen(childSeen));
    }

    CaseEvent visit(String date) {
        return event(EventType.VISIT_RECORDED, date, b -> { });
    }

    CaseEvent planStarted(String planId, PlanType type, String date) {
        return event(EventType.PLAN_STARTED, date, b -> b.setPlanId(planId).setPlanType(type));
    }

    CaseEvent planEnded(String planId, PlanType type, String date) {
        return event(EventType.PLAN_ENDED, date, b -> b.setPlanId(planId).setPlanType(type));
    }

    CaseEvent closure(String date) {
        return event(EventType.CASE_CLOSED, date, b -> { });
    }

    CaseEvent retraction(CaseEvent target, String date) {
        return event(EventType.EVENT_RETRACTED, date, b -> b.setRetractsEventId(target.getEventId()));
    }

    CaseEvent event(EventType type, String date, Consumer<CaseEvent.Builder> fields) {
        return event(type, LocalDate.parse(date), fields);
    }

    /** An event of the next id at revision 0, with the fields its type needs set by {@code fields}. */
    CaseEvent event(EventType type, LocalDate date, Consumer<CaseEvent.Builder> fields) {
        written++;
        CaseEvent.Builder builder = CaseEvent.newBuilder()
                .setEventId("E" + written)
                .setRevision(0)
                .setType(type)
                .setCaseId(caseId)
                .setChildId(childId)
                .setAreaCode(areaCode)
                .setOccurredOn(date)
                .setRecordedAt(date.atTime(LocalTime.of(9, 0)).atZone(LONDON).toInstant().plusSeconds(written));
        fields.accept(builder);
        return builder.build();
    }

    /** The same event re-sent with its revision raised by one and {@code change} applied. */
    static CaseEvent amended(CaseEvent event, Consumer<CaseEvent.Builder> change) {
        CaseEvent.Builder builder = copy(event).setRevision(event.getRevision() + 1);
        change.accept(builder);
        return builder.build();
    }

    /**
     * A builder holding the event's fields. Copied field by field because Avro's copying builder
     * resolves enum classes by name, which it refuses outside trusted packages (the system
     * property Surefire sets), and a harness may run this elsewhere.
     */
    static CaseEvent.Builder copy(CaseEvent event) {
        return CaseEvent.newBuilder()
                .setEventId(event.getEventId())
                .setRevision(event.getRevision())
                .setType(event.getType())
                .setCaseId(event.getCaseId())
                .setChildId(event.getChildId())
                .setAreaCode(event.getAreaCode())
                .setOccurredOn(event.getOccurredOn())
                .setRecordedAt(event.getRecordedAt())
                .setCaseType(event.getCaseType())
                .setAssessmentId(event.getAssessmentId())
                .setChildSeen(event.getChildSeen())
                .setWorkerId(event.getWorkerId())
                .setPlanId(event.getPlanId())
                .setPlanType(event.getPlanType())
                .setRetractsEventId(event.getRetractsEventId())
                .setChildDateOfBirth(event.getChildDateOfBirth())
                .setChildUnborn(event.getChildUnborn())
                .setUnaccompaniedAsylumSeeking(event.getUnaccompaniedAsylumSeeking())
                .setAssessmentType(event.getAssessmentType())
                .setVisitType(event.getVisitType())
                .setPlanEndReason(event.getPlanEndReason())
                .setClosureReason(event.getClosureReason())
                .setConferenceType(event.getConferenceType())
                .setConferenceOutcome(event.getConferenceOutcome())
                .setConferenceId(event.getConferenceId())
                .setReviewType(event.getReviewType())
                .setChildParticipated(event.getChildParticipated())
                .setPlacementId(event.getPlacementId())
                .setPlacementType(event.getPlacementType())
                .setDistanceFromHomeMiles(event.getDistanceFromHomeMiles())
                .setOutOfArea(event.getOutOfArea())
                .setCheckType(event.getCheckType())
                .setArrangementId(event.getArrangementId())
                .setHearingType(event.getHearingType())
                .setAgreement(event.getAgreement())
                .setReferredForReport(event.getReferredForReport())
                .setReportId(event.getReportId())
                .setReportType(event.getReportType())
                .setReportDueOn(event.getReportDueOn())
                .setOrderType(event.getOrderType())
                .setParticipantId(event.getParticipantId())
                .setSafeguardingCheck(event.getSafeguardingCheck())
                .setHarmIndicated(event.getHarmIndicated())
                .setAuditId(event.getAuditId())
                .setAuditType(event.getAuditType())
                .setAuditGrade(event.getAuditGrade())
                .setSatisfied(event.getSatisfied());
    }

    /** An amendment that moves the event's business date. */
    static Consumer<CaseEvent.Builder> on(String date) {
        return b -> b.setOccurredOn(LocalDate.parse(date));
    }
}
