package org.casepulse.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;

/** Terse builders of case events for tests: one case at a time, recorded at noon on the day by default. */
public final class CaseEvents {

    private static final AtomicLong IDS = new AtomicLong();

    private final String caseId;
    private final String childId;

    private CaseEvents(String caseId, String childId) {
        this.caseId = caseId;
        this.childId = childId;
    }

    public static CaseEvents forCase(String caseId, String childId) {
        return new CaseEvents(caseId, childId);
    }

    public CaseEvent referral(String area, String date) {
        return base(EventType.REFERRAL_RECEIVED, area, date).build();
    }

    public CaseEvent allocation(String area, String date, String workerId) {
        return base(EventType.ALLOCATION_MADE, area, date).setWorkerId(workerId).build();
    }

    public CaseEvent assessmentStarted(String area, String date, String assessmentId) {
        return base(EventType.ASSESSMENT_STARTED, area, date).setAssessmentId(assessmentId).build();
    }

    public CaseEvent assessmentCompleted(String area, String date, String assessmentId, boolean childSeen) {
        return base(EventType.ASSESSMENT_COMPLETED, area, date).setAssessmentId(assessmentId).setChildSeen(childSeen).build();
    }

    public CaseEvent visit(String area, String date) {
        return base(EventType.VISIT_RECORDED, area, date).build();
    }

    public CaseEvent planStarted(String area, String date, String planId, PlanType type) {
        return base(EventType.PLAN_STARTED, area, date).setPlanId(planId).setPlanType(type).build();
    }

    public CaseEvent planEnded(String area, String date, String planId, PlanType type) {
        return base(EventType.PLAN_ENDED, area, date).setPlanId(planId).setPlanType(type).build();
    }

    public CaseEvent closed(String area, String date) {
        return base(EventType.CASE_CLOSED, area, date).build();
    }

    public CaseEvent retraction(String area, String date, String retractsEventId) {
        return base(EventType.EVENT_RETRACTED, area, date).setRetractsEventId(retractsEventId).build();
    }

    /** The same event with a higher revision and changes applied by the caller on the builder. */
    public static CaseEvent.Builder amend(CaseEvent event) {
        return CaseEvent.newBuilder(event).setRevision(event.getRevision() + 1);
    }

    public static Instant noon(String date) {
        return LocalDate.parse(date).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    private CaseEvent.Builder base(EventType type, String area, String date) {
        return CaseEvent.newBuilder()
                .setEventId("evt-" + IDS.incrementAndGet())
                .setRevision(0)
                .setType(type)
                .setCaseId(caseId)
                .setChildId(childId)
                .setAreaCode(area)
                .setOccurredOn(LocalDate.parse(date))
                .setRecordedAt(noon(date));
    }
}
