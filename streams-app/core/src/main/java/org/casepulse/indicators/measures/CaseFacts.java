package org.casepulse.indicators.measures;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.indicators.CaseChange;
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
    /** The indicators in a fixed order: an indicator's slot in {@link Facts#reads(int)} is its place here, event measures first. */
    private final List<IndicatorDefinition> eventIndicators;
    private final List<IndicatorDefinition> snapshotIndicators;
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
        this.eventIndicators = List.copyOf(eventMeasures.keySet());
        this.snapshotIndicators = List.copyOf(snapshotMeasures.keySet());
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
        return compute(history, null, CaseChange.WHOLE);
    }

    /**
     * The case's facts after a change, given its facts and history before it. A case's snapshot
     * state on a date depends only on its events dated on or before it, anchored on its referral;
     * so when the referral stays the same, snapshot facts dated before the earliest changed event
     * are those of before, and the timeline is evaluated from that date only. During a backfill,
     * where a case's events mostly arrive in date order, that is the last few dates of the case
     * instead of its whole life. And an indicator whose measure read none of the kinds of events
     * the change touched keeps its facts of before without running at all.
     */
    public Facts computeAfter(CaseHistory before, Facts factsBefore, CaseHistory after) {
        return computeAfter(after, factsBefore, CaseChange.between(before, after));
    }

    /** As {@link #computeAfter(CaseHistory, Facts, CaseHistory)}, given the {@link CaseChange} between them. */
    public Facts computeAfter(CaseHistory after, Facts factsBefore, CaseChange change) {
        return change.isPartial() ? compute(after, factsBefore, change) : compute(after);
    }

    /**
     * How many of the case's indicators a change leaves as they were, given the facts of before
     * it: those whose measure read none of the kinds of events it touched.
     */
    public int indicatorsKept(Facts before, CaseChange change) {
        int kept = 0;
        for (int slot = 0; slot < eventIndicators.size() + snapshotIndicators.size(); slot++) {
            if (change.isPartial() && !change.touches(before.reads(slot))) {
                kept++;
            }
        }
        return kept;
    }

    private Facts compute(CaseHistory history, Facts before, CaseChange change) {
        Facts facts = new Facts(eventIndicators.size() + snapshotIndicators.size());
        history.anomalies().forEach(facts::anomaly);
        if (!history.hasReferral()) {
            return facts; // a case counts nowhere until its referral is known
        }
        if (before != null) {
            // Anomalies met by measures kept from before are not met again: keep those of before.
            before.anomalies().forEach(facts::anomaly);
        }
        for (int slot = 0; slot < eventIndicators.size(); slot++) {
            IndicatorDefinition indicator = eventIndicators.get(slot);
            if (before != null && !change.touches(before.reads(slot))) {
                facts.keep(slot, indicator.id(), before);
                continue;
            }
            history.takeReads();
            if (indicator.filter().admitsCase(history)) {
                eventMeasures.get(indicator).contribute(history, indicator, facts);
            }
            facts.read(slot, history.takeReads());
        }
        List<IndicatorDefinition> evaluated = new ArrayList<>();
        List<Integer> evaluatedSlots = new ArrayList<>();
        for (int i = 0; i < snapshotIndicators.size(); i++) {
            IndicatorDefinition indicator = snapshotIndicators.get(i);
            int slot = eventIndicators.size() + i;
            if (before != null && !change.touches(before.reads(slot))) {
                facts.keep(slot, indicator.id(), before);
                continue;
            }
            history.takeReads();
            boolean admitted = indicator.filter().admitsCase(history);
            long reads = history.takeReads() | SnapshotTimeline.ALWAYS_READ;
            if (admitted) {
                evaluated.add(indicator);
                evaluatedSlots.add(slot);
                if (before != null) {
                    // Evaluated from the change on: what came before was made with what before read.
                    before.copyBefore(indicator.id(), change.earliest(), facts);
                    reads |= before.reads(slot);
                }
            }
            facts.read(slot, reads);
        }
        long[] timelineReads = timeline.contribute(history, evaluated, facts, before == null ? null : change.earliest());
        for (int i = 0; i < evaluated.size(); i++) {
            int slot = evaluatedSlots.get(i);
            facts.read(slot, facts.reads(slot) | timelineReads[i]);
        }
        return facts;
    }
}
