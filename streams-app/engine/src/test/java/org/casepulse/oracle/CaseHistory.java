package org.casepulse.oracle;

import org.casepulse.reference.Area;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;

/**
 * One case with a referral, read from its effective events (in event order) into the elements
 * COUNTING.md section 1 names. The elements are read once, when the case is made.
 */
final class CaseHistory {
    private final String caseId;
    private final CaseEvent referral;
    private final List<CaseEvent> events;
    private final List<CaseEvent> allocations;
    private final CaseEvent closure;
    private final List<Assessment> assessments;
    private final List<Plan> cpPlans;
    private final List<CaseEvent> visits;

    /** An assessment: its earliest start and earliest completion, either may be null. */
    record Assessment(String assessmentId, CaseEvent start, CaseEvent completion) {
    }

    /** A plan that has a start; end is null while it has no end. */
    record Plan(String planId, CaseEvent start, CaseEvent end) {

        PlanType type() {
            return start.getPlanType();
        }

        LocalDate startDate() {
            return start.getOccurredOn();
        }

        /** A plan ended before it started is the anomaly plan-ended-before-start: it counts nowhere. */
        boolean endedBeforeStart() {
            return end != null && end.getOccurredOn().isBefore(startDate());
        }

        /** The plans the default catalogue counts: CP, and not an anomaly. */
        boolean countableCp() {
            return type() == PlanType.CP && !endedBeforeStart();
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(startDate()) && (end == null || !date.isAfter(end.getOccurredOn()));
        }

        /** Start dated on or before T and no end dated on or before T. */
        boolean activeAt(LocalDate t) {
            return !startDate().isAfter(t) && (end == null || end.getOccurredOn().isAfter(t));
        }
    }

    private CaseHistory(String caseId, CaseEvent referral, List<CaseEvent> events) {
        this.caseId = caseId;
        this.referral = referral;
        this.events = List.copyOf(events);
        this.allocations = all(EventType.ALLOCATION_MADE);
        this.closure = all(EventType.CASE_CLOSED).stream().findFirst().orElse(null);
        this.assessments = readAssessments();
        this.cpPlans = readPlans().stream().filter(Plan::countableCp).toList();
        this.visits = all(EventType.VISIT_RECORDED);
    }

    /** The case, or empty while it has no effective referral (it then contributes to nothing). */
    static Optional<CaseHistory> of(String caseId, List<CaseEvent> effectiveInOrder) {
        return effectiveInOrder.stream()
                .filter(event -> event.getType() == EventType.REFERRAL_RECEIVED)
                .findFirst()
                .map(referral -> new CaseHistory(caseId, referral, effectiveInOrder));
    }

    String caseId() {
        return caseId;
    }

    CaseEvent referral() {
        return referral;
    }

    /** The child of a case is the child named on its referral. */
    String childId() {
        return referral.getChildId();
    }

    String caseType() {
        return referral.getCaseType();
    }

    /** A case-type filter looks at the referral's case type; no filter matches every case. */
    boolean matches(Optional<String> caseTypeFilter) {
        return caseTypeFilter.map(wanted -> wanted.equals(caseType())).orElse(true);
    }

    LocalDate referralDate() {
        return referral.getOccurredOn();
    }

    Optional<CaseEvent> firstAllocation() {
        return allocations.stream().findFirst();
    }

    /** The earliest closure dated before the referral: the anomaly closed-before-referral. */
    boolean closedBeforeReferral() {
        return closure != null && closure.getOccurredOn().isBefore(referralDate());
    }

    /** Open at T: referred on or before T and no closure dated on or before T. */
    boolean openAt(LocalDate t) {
        return !referralDate().isAfter(t) && (closure == null || closure.getOccurredOn().isAfter(t));
    }

    /** Area of the latest effective event dated on or before T. */
    String areaAt(LocalDate t) {
        return latestOnOrBefore(events, t).orElseThrow().getAreaCode();
    }

    /** Worker of the latest allocation dated on or before T; empty when not allocated at T. */
    Optional<String> workerAt(LocalDate t) {
        return latestOnOrBefore(allocations, t).map(CaseEvent::getWorkerId);
    }

    List<Assessment> assessments() {
        return assessments;
    }

    /** The CP plans that count: started, and not ended before their start. */
    List<Plan> countableCpPlans() {
        return cpPlans;
    }

    List<CaseEvent> visits() {
        return visits;
    }

    private List<CaseEvent> all(EventType type) {
        return events.stream().filter(event -> event.getType() == type).toList();
    }

    private List<Assessment> readAssessments() {
        Map<String, List<CaseEvent>> byId = group(EventType.ASSESSMENT_STARTED, EventType.ASSESSMENT_COMPLETED,
                CaseEvent::getAssessmentId);
        List<Assessment> assessments = new ArrayList<>();
        byId.forEach((id, events) -> assessments.add(new Assessment(id,
                first(events, EventType.ASSESSMENT_STARTED), first(events, EventType.ASSESSMENT_COMPLETED))));
        return assessments;
    }

    /** Plans with a start, whatever their type and dates. */
    private List<Plan> readPlans() {
        Map<String, List<CaseEvent>> byId = group(EventType.PLAN_STARTED, EventType.PLAN_ENDED, CaseEvent::getPlanId);
        List<Plan> plans = new ArrayList<>();
        byId.forEach((id, events) -> {
            CaseEvent start = first(events, EventType.PLAN_STARTED);
            if (start != null) {
                plans.add(new Plan(id, start, first(events, EventType.PLAN_ENDED)));
            }
        });
        return plans;
    }

    private Map<String, List<CaseEvent>> group(EventType a, EventType b, Function<CaseEvent, String> id) {
        Map<String, List<CaseEvent>> byId = new LinkedHashMap<>();
        for (CaseEvent event : events) {
            if (event.getType() == a || event.getType() == b) {
                byId.computeIfAbsent(id.apply(event), key -> new ArrayList<>()).add(event);
            }
        }
        return byId;
    }

    private static CaseEvent first(List<CaseEvent> inOrder, EventType type) {
        return inOrder.stream().filter(event -> event.getType() == type).findFirst().orElse(null);
    }

    private static Optional<CaseEvent> latestOnOrBefore(List<CaseEvent> inOrder, LocalDate t) {
        CaseEvent latest = null;
        for (CaseEvent event : inOrder) {
            if (!event.getOccurredOn().isAfter(t)) {
                latest = event;
            }
        }
        return Optional.ofNullable(latest);
    }
}
