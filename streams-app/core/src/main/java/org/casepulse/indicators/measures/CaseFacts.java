package org.casepulse.indicators.measures;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.WorkingDayCalendar;
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
    private final ChildTimelines childTimelines;

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
                case VISIT_TIMELINESS -> snapshotMeasures.put(indicator, new VisitTimeliness());
                case OPEN_CASES -> {
                    if (ChildTimelines.measureOf(indicator) == null) {
                        snapshotMeasures.put(indicator, new OpenCases());
                    }
                }
                case WORKLOAD_ALLOCATED -> snapshotMeasures.put(indicator, new WorkloadAllocated());
                case UNALLOCATED_CASES -> snapshotMeasures.put(indicator, new UnallocatedCases());
                case ASSESSMENTS_OPEN_OVER -> snapshotMeasures.put(indicator, new AssessmentsOpenOver());
                case CP_VISIT_OVERDUE, ACTIVE_PLANS, ACTIVE_PLAN_DURATION, PLACEMENT_MOVES, PLACEMENT_STABILITY,
                        CHILD_CHECK_CURRENT, REVIEWS_IN_TIMESCALE -> {
                    // children counted once: ChildTimelines, merged per child by ChildFacts
                }
                case AVERAGE_CASELOAD -> snapshotMeasures.put(indicator, new AverageCaseload());
                case RE_REFERRAL, REPEAT_CP_PLAN -> {
                    // per child: ChildFacts
                }
            }
        }
        this.timeline = new SnapshotTimeline(calendar, snapshotMeasures);
        this.childTimelines = new ChildTimelines(catalogue, calendar);
    }

    /** The per-case timelines of the indicators that count children once, for the child's summary. */
    public ChildTimelines childTimelines() {
        return childTimelines;
    }

    /** The case's facts (canonical, see {@link Facts#toList()}) and the anomalies met on the way. */
    public Facts compute(CaseHistory history) {
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
        timeline.contribute(history, snapshotIndicators, facts);
        return facts;
    }
}
