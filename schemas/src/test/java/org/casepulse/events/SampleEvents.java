package org.casepulse.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Case events for tests: valid ones of every type, with and without their optional fields.
 * {@link EventType#UNKNOWN} has none: it is never valid.
 */
final class SampleEvents {

    /** Every type a producer may send: all but the reader's default for types of a later contract. */
    static final Set<EventType> SENDABLE_TYPES = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(EventType.UNKNOWN)));

    private SampleEvents() {
    }

    /** The common fields only: valid as it stands for the types that require nothing more. */
    static CaseEvent.Builder common(EventType type) {
        return CaseEvent.newBuilder()
                .setEventId("evt-000123-03")
                .setRevision(0)
                .setType(type)
                .setCaseId("case-000123")
                .setChildId("child-000045")
                .setAreaCode("N3")
                .setOccurredOn(LocalDate.of(2026, 3, 4))
                .setRecordedAt(Instant.parse("2026-03-04T08:30:00Z"));
    }

    /** A valid event with the fields its type requires and no others. */
    static CaseEvent minimal(EventType type) {
        CaseEvent.Builder event = common(type);
        switch (type) {
            case ASSESSMENT_STARTED -> event.setAssessmentId("asmt-000311");
            case ASSESSMENT_COMPLETED -> event.setAssessmentId("asmt-000311").setChildSeen(true);
            case ALLOCATION_MADE -> event.setWorkerId("worker-0007");
            case PLAN_STARTED, PLAN_ENDED -> event.setPlanId("plan-000052").setPlanType(PlanType.CP);
            case EVENT_RETRACTED -> event.setRetractsEventId("evt-000123-02");
            case CONFERENCE_HELD -> event.setConferenceType(ConferenceType.INITIAL).setConferenceOutcome(ConferenceOutcome.PLAN);
            case REVIEW_HELD -> event.setReviewType(ReviewType.CLA_REVIEW);
            case PLACEMENT_STARTED -> event.setPlacementId("plc-000077").setPlacementType(PlacementType.FOSTER_CARE);
            case PLACEMENT_ENDED -> event.setPlacementId("plc-000077");
            case CHILD_CHECK_RECORDED -> event.setCheckType(CheckType.DENTAL_CHECK);
            case PRIVATE_FOSTERING_ARRANGEMENT_STARTED, PRIVATE_FOSTERING_ARRANGEMENT_ENDED -> event.setArrangementId("pfa-000009");
            case HEARING_HELD -> event.setHearingType(HearingType.WORK_TO_FIRST_HEARING);
            case REPORT_ORDERED, REPORT_FILED -> event.setReportId("rpt-000019").setReportType(ReportType.SECTION_7);
            case ORDER_MADE -> event.setOrderType(OrderType.RULE_9_5);
            case SAFEGUARDING_CHECK_RECORDED -> event.setParticipantId("party-2")
                    .setSafeguardingCheck(SafeguardingCheckType.LA_CHECK_REQUESTED);
            case AUDIT_ASSIGNED -> event.setAuditId("aud-000008").setAuditType(AuditType.CASE_FILE);
            case AUDIT_COMPLETED -> event.setAuditId("aud-000008").setAuditType(AuditType.CASE_FILE)
                    .setAuditGrade(AuditGrade.GOOD);
            case FEEDBACK_RECEIVED -> event.setSatisfied(true);
            case REFERRAL_RECEIVED, VISIT_RECORDED, CASE_CLOSED, STRATEGY_DISCUSSION_HELD, ADOPTION_DECISION_MADE,
                    PLACED_FOR_ADOPTION, DIVERSITY_FORM_COLLECTED -> {
                // nothing required beyond the common fields
            }
            case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN is never valid: it stands for a type from a later contract");
        }
        return event.build();
    }

    /** A valid event with every field set, those its type does not use included (they are tolerated). */
    static CaseEvent everyField(EventType type) {
        return common(type)
                .setRevision(2)
                .setRecordedAt(Instant.parse("2026-03-04T08:30:00.125Z"))
                .setCaseType("S47")
                .setAssessmentId("asmt-000311")
                .setChildSeen(false)
                .setWorkerId("worker-0007")
                .setPlanId("plan-000052")
                .setPlanType(PlanType.CIN)
                .setRetractsEventId("evt-000123-02")
                .setChildDateOfBirth(LocalDate.of(2014, 7, 19))
                .setChildUnborn(false)
                .setUnaccompaniedAsylumSeeking(true)
                .setAssessmentType(AssessmentType.CORE)
                .setVisitType(VisitType.CLA)
                .setPlanEndReason(PlanEndReason.SPECIAL_GUARDIANSHIP)
                .setClosureReason(ClosureReason.STEPPED_DOWN_TO_EARLY_HELP)
                .setConferenceType(ConferenceType.REVIEW)
                .setConferenceOutcome(ConferenceOutcome.NO_PLAN)
                .setConferenceId("conf-000041")
                .setReviewType(ReviewType.CIN_REVIEW)
                .setChildParticipated(false)
                .setPlacementId("plc-000077")
                .setPlacementType(PlacementType.CHILDRENS_HOME)
                .setDistanceFromHomeMiles(23.75)
                .setOutOfArea(true)
                .setCheckType(CheckType.PERSONAL_EDUCATION_PLAN)
                .setArrangementId("pfa-000009")
                .setHearingType(HearingType.FINAL)
                .setAgreement(Agreement.PARTIAL)
                .setReferredForReport(true)
                .setReportId("rpt-000019")
                .setReportType(ReportType.RULE_16_4)
                .setReportDueOn(LocalDate.of(2026, 5, 27))
                .setOrderType(OrderType.FAMILY_ASSISTANCE)
                .setParticipantId("party-2")
                .setSafeguardingCheck(SafeguardingCheckType.POLICE_CHECK_SENT)
                .setHarmIndicated(true)
                .setAuditId("aud-000008")
                .setAuditType(AuditType.REPORT_QUALITY)
                .setAuditGrade(AuditGrade.INADEQUATE)
                .setSatisfied(false)
                .build();
    }
}
