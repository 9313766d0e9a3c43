package org.casepulse.oracle;

import org.casepulse.reference.Area;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Comparator;
import org.casepulse.events.AssessmentType;
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

        /** COUNTING.md 7: the start's assessmentType, else the completion's, else SINGLE. */
        AssessmentType type() {
            if (start != null && start.getAssessmentType() != null) {
                return start.getAssessmentType();
            }
            return completion != null && completion.getAssessmentType() != null
                    ? completion.getAssessmentType() : AssessmentType.SINGLE;
        }
    }

    /** An element occurrence: dated and placed by {@code dated}; a condition reads {@code decided}. */
    record Occurrence(CaseEvent dated, CaseEvent decided) {
        LocalDate date() {
            return dated.getOccurredOn();
        }
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

    /** Every plan with a start that does not end before it, of any type. */
    List<Plan> countablePlans() {
        return readPlans().stream().filter(plan -> !plan.endedBeforeStart()).toList();
    }

    List<CaseEvent> events() {
        return events;
    }

    /** The value of the latest event (in event order) that carries the field; null when none does. */
    <T> T latestValue(Function<CaseEvent, T> field) {
        T value = null;
        for (CaseEvent event : events) {
            if (field.apply(event) != null) {
                value = field.apply(event);
            }
        }
        return value;
    }

    /**
     * The occurrences of a named element (COUNTING.md 7), in event order. Conferences: the
     * effective events of one conferenceId (or one event without an id) are one conference, dated
     * by the earliest and decided by the latest. Placements and arrangements: by id, the earliest
     * start and end, none when there is no start or the end is before it.
     */
    List<Occurrence> occurrences(org.casepulse.indicators.Element element) {
        List<Occurrence> found = new ArrayList<>();
        switch (element.name()) {
            case REFERRAL -> found.add(new Occurrence(referral, referral));
            case ASSESSMENT_START, ASSESSMENT_COMPLETION -> {
                for (Assessment a : assessments) {
                    boolean typed = element.assessmentTypes() == null || element.assessmentTypes().contains(a.type());
                    CaseEvent event = element.name() == org.casepulse.indicators.Element.Name.ASSESSMENT_START
                            ? a.start() : a.completion();
                    if (typed && event != null) {
                        found.add(new Occurrence(event, event));
                    }
                }
            }
            case STRATEGY_DISCUSSION -> all(EventType.STRATEGY_DISCUSSION_HELD).forEach(e -> found.add(new Occurrence(e, e)));
            case CONFERENCE -> {
                Map<String, List<CaseEvent>> sittings = new LinkedHashMap<>();
                for (CaseEvent e : all(EventType.CONFERENCE_HELD)) {
                    String key = e.getConferenceId() != null ? "c/" + e.getConferenceId() : "e/" + e.getEventId();
                    sittings.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
                }
                for (List<CaseEvent> conference : sittings.values()) {
                    CaseEvent first = conference.get(0);
                    if (element.conferenceTypes() == null || element.conferenceTypes().contains(first.getConferenceType())) {
                        found.add(new Occurrence(first, conference.get(conference.size() - 1)));
                    }
                }
            }
            case REVIEW -> all(EventType.REVIEW_HELD).stream()
                    .filter(e -> element.reviewTypes() == null || element.reviewTypes().contains(e.getReviewType()))
                    .forEach(e -> found.add(new Occurrence(e, e)));
            case PLAN_START, PLAN_END -> {
                for (Plan plan : countablePlans()) {
                    if (element.planType() != null && plan.type() != element.planType()) {
                        continue;
                    }
                    CaseEvent event = element.name() == org.casepulse.indicators.Element.Name.PLAN_START
                            ? plan.start() : plan.end();
                    if (event != null) {
                        found.add(new Occurrence(event, event));
                    }
                }
            }
            case PLACEMENT_START, PLACEMENT_END -> spans(EventType.PLACEMENT_STARTED, EventType.PLACEMENT_ENDED,
                    CaseEvent::getPlacementId, element.name() == org.casepulse.indicators.Element.Name.PLACEMENT_START, found);
            case ARRANGEMENT_START, ARRANGEMENT_END -> spans(EventType.PRIVATE_FOSTERING_ARRANGEMENT_STARTED,
                    EventType.PRIVATE_FOSTERING_ARRANGEMENT_ENDED, CaseEvent::getArrangementId,
                    element.name() == org.casepulse.indicators.Element.Name.ARRANGEMENT_START, found);
            case ADOPTION_DECISION -> all(EventType.ADOPTION_DECISION_MADE).forEach(e -> found.add(new Occurrence(e, e)));
            case PLACED_FOR_ADOPTION -> all(EventType.PLACED_FOR_ADOPTION).forEach(e -> found.add(new Occurrence(e, e)));
            case CASE_CLOSURE -> {
                if (closure != null) {
                    found.add(new Occurrence(closure, closure));
                }
            }
            case VISIT -> visits.forEach(e -> found.add(new Occurrence(e, e)));
            case CHILD_CHECK -> all(EventType.CHILD_CHECK_RECORDED).stream()
                    .filter(e -> element.checkTypes() == null || element.checkTypes().contains(e.getCheckType()))
                    .forEach(e -> found.add(new Occurrence(e, e)));
            case HEARING -> all(EventType.HEARING_HELD).stream()
                    .filter(e -> element.hearingTypes() == null || element.hearingTypes().contains(e.getHearingType()))
                    .forEach(e -> found.add(new Occurrence(e, e)));
            case REPORT_ORDER, REPORT_FILING -> firstOfEachId(
                    element.name() == org.casepulse.indicators.Element.Name.REPORT_ORDER
                            ? EventType.REPORT_ORDERED : EventType.REPORT_FILED, CaseEvent::getReportId).stream()
                    .filter(e -> element.reportTypes() == null || element.reportTypes().contains(e.getReportType()))
                    .forEach(e -> found.add(new Occurrence(e, e)));
            case ORDER -> all(EventType.ORDER_MADE).stream()
                    .filter(e -> element.orderTypes() == null || element.orderTypes().contains(e.getOrderType()))
                    .forEach(e -> found.add(new Occurrence(e, e)));
            case SAFEGUARDING_CHECK -> all(EventType.SAFEGUARDING_CHECK_RECORDED).stream()
                    .filter(e -> element.safeguardingChecks() == null
                            || element.safeguardingChecks().contains(e.getSafeguardingCheck()))
                    .forEach(e -> found.add(new Occurrence(e, e)));
            case DIVERSITY_FORM -> all(EventType.DIVERSITY_FORM_COLLECTED).forEach(e -> found.add(new Occurrence(e, e)));
            case AUDIT_ASSIGNMENT, AUDIT_COMPLETION -> firstOfEachId(
                    element.name() == org.casepulse.indicators.Element.Name.AUDIT_ASSIGNMENT
                            ? EventType.AUDIT_ASSIGNED : EventType.AUDIT_COMPLETED, CaseEvent::getAuditId).stream()
                    .filter(e -> element.auditTypes() == null || element.auditTypes().contains(e.getAuditType()))
                    .forEach(e -> found.add(new Occurrence(e, e)));
            case FEEDBACK -> all(EventType.FEEDBACK_RECEIVED).forEach(e -> found.add(new Occurrence(e, e)));
        }
        found.sort(Comparator.comparing(Occurrence::dated, EffectiveEvents.ORDER));
        return found;
    }

    /** A placement: its earliest start and end; none without a start, or with an end before the start. */
    record Placement(String placementId, CaseEvent start, CaseEvent end) {
    }

    List<Placement> placements() {
        List<Placement> placements = new ArrayList<>();
        group(EventType.PLACEMENT_STARTED, EventType.PLACEMENT_ENDED, CaseEvent::getPlacementId).forEach((id, events) -> {
            CaseEvent start = first(events, EventType.PLACEMENT_STARTED);
            CaseEvent end = first(events, EventType.PLACEMENT_ENDED);
            if (start != null && (end == null || !end.getOccurredOn().isBefore(start.getOccurredOn()))) {
                placements.add(new Placement(id, start, end));
            }
        });
        return placements;
    }

    /**
     * The placement in force at T (started on or before, no end on or before) with the latest
     * start, then the smallest placementId: its PLACEMENT_STARTED event; null when none.
     */
    CaseEvent placementStartAt(LocalDate t) {
        CaseEvent chosen = null;
        String chosenId = null;
        for (Map.Entry<String, List<CaseEvent>> placement
                : group(EventType.PLACEMENT_STARTED, EventType.PLACEMENT_ENDED, CaseEvent::getPlacementId).entrySet()) {
            CaseEvent start = first(placement.getValue(), EventType.PLACEMENT_STARTED);
            CaseEvent end = first(placement.getValue(), EventType.PLACEMENT_ENDED);
            if (start == null || (end != null && end.getOccurredOn().isBefore(start.getOccurredOn()))
                    || start.getOccurredOn().isAfter(t) || (end != null && !end.getOccurredOn().isAfter(t))) {
                continue;
            }
            boolean better = chosen == null || start.getOccurredOn().isAfter(chosen.getOccurredOn())
                    || (start.getOccurredOn().equals(chosen.getOccurredOn()) && placement.getKey().compareTo(chosenId) < 0);
            if (better) {
                chosen = start;
                chosenId = placement.getKey();
            }
        }
        return chosen;
    }

    private void spans(EventType startType, EventType endType, Function<CaseEvent, String> id, boolean starts,
                       List<Occurrence> found) {
        group(startType, endType, id).forEach((key, events) -> {
            CaseEvent start = first(events, startType);
            CaseEvent end = first(events, endType);
            if (start == null || (end != null && end.getOccurredOn().isBefore(start.getOccurredOn()))) {
                return;
            }
            CaseEvent event = starts ? start : end;
            if (event != null) {
                found.add(new Occurrence(event, event));
            }
        });
    }

    /** COUNTING.md 13: the earliest event of the type for each id (reports, audits). */
    private List<CaseEvent> firstOfEachId(EventType type, Function<CaseEvent, String> id) {
        Map<String, CaseEvent> first = new LinkedHashMap<>();
        for (CaseEvent event : all(type)) {
            first.putIfAbsent(id.apply(event), event);
        }
        return new ArrayList<>(first.values());
    }

    /** The case's participants (COUNTING.md 13): each participantId of its safeguarding checks, with those checks. */
    Map<String, List<CaseEvent>> participants() {
        Map<String, List<CaseEvent>> byId = new java.util.TreeMap<>();
        for (CaseEvent event : all(EventType.SAFEGUARDING_CHECK_RECORDED)) {
            byId.computeIfAbsent(event.getParticipantId(), k -> new ArrayList<>()).add(event);
        }
        return byId;
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
