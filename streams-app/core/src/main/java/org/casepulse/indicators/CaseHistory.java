package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.casepulse.events.CaseEvent;
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
    public record Assessment(String id, CaseEvent start, CaseEvent completion) {}

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

    private final List<CaseEvent> events;
    private final CaseEvent referral;
    private final CaseEvent closure;
    private final List<CaseEvent> allocations;
    private final List<Assessment> assessments;
    private final List<Plan> plans;
    private final List<CaseEvent> visits;
    private final Set<Anomaly> anomalies;

    private CaseHistory(List<CaseEvent> events, CaseEvent referral, CaseEvent closure,
                        List<CaseEvent> allocations, List<Assessment> assessments, List<Plan> plans,
                        List<CaseEvent> visits, Set<Anomaly> anomalies) {
        this.events = events;
        this.referral = referral;
        this.closure = closure;
        this.allocations = allocations;
        this.assessments = assessments;
        this.plans = plans;
        this.visits = visits;
        this.anomalies = anomalies;
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
                case STRATEGY_DISCUSSION_HELD, CONFERENCE_HELD, REVIEW_HELD, PLACEMENT_STARTED, PLACEMENT_ENDED,
                        CHILD_CHECK_RECORDED, ADOPTION_DECISION_MADE, PLACED_FOR_ADOPTION,
                        PRIVATE_FOSTERING_ARRANGEMENT_STARTED, PRIVATE_FOSTERING_ARRANGEMENT_ENDED -> {
                    // Contract v2 types: valid input that no measure counts yet (issue 12). Kept in
                    // the events, so they still move the case's area like any other event.
                }
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

        return new CaseHistory(Collections.unmodifiableList(events), referral, closure,
                Collections.unmodifiableList(allocations), Collections.unmodifiableList(assessments),
                Collections.unmodifiableList(plans), Collections.unmodifiableList(visits), anomalies);
    }

    private static void firstOf(Map<String, CaseEvent[]> byId, String id, int slot, CaseEvent event) {
        CaseEvent[] pair = byId.computeIfAbsent(id, k -> new CaseEvent[2]);
        if (pair[slot] == null) {
            pair[slot] = event;
        }
    }

    /** Effective events in business order. */
    public List<CaseEvent> events() {
        return events;
    }

    /** The referral (the earliest, when there are several), or null: a case without one counts nowhere yet. */
    public CaseEvent referral() {
        return referral;
    }

    public boolean hasReferral() {
        return referral != null;
    }

    public LocalDate referralDate() {
        return referral.getOccurredOn();
    }

    /** Whether the case passes an indicator's case-type filter (an empty filter passes all). */
    public boolean matchesCaseType(Optional<String> caseType) {
        return caseType.isEmpty() || (referral != null && caseType.get().equals(referral.getCaseType()));
    }

    public CaseEvent closure() {
        return closure;
    }

    public boolean closedBeforeReferral() {
        return anomalies.contains(Anomaly.CLOSED_BEFORE_REFERRAL);
    }

    public List<CaseEvent> allocations() {
        return allocations;
    }

    public CaseEvent firstAllocation() {
        return allocations.isEmpty() ? null : allocations.get(0);
    }

    public List<Assessment> assessments() {
        return assessments;
    }

    /** Plans with a start that do not end before it. */
    public List<Plan> plans() {
        return plans;
    }

    public List<Plan> plansOfType(PlanType type) {
        List<Plan> ofType = new ArrayList<>();
        for (Plan plan : plans) {
            if (plan.type() == type) {
                ofType.add(plan);
            }
        }
        return ofType;
    }

    public List<CaseEvent> visits() {
        return visits;
    }

    public Set<Anomaly> anomalies() {
        return anomalies;
    }

    /** The latest of {@code sorted} (in business order) dated on or before {@code date}, or null. */
    public static CaseEvent latestOnOrBefore(List<CaseEvent> sorted, LocalDate date) {
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
        return found < 0 ? null : sorted.get(found);
    }
}
