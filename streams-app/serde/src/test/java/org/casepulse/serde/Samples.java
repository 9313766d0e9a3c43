package org.casepulse.serde;

import java.time.Instant;
import java.time.LocalDate;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.Unit;

/** Records for serde tests, with made-up identifiers. */
final class Samples {
    static final String TOPIC = "casepulse.case-events.v1";

    private Samples() {}

    /** An event of {@code type} carrying the fields that type carries. */
    static CaseEvent event(EventType type) {
        CaseEvent.Builder event = CaseEvent.newBuilder()
                .setEventId("evt-" + type.ordinal())
                .setRevision(type.ordinal() % 2)
                .setType(type)
                .setCaseId("case-17")
                .setChildId("child-4")
                .setAreaCode("TEAM-N1")
                .setOccurredOn(LocalDate.of(2024, 4, 1).plusDays(type.ordinal()))
                .setRecordedAt(Instant.parse("2024-04-01T09:30:00.123Z").plusSeconds(type.ordinal()));
        switch (type) {
            case REFERRAL_RECEIVED -> event.setCaseType("S47");
            case ASSESSMENT_STARTED -> event.setAssessmentId("asmt-1");
            case ASSESSMENT_COMPLETED -> event.setAssessmentId("asmt-1").setChildSeen(true);
            case ALLOCATION_MADE -> event.setWorkerId("worker-9");
            case VISIT_RECORDED -> event.setChildSeen(false);
            case PLAN_STARTED -> event.setPlanId("plan-3").setPlanType(PlanType.CP);
            case PLAN_ENDED -> event.setPlanId("plan-3").setPlanType(PlanType.CLA);
            case CASE_CLOSED -> { }
            case EVENT_RETRACTED -> event.setRetractsEventId("evt-2");
        }
        return event.build();
    }

    static IndicatorSnapshotKey snapshotKey() {
        return IndicatorSnapshotKey.newBuilder()
                .setIndicatorId("CSC-01")
                .setAreaCode("SERVICE-N")
                .setPeriodType(PeriodType.MONTH)
                .setPeriodEnd(LocalDate.of(2024, 4, 30))
                .build();
    }

    static IndicatorSnapshot snapshot() {
        return IndicatorSnapshot.newBuilder()
                .setIndicatorId("CSC-01")
                .setAreaCode("SERVICE-N")
                .setAreaLevel(AreaLevel.SERVICE_AREA)
                .setPeriodType(PeriodType.MONTH)
                .setPeriodStart(LocalDate.of(2024, 4, 1))
                .setPeriodEnd(LocalDate.of(2024, 4, 30))
                .setNumerator(37)
                .setDenominator(40L)
                .setValue(92.5)
                .setUnit(Unit.PERCENT)
                .setTarget(90.0)
                .setPolarity(Polarity.H)
                .setRag(Rag.GREEN)
                .setPreviousValue(88.0)
                .setDirectionOfTravel(DirectionOfTravel.IMPROVING)
                .setSmallNumbers(false)
                .setRevision(2)
                .setComputedAt(Instant.parse("2024-05-01T00:05:00Z"))
                .build();
    }
}
