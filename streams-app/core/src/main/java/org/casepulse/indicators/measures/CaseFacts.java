package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Everything one case contributes to the catalogue's case-level indicators. Cross-case
 * measures (re-referral, repeat CP plan) are computed per child by {@link ChildFacts}.
 */
public final class CaseFacts {

    private final Map<IndicatorDefinition, CaseMeasure> eventMeasures = new IdentityHashMap<>();
    private final Map<IndicatorDefinition, SnapshotMeasure> snapshotMeasures = new IdentityHashMap<>();
    private final SnapshotTimeline timeline;
    private final Set<String> snapshotIndicatorIds = new HashSet<>();
    private final ChildTimelines childTimelines;
    private final int lookBackMonths;

    public CaseFacts(IndicatorCatalogue catalogue, WorkingDayCalendar calendar) {
        for (IndicatorDefinition indicator : catalogue.all()) {
            switch (indicator.measure()) {
                case ALLOCATION_TIMELINESS -> eventMeasures.put(indicator, new AllocationTimeliness(calendar));
                case REFERRAL_TO_ASSESSMENT -> eventMeasures.put(indicator, new ReferralToAssessment());
                case ASSESSMENT_TIMELINESS -> eventMeasures.put(indicator, new AssessmentTimeliness(calendar));
                case CHILDREN_SEEN_AT_ASSESSMENT -> eventMeasures.put(indicator, new ChildrenSeenAtAssessment());
                case CP_VISIT_TIMELINESS -> eventMeasures.put(indicator, new CpVisitTimeliness(calendar));
                case CP_PLAN_DURATION_AT_END -> eventMeasures.put(indicator, new CpPlanDurationAtEnd());
                case REFERRAL_RATE, DEMAND_CHANGE -> eventMeasures.put(indicator, new ReferralCount());
                case EVENT_RATE -> eventMeasures.put(indicator, new EventRate());
                case EVENT_SHARE -> eventMeasures.put(indicator, new EventShare());
                case INTERVAL_TIMELINESS -> eventMeasures.put(indicator, new IntervalTimeliness(calendar));
                case FOLLOWED_BY -> eventMeasures.put(indicator, new FollowedBy());
                case PARTICIPANT_CHECKS -> eventMeasures.put(indicator, new ParticipantChecks(calendar));
                case INTERVAL_AVERAGE -> eventMeasures.put(indicator, new IntervalAverage());
                case AUDITS_PER_WORKER -> eventMeasures.put(indicator, new AuditsInWindow()); // staff: StaffFacts
                case VISIT_TIMELINESS -> snapshotMeasures.put(indicator, new VisitTimeliness());
                case OPEN_CASES -> {
                    if (ChildTimelines.measureOf(indicator) == null) {
                        snapshotMeasures.put(indicator, new OpenCases());
                    }
                }
                case WORKLOAD_ALLOCATED -> snapshotMeasures.put(indicator, new WorkloadAllocated());
                case PLANS_VISITED_IN_MONTH -> snapshotMeasures.put(indicator, new PlansVisitedInMonth());
                case UNALLOCATED_CASES -> snapshotMeasures.put(indicator, new UnallocatedCases());
                case ASSESSMENTS_OPEN_OVER -> snapshotMeasures.put(indicator, new AssessmentsOpenOver());
                case CP_VISIT_OVERDUE, ACTIVE_PLANS, ACTIVE_PLAN_DURATION, PLACEMENT_MOVES, PLACEMENT_STABILITY,
                        CHILD_CHECK_CURRENT, REVIEWS_IN_TIMESCALE -> {
                    // children counted once: ChildTimelines, merged per child by ChildFacts
                }
                case AVERAGE_CASELOAD -> snapshotMeasures.put(indicator, new AverageCaseload());
                case CASELOAD_PER_FTE -> snapshotMeasures.put(indicator, new CaseloadPerFte()); // posts: PostFacts
                case RE_REFERRAL, REPEAT_CP_PLAN -> {
                    // per child: ChildFacts
                }
                case POSTS, STAFF_APPRAISED, STAFF_DIVERSITY_RECORDED, SICKNESS_ABSENCE -> {
                    // workforce facts, not cases: PostFacts
                }
                case TEAM_BAND_SHARE -> {
                    // a figure of figures, from the published figures: TeamBands
                }
            }
        }
        this.timeline = new SnapshotTimeline(calendar, snapshotMeasures);
        snapshotMeasures.keySet().forEach(indicator -> snapshotIndicatorIds.add(indicator.id()));
        this.childTimelines = new ChildTimelines(catalogue, calendar);
        this.lookBackMonths = catalogue.lookBackMonths();
    }

    /** How far before the reporting window the catalogue's figures reach (its retention horizon). */
    public int lookBackMonths() {
        return lookBackMonths;
    }

    /** The per-case timelines of the indicators that count children once, for the child's summary. */
    public ChildTimelines childTimelines() {
        return childTimelines;
    }

    /** The case's facts (canonical, see {@link Facts#toList()}) and the anomalies met on the way. */
    public Facts compute(CaseHistory history) {
        return compute(history, null, null);
    }

    /**
     * The case's facts after a change, given its facts and history before it. A case's snapshot
     * state on a date depends only on its events dated on or before it, anchored on its referral;
     * so when the referral stays the same, snapshot facts dated before the earliest changed event
     * are those of before, and the timeline is evaluated from that date only. During a backfill,
     * where a case's events mostly arrive in date order, that is the last few dates of the case
     * instead of its whole life.
     */
    public Facts computeAfter(CaseHistory before, Facts factsBefore, CaseHistory after) {
        return computeAfter(after, factsBefore, earliestChange(before, after));
    }

    /** As {@link #computeAfter(CaseHistory, Facts, CaseHistory)}, given {@link #earliestChange} of the change. */
    public Facts computeAfter(CaseHistory after, Facts factsBefore, LocalDate earliestChange) {
        return earliestChange == null ? compute(after) : compute(after, factsBefore, earliestChange);
    }

    /**
     * The earliest date of an effective event that differs between two histories of a case: the
     * case's state before it is unchanged. Null when the whole timeline must be evaluated.
     */
    public static LocalDate earliestChange(CaseHistory before, CaseHistory after) {
        if (!before.hasReferral() || before.referral() != after.referral()
                || before.closedBeforeReferral() != after.closedBeforeReferral()) {
            return null;
        }
        Set<CaseEvent> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(before.events());
        LocalDate earliest = null;
        for (CaseEvent event : after.events()) {
            if (!held.remove(event)) {
                if (!changesOnlyFromItsDate(event, before, after)) {
                    return null;
                }
                earliest = earlier(earliest, event.getOccurredOn());
            }
        }
        for (CaseEvent gone : held) {
            if (!changesOnlyFromItsDate(gone, before, after)) {
                return null;
            }
            earliest = earlier(earliest, gone.getOccurredOn());
        }
        return earliest;
    }

    /**
     * Whether an event that came or went can change the case's snapshot state only on and after
     * its own date: the state on a date reads the events dated on or before it (elements begun,
     * ended, visited, allocated, moved or closed by then), so most events qualify. Not so for an
     * event that settles something about the whole case (a child's date of birth, unborn or
     * asylum-seeking, the latest of which counts for every date), nor for a completion that
     * changes its assessment's type (the type counts while the assessment is open, before its
     * completion): those re-evaluate the whole timeline. A change of the referral or of the
     * closure's order against it is caught by {@link #earliestChange} first.
     */
    private static boolean changesOnlyFromItsDate(CaseEvent event, CaseHistory before, CaseHistory after) {
        boolean childAttributes = event.getChildDateOfBirth() != null || event.getChildUnborn() != null
                || event.getUnaccompaniedAsylumSeeking() != null;
        if (childAttributes) {
            return false;
        }
        if (event.getType() == EventType.ASSESSMENT_COMPLETED) {
            return before.assessmentType(event.getAssessmentId()) == after.assessmentType(event.getAssessmentId());
        }
        return true;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private Facts compute(CaseHistory history, Facts snapshotFactsBefore, LocalDate from) {
        Facts facts = new Facts();
        history.anomalies().forEach(facts::anomaly);
        if (!history.hasReferral()) {
            return facts; // a case counts nowhere until its referral is known
        }
        eventMeasures.forEach((indicator, measure) -> {
            if (indicator.filter().admitsCase(history)) {
                measure.contribute(history, indicator, facts);
            }
        });
        List<IndicatorDefinition> snapshotIndicators = new ArrayList<>();
        for (IndicatorDefinition indicator : snapshotMeasures.keySet()) {
            if (indicator.filter().admitsCase(history)) {
                snapshotIndicators.add(indicator);
            }
        }
        if (from != null) {
            snapshotFactsBefore.copyBefore(snapshotIndicatorIds, from, facts);
        }
        timeline.contribute(history, snapshotIndicators, facts, from);
        return facts;
    }
}
