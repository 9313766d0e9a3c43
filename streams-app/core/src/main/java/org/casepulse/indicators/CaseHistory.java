package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.ConferenceOutcome;
import org.casepulse.events.ConferenceType;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;

/**
 * One case as its effective events describe it: the referral, allocations, assessments, plans,
 * visits and closure that the measures read (COUNTING.md section 1). Built once per change.
 */
public final class CaseHistory {

    /** Events in business order: by date, then when recorded, then id. */
    public static final Comparator<CaseEvent> ORDER = Comparator
            .comparing(CaseEvent::getOccurredOn)
            .thenComparing(CaseEvent::getRecordedAt)
            .thenComparing(CaseEvent::getEventId);

    /** An assessment by its id: either event may be missing. */
    public record Assessment(String id, CaseEvent start, CaseEvent completion) {
        /** The start's type if it carries one, else the completion's, else SINGLE (COUNTING.md 7). */
        public AssessmentType type() {
            if (start != null && start.getAssessmentType() != null) {
                return start.getAssessmentType();
            }
            if (completion != null && completion.getAssessmentType() != null) {
                return completion.getAssessmentType();
            }
            return AssessmentType.SINGLE;
        }
    }

    /**
     * A conference: the effective CONFERENCE_HELD events of one conferenceId (an event without
     * one is a conference of its own). Dated, typed and placed by its earliest event; its outcome
     * is its latest event's.
     */
    public record Conference(CaseEvent first, CaseEvent latest) {
        public LocalDate date() {
            return first.getOccurredOn();
        }

        public ConferenceType type() {
            return first.getConferenceType();
        }

        public ConferenceOutcome outcome() {
            return latest.getConferenceOutcome();
        }
    }

    /** A placement or private fostering arrangement with its start (and end); never ends before it starts. */
    public record Span(String id, CaseEvent start, CaseEvent end) {
        public LocalDate startDate() {
            return start.getOccurredOn();
        }

        /** Started on or before {@code date} and not ended on or before it. */
        public boolean inForceOn(LocalDate date) {
            return !startDate().isAfter(date) && (end == null || end.getOccurredOn().isAfter(date));
        }
    }

    /** A plan with its start (and end, when it has ended); never ends before it starts. */
    public record Plan(String id, PlanType type, CaseEvent start, CaseEvent end) {
        public LocalDate startDate() {
            return start.getOccurredOn();
        }

        public LocalDate endDate() {
            return end == null ? null : end.getOccurredOn();
        }

        /** Started on or before {@code date} and not ended on or before it. */
        public boolean activeOn(LocalDate date) {
            return !startDate().isAfter(date) && (end == null || endDate().isAfter(date));
        }

        /** {@code start <= date} and (no end, or {@code date <= end}). */
        public boolean covers(LocalDate date) {
            return !startDate().isAfter(date) && (end == null || !date.isAfter(endDate()));
        }
    }

    private static final long REFERRAL = EventKinds.of(EventType.REFERRAL_RECEIVED);
    private static final long CLOSURE = EventKinds.of(EventType.CASE_CLOSED);
    private static final long ASSESSMENTS = EventKinds.of(EventType.ASSESSMENT_STARTED, EventType.ASSESSMENT_COMPLETED);
    private static final long PLANS = EventKinds.of(EventType.PLAN_STARTED, EventType.PLAN_ENDED);
    private static final long PLACEMENTS = EventKinds.of(EventType.PLACEMENT_STARTED, EventType.PLACEMENT_ENDED);
    private static final long ARRANGEMENTS = EventKinds.of(EventType.PRIVATE_FOSTERING_ARRANGEMENT_STARTED,
            EventType.PRIVATE_FOSTERING_ARRANGEMENT_ENDED);

    private final List<CaseEvent> events;
    private final CaseEvent referral;
    private final CaseEvent closure;
    private final List<CaseEvent> allocations;
    private final List<Assessment> assessments;
    private final List<Plan> plans;
    private final List<CaseEvent> visits;
    private final Set<Anomaly> anomalies;
    private final V2Elements v2;
    private final V3Elements v3;
    private final Map<PlanType, List<Plan>> plansByType = new EnumMap<>(PlanType.class);
    /**
     * The kinds of events whose elements were asked for since the last {@link #takeReads()}: a
     * measure's output depends on nothing else of the case, so a change that touches none of
     * them leaves it as it was (see {@link EventKinds}).
     */
    private long reads;

    /**
     * The contract v3 elements (COUNTING.md section 13), each list in business order: reports and
     * audits keep the earliest event of each id and side (ordered or filed, assigned or completed).
     */
    private record V3Elements(List<CaseEvent> hearings, List<CaseEvent> reportOrders, List<CaseEvent> reportFilings,
                              List<CaseEvent> orders, List<CaseEvent> safeguardingChecks,
                              List<CaseEvent> diversityForms, List<CaseEvent> auditAssignments,
                              List<CaseEvent> auditCompletions, List<CaseEvent> feedback) {}

    /** The contract v2 elements (COUNTING.md section 7), each list in business order. */
    private record V2Elements(List<CaseEvent> strategyDiscussions, List<Conference> conferences,
                              List<CaseEvent> reviews, List<Span> placements, List<Span> arrangements,
                              List<CaseEvent> childChecks, List<CaseEvent> adoptionDecisions,
                              List<CaseEvent> placedForAdoption, ChildAttributes child) {}

    private CaseHistory(List<CaseEvent> events, CaseEvent referral, CaseEvent closure,
                        List<CaseEvent> allocations, List<Assessment> assessments, List<Plan> plans,
                        List<CaseEvent> visits, Set<Anomaly> anomalies, V2Elements v2, V3Elements v3) {
        this.events = events;
        this.referral = referral;
        this.closure = closure;
        this.allocations = allocations;
        this.assessments = assessments;
        this.plans = plans;
        this.visits = visits;
        this.anomalies = anomalies;
        this.v2 = v2;
        this.v3 = v3;
    }

    public static CaseHistory of(List<CaseEvent> effectiveEvents) {
        List<CaseEvent> events = new ArrayList<>(effectiveEvents);
        events.sort(ORDER);

        CaseEvent referral = null;
        CaseEvent closure = null;
        List<CaseEvent> allocations = new ArrayList<>();
        List<CaseEvent> visits = new ArrayList<>();
        Map<String, CaseEvent[]> assessmentEvents = new TreeMap<>();
        Map<String, CaseEvent[]> planEvents = new TreeMap<>();
        Set<Anomaly> anomalies = EnumSet.noneOf(Anomaly.class);
        List<CaseEvent> strategyDiscussions = new ArrayList<>();
        Map<String, CaseEvent[]> conferenceEvents = new LinkedHashMap<>();
        List<CaseEvent> reviews = new ArrayList<>();
        Map<String, CaseEvent[]> placementEvents = new TreeMap<>();
        Map<String, CaseEvent[]> arrangementEvents = new TreeMap<>();
        List<CaseEvent> childChecks = new ArrayList<>();
        List<CaseEvent> adoptionDecisions = new ArrayList<>();
        List<CaseEvent> placedForAdoption = new ArrayList<>();
        List<CaseEvent> hearings = new ArrayList<>();
        Map<String, CaseEvent[]> reportEvents = new TreeMap<>();
        List<CaseEvent> orders = new ArrayList<>();
        List<CaseEvent> safeguardingChecks = new ArrayList<>();
        List<CaseEvent> diversityForms = new ArrayList<>();
        Map<String, CaseEvent[]> auditEvents = new TreeMap<>();
        List<CaseEvent> feedback = new ArrayList<>();

        // Events are in order, so the first of each kind seen is the earliest.
        for (CaseEvent event : events) {
            switch (event.getType()) {
                case REFERRAL_RECEIVED -> {
                    if (referral == null) {
                        referral = event;
                    } else {
                        anomalies.add(Anomaly.EXTRA_REFERRAL);
                    }
                }
                case CASE_CLOSED -> closure = closure == null ? event : closure;
                case ALLOCATION_MADE -> allocations.add(event);
                case VISIT_RECORDED -> visits.add(event);
                case ASSESSMENT_STARTED -> firstOf(assessmentEvents, event.getAssessmentId(), 0, event);
                case ASSESSMENT_COMPLETED -> firstOf(assessmentEvents, event.getAssessmentId(), 1, event);
                case PLAN_STARTED -> firstOf(planEvents, event.getPlanId(), 0, event);
                case PLAN_ENDED -> firstOf(planEvents, event.getPlanId(), 1, event);
                case EVENT_RETRACTED -> throw new IllegalArgumentException("retractions are not effective events");
                case STRATEGY_DISCUSSION_HELD -> strategyDiscussions.add(event);
                case CONFERENCE_HELD -> {
                    // Without a conferenceId the event is a conference of its own (ids are unique per case).
                    String key = event.getConferenceId() == null ? "event:" + event.getEventId()
                            : "id:" + event.getConferenceId();
                    CaseEvent[] sittings = conferenceEvents.computeIfAbsent(key, k -> new CaseEvent[2]);
                    if (sittings[0] == null) {
                        sittings[0] = event;
                    }
                    sittings[1] = event;
                }
                case REVIEW_HELD -> reviews.add(event);
                case PLACEMENT_STARTED -> firstOf(placementEvents, event.getPlacementId(), 0, event);
                case PLACEMENT_ENDED -> firstOf(placementEvents, event.getPlacementId(), 1, event);
                case PRIVATE_FOSTERING_ARRANGEMENT_STARTED -> firstOf(arrangementEvents, event.getArrangementId(), 0, event);
                case PRIVATE_FOSTERING_ARRANGEMENT_ENDED -> firstOf(arrangementEvents, event.getArrangementId(), 1, event);
                case CHILD_CHECK_RECORDED -> childChecks.add(event);
                case ADOPTION_DECISION_MADE -> adoptionDecisions.add(event);
                case PLACED_FOR_ADOPTION -> placedForAdoption.add(event);
                case HEARING_HELD -> hearings.add(event);
                case REPORT_ORDERED -> firstOf(reportEvents, event.getReportId(), 0, event);
                case REPORT_FILED -> firstOf(reportEvents, event.getReportId(), 1, event);
                case ORDER_MADE -> orders.add(event);
                case SAFEGUARDING_CHECK_RECORDED -> safeguardingChecks.add(event);
                case DIVERSITY_FORM_COLLECTED -> diversityForms.add(event);
                case AUDIT_ASSIGNED -> firstOf(auditEvents, event.getAuditId(), 0, event);
                case AUDIT_COMPLETED -> firstOf(auditEvents, event.getAuditId(), 1, event);
                case FEEDBACK_RECEIVED -> feedback.add(event);
                default -> throw new IllegalArgumentException("unknown event type " + event.getType());
            }
        }
        if (referral != null && closure != null && closure.getOccurredOn().isBefore(referral.getOccurredOn())) {
            anomalies.add(Anomaly.CLOSED_BEFORE_REFERRAL);
        }

        List<Assessment> assessments = new ArrayList<>(assessmentEvents.size());
        assessmentEvents.forEach((id, pair) -> assessments.add(new Assessment(id, pair[0], pair[1])));

        List<Plan> plans = new ArrayList<>(planEvents.size());
        planEvents.forEach((id, pair) -> {
            CaseEvent start = pair[0];
            CaseEvent end = pair[1];
            if (start == null) {
                return; // an end without its start is not a plan yet
            }
            if (end != null && end.getOccurredOn().isBefore(start.getOccurredOn())) {
                anomalies.add(Anomaly.PLAN_ENDED_BEFORE_START);
                return;
            }
            plans.add(new Plan(id, start.getPlanType(), start, end));
        });

        List<Conference> conferences = new ArrayList<>(conferenceEvents.size());
        conferenceEvents.values().forEach(sittings -> conferences.add(new Conference(sittings[0], sittings[1])));
        conferences.sort(Comparator.comparing(Conference::first, ORDER));
        V2Elements v2 = new V2Elements(strategyDiscussions, conferences, reviews,
                spans(placementEvents, Anomaly.PLACEMENT_ENDED_BEFORE_START, anomalies),
                spans(arrangementEvents, Anomaly.ARRANGEMENT_ENDED_BEFORE_START, anomalies),
                childChecks, adoptionDecisions, placedForAdoption, ChildAttributes.of(events));

        V3Elements v3 = new V3Elements(hearings, side(reportEvents, 0), side(reportEvents, 1), orders,
                safeguardingChecks, diversityForms, side(auditEvents, 0), side(auditEvents, 1), feedback);

        return new CaseHistory(Collections.unmodifiableList(events), referral, closure,
                Collections.unmodifiableList(allocations), Collections.unmodifiableList(assessments),
                Collections.unmodifiableList(plans), Collections.unmodifiableList(visits), anomalies, v2, v3);
    }

    /** Starts with their ends, by id; no start, no span; an end before the start: the anomaly, and no span. */
    private static List<Span> spans(Map<String, CaseEvent[]> byId, Anomaly endedBeforeStart, Set<Anomaly> anomalies) {
        List<Span> spans = new ArrayList<>(byId.size());
        byId.forEach((id, pair) -> {
            if (pair[0] == null) {
                return;
            }
            if (pair[1] != null && pair[1].getOccurredOn().isBefore(pair[0].getOccurredOn())) {
                anomalies.add(endedBeforeStart);
                return;
            }
            spans.add(new Span(id, pair[0], pair[1]));
        });
        return Collections.unmodifiableList(spans);
    }

    /** One side (0 the first event, 1 the second) of paired events by id, in business order. */
    private static List<CaseEvent> side(Map<String, CaseEvent[]> byId, int slot) {
        List<CaseEvent> found = new ArrayList<>();
        byId.values().forEach(pair -> {
            if (pair[slot] != null) {
                found.add(pair[slot]);
            }
        });
        found.sort(ORDER);
        return Collections.unmodifiableList(found);
    }

    private static void firstOf(Map<String, CaseEvent[]> byId, String id, int slot, CaseEvent event) {
        CaseEvent[] pair = byId.computeIfAbsent(id, k -> new CaseEvent[2]);
        if (pair[slot] == null) {
            pair[slot] = event;
        }
    }

    /** Effective events in business order. */
    public List<CaseEvent> events() {
        reads |= EventKinds.ALL;
        return events;
    }

    /** The referral (the earliest, when there are several), or null: a case without one counts nowhere yet. */
    public CaseEvent referral() {
        reads |= REFERRAL;
        return referral;
    }

    public boolean hasReferral() {
        reads |= REFERRAL;
        return referral != null;
    }

    public LocalDate referralDate() {
        reads |= REFERRAL;
        return referral.getOccurredOn();
    }

    /** Whether the case passes an indicator's case-type filter (an empty filter passes all). */
    public boolean matchesCaseType(Optional<String> caseType) {
        reads |= REFERRAL;
        return caseType.isEmpty() || (referral != null && caseType.get().equals(referral.getCaseType()));
    }

    public CaseEvent closure() {
        reads |= CLOSURE;
        return closure;
    }

    public boolean closedBeforeReferral() {
        reads |= REFERRAL | CLOSURE;
        return anomalies.contains(Anomaly.CLOSED_BEFORE_REFERRAL);
    }

    public List<CaseEvent> allocations() {
        reads |= EventKinds.of(EventType.ALLOCATION_MADE);
        return allocations;
    }

    public CaseEvent firstAllocation() {
        reads |= EventKinds.of(EventType.ALLOCATION_MADE);
        return allocations.isEmpty() ? null : allocations.get(0);
    }

    public List<Assessment> assessments() {
        reads |= ASSESSMENTS;
        return assessments;
    }

    /** The type of the assessment with this id, or null when the case has none. */
    public AssessmentType assessmentType(String assessmentId) {
        reads |= ASSESSMENTS;
        for (Assessment assessment : assessments) {
            if (assessment.id().equals(assessmentId)) {
                return assessment.type();
            }
        }
        return null;
    }

    /** Plans with a start that do not end before it. */
    public List<Plan> plans() {
        reads |= PLANS;
        return plans;
    }

    /** Plans of the type, by planId; asked on every date of a timeline, so kept once made. */
    public List<Plan> plansOfType(PlanType type) {
        reads |= PLANS;
        List<Plan> ofType = plansByType.get(type);
        if (ofType == null) {
            List<Plan> found = new ArrayList<>();
            for (Plan plan : plans) {
                if (plan.type() == type) {
                    found.add(plan);
                }
            }
            ofType = Collections.unmodifiableList(found);
            plansByType.put(type, ofType);
        }
        return ofType;
    }

    public List<CaseEvent> visits() {
        reads |= EventKinds.of(EventType.VISIT_RECORDED);
        return visits;
    }

    public Set<Anomaly> anomalies() {
        reads |= EventKinds.ALL;
        return anomalies;
    }

    public List<CaseEvent> strategyDiscussions() {
        reads |= EventKinds.of(EventType.STRATEGY_DISCUSSION_HELD);
        return v2.strategyDiscussions();
    }

    /** Conferences in the order of their earliest event. */
    public List<Conference> conferences() {
        reads |= EventKinds.of(EventType.CONFERENCE_HELD);
        return v2.conferences();
    }

    public List<CaseEvent> reviews() {
        reads |= EventKinds.of(EventType.REVIEW_HELD);
        return v2.reviews();
    }

    /** Placements with a start that do not end before it, by placementId. */
    public List<Span> placements() {
        reads |= PLACEMENTS;
        return v2.placements();
    }

    /** Private fostering arrangements with a start that do not end before it, by arrangementId. */
    public List<Span> arrangements() {
        reads |= ARRANGEMENTS;
        return v2.arrangements();
    }

    public List<CaseEvent> childChecks() {
        reads |= EventKinds.of(EventType.CHILD_CHECK_RECORDED);
        return v2.childChecks();
    }

    public List<CaseEvent> adoptionDecisions() {
        reads |= EventKinds.of(EventType.ADOPTION_DECISION_MADE);
        return v2.adoptionDecisions();
    }

    public List<CaseEvent> placedForAdoption() {
        reads |= EventKinds.of(EventType.PLACED_FOR_ADOPTION);
        return v2.placedForAdoption();
    }

    public List<CaseEvent> hearings() {
        reads |= EventKinds.of(EventType.HEARING_HELD);
        return v3.hearings();
    }

    /** The earliest REPORT_ORDERED of each reportId. */
    public List<CaseEvent> reportOrders() {
        reads |= EventKinds.of(EventType.REPORT_ORDERED);
        return v3.reportOrders();
    }

    /** The earliest REPORT_FILED of each reportId. */
    public List<CaseEvent> reportFilings() {
        reads |= EventKinds.of(EventType.REPORT_FILED);
        return v3.reportFilings();
    }

    public List<CaseEvent> orders() {
        reads |= EventKinds.of(EventType.ORDER_MADE);
        return v3.orders();
    }

    public List<CaseEvent> safeguardingChecks() {
        reads |= EventKinds.of(EventType.SAFEGUARDING_CHECK_RECORDED);
        return v3.safeguardingChecks();
    }

    public List<CaseEvent> diversityForms() {
        reads |= EventKinds.of(EventType.DIVERSITY_FORM_COLLECTED);
        return v3.diversityForms();
    }

    /** The earliest AUDIT_ASSIGNED of each auditId. */
    public List<CaseEvent> auditAssignments() {
        reads |= EventKinds.of(EventType.AUDIT_ASSIGNED);
        return v3.auditAssignments();
    }

    /** The earliest AUDIT_COMPLETED of each auditId. */
    public List<CaseEvent> auditCompletions() {
        reads |= EventKinds.of(EventType.AUDIT_COMPLETED);
        return v3.auditCompletions();
    }

    public List<CaseEvent> feedback() {
        reads |= EventKinds.of(EventType.FEEDBACK_RECEIVED);
        return v3.feedback();
    }

    /** The area of the latest event dated on or before {@code date} (null before the first): any event may move it. */
    public String areaOn(LocalDate date) {
        reads |= EventKinds.AREA;
        CaseEvent latest = latestOnOrBefore(events, date);
        return latest == null ? null : latest.getAreaCode();
    }

    /** The kinds of events read since the last call, and starts afresh. */
    public long takeReads() {
        long taken = reads;
        reads = 0;
        return taken;
    }

    /** The child's date of birth, unborn and asylum-seeking flags, as the case's events last say. */
    public ChildAttributes child() {
        reads |= EventKinds.CHILD;
        return v2.child();
    }

    /** The latest of {@code sorted} (in business order) dated on or before {@code date}, or null. */
    public static CaseEvent latestOnOrBefore(List<CaseEvent> sorted, LocalDate date) {
        int found = indexOfLatestOnOrBefore(sorted, date);
        return found < 0 ? null : sorted.get(found);
    }

    /** The index of the latest of {@code sorted} (in business order) dated on or before {@code date}, or -1. */
    public static int indexOfLatestOnOrBefore(List<CaseEvent> sorted, LocalDate date) {
        int low = 0;
        int high = sorted.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).getOccurredOn().isAfter(date)) {
                high = mid - 1;
            } else {
                found = mid;
                low = mid + 1;
            }
        }
        return found;
    }
}
