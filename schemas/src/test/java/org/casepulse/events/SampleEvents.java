package org.casepulse.events;

import java.time.Instant;
import java.time.LocalDate;

/** Case events for tests: valid ones of every type, with and without their optional fields. */
final class SampleEvents {

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
            case REFERRAL_RECEIVED, VISIT_RECORDED, CASE_CLOSED -> {
                // nothing required beyond the common fields
            }
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
                .build();
    }
}
