package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.Lookback;
import java.util.TreeSet;
import org.casepulse.state.ChildPlan;
import org.casepulse.state.ChildTimeline;
import org.casepulse.state.ChildSummary;

/**
 * The cross-case measures of one child: re-referrals and repeat child protection plans look at
 * every case of the child, so they are computed where the child's cases meet (keyed by child).
 */
public final class ChildFacts {

    private final List<IndicatorDefinition> reReferrals = new ArrayList<>();
    private final List<IndicatorDefinition> repeatPlans = new ArrayList<>();
    private final List<IndicatorDefinition> childrenCounted = new ArrayList<>();

    public ChildFacts(IndicatorCatalogue catalogue) {
        for (IndicatorDefinition indicator : catalogue.all()) {
            switch (indicator.measure()) {
                case RE_REFERRAL -> reReferrals.add(indicator);
                case REPEAT_CP_PLAN -> repeatPlans.add(indicator);
                default -> {
                    if (ChildTimelines.measureOf(indicator) != null) {
                        childrenCounted.add(indicator);
                    }
                }
            }
        }
    }

    public boolean isEmpty() {
        return reReferrals.isEmpty() && repeatPlans.isEmpty() && childrenCounted.isEmpty();
    }

    public Facts compute(Collection<ChildSummary> cases) {
        Facts facts = new Facts();
        for (IndicatorDefinition indicator : reReferrals) {
            reReferrals(indicator, cases, facts);
        }
        for (IndicatorDefinition indicator : repeatPlans) {
            repeatPlans(indicator, cases, facts);
        }
        if (!childrenCounted.isEmpty() && !cases.isEmpty()) {
            // One pass over the cases' timelines, not one per indicator.
            Map<String, Candidates> byIndicator = new HashMap<>();
            for (ChildSummary summary : cases) {
                for (ChildTimeline timeline : summary.getTimelines()) {
                    byIndicator.computeIfAbsent(timeline.getIndicatorId(), id -> new Candidates()).add(summary, timeline);
                }
            }
            for (IndicatorDefinition indicator : childrenCounted) {
                Candidates candidates = byIndicator.get(indicator.id());
                if (candidates != null) {
                    childrenCounted(indicator.id(), candidates, facts);
                }
            }
        }
        return facts;
    }

    /** The timelines of one indicator, each with the case summary it came in. */
    private static final class Candidates {
        final List<ChildSummary> owners = new ArrayList<>(2);
        final List<ChildTimeline> timelines = new ArrayList<>(2);

        void add(ChildSummary owner, ChildTimeline timeline) {
            owners.add(owner);
            timelines.add(timeline);
        }
    }

    /**
     * The child counted once a day, through its representative case (COUNTING.md 8.2): among the
     * cases qualifying that day, the latest referral, then the greatest caseId. Kept as day
     * deltas, as a case's snapshot measures are.
     */
    private static void childrenCounted(String indicatorId, Candidates candidates, Facts facts) {
        List<ChildSummary> owners = candidates.owners;
        List<ChildTimeline> timelines = candidates.timelines;
        // Most children have one case: its own dates, in order, are the days to look at.
        Collection<LocalDate> dates;
        if (timelines.size() == 1) {
            dates = timelines.get(0).getDates();
        } else {
            TreeSet<LocalDate> all = new TreeSet<>();
            timelines.forEach(timeline -> all.addAll(timeline.getDates()));
            dates = all;
        }
        int[] next = new int[timelines.size()];
        String area = null;
        int numerator = 0;
        LocalDate previous = null;
        for (LocalDate date : dates) {
            if (date.equals(previous)) {
                continue; // a day twice in one timeline: its pointer has passed both already
            }
            previous = date;
            int chosen = -1;
            for (int i = 0; i < timelines.size(); i++) {
                ChildTimeline timeline = timelines.get(i);
                while (next[i] < timeline.getDates().size() && !timeline.getDates().get(next[i]).isAfter(date)) {
                    next[i]++;
                }
                boolean qualifies = next[i] > 0 && timeline.getAreaCodes().get(next[i] - 1) != null;
                if (qualifies && (chosen < 0 || represents(owners.get(i), owners.get(chosen)))) {
                    chosen = i;
                }
            }
            String areaNow = chosen < 0 ? null : timelines.get(chosen).getAreaCodes().get(next[chosen] - 1);
            int numeratorNow = chosen < 0 ? 0 : timelines.get(chosen).getNumerators().get(next[chosen] - 1);
            if (!java.util.Objects.equals(area, areaNow) || numerator != numeratorNow) {
                if (area != null) {
                    facts.add(indicatorId, area, date, -numerator, -1);
                }
                if (areaNow != null) {
                    facts.add(indicatorId, areaNow, date, numeratorNow, 1);
                }
                area = areaNow;
                numerator = numeratorNow;
            }
        }
    }

    /** Whether case {@code a} rather than {@code b} represents the child: later referral, then greater caseId. */
    private static boolean represents(ChildSummary a, ChildSummary b) {
        int byReferral = a.getReferralDate().compareTo(b.getReferralDate());
        return byReferral != 0 ? byReferral > 0 : a.getCaseId().compareTo(b.getCaseId()) > 0;
    }

    /** Each referral, counted when another case of the child was referred within the lookback before it. */
    private static void reReferrals(IndicatorDefinition indicator, Collection<ChildSummary> cases, Facts facts) {
        for (ChildSummary referred : cases) {
            if (referred.getReferralDate() == null || !indicator.filter().matchesCaseType(referred.getCaseType())) {
                continue;
            }
            LocalDate date = referred.getReferralDate();
            LocalDate earliest = indicator.parameters().lookback().earliest(date);
            boolean again = false;
            for (ChildSummary other : cases) {
                LocalDate earlier = other.getReferralDate();
                if (earlier != null && !other.getCaseId().equals(referred.getCaseId())
                        && earlier.isBefore(date) && !earlier.isBefore(earliest)) {
                    again = true;
                    break;
                }
            }
            facts.add(indicator.id(), referred.getReferralArea(), month(date), oneIf(again), 1);
        }
    }

    /** Each CP plan, counted when the child had another CP plan started before it (within the lookback, if set). */
    private static void repeatPlans(IndicatorDefinition indicator, Collection<ChildSummary> cases, Facts facts) {
        Lookback lookback = indicator.parameters().lookback();
        for (ChildSummary owner : cases) {
            if (!indicator.filter().matchesCaseType(owner.getCaseType())) {
                continue;
            }
            for (ChildPlan plan : owner.getCpPlans()) {
                LocalDate start = plan.getStart();
                LocalDate earliest = lookback == null ? null : lookback.earliest(start);
                boolean repeat = false;
                for (ChildSummary other : cases) {
                    for (ChildPlan earlier : other.getCpPlans()) {
                        boolean samePlan = other.getCaseId().equals(owner.getCaseId()) && earlier.getPlanId().equals(plan.getPlanId());
                        if (!samePlan && earlier.getStart().isBefore(start)
                                && (earliest == null || !earlier.getStart().isBefore(earliest))) {
                            repeat = true;
                        }
                    }
                }
                facts.add(indicator.id(), plan.getAreaCode(), month(start), oneIf(repeat), 1);
            }
        }
    }
}
