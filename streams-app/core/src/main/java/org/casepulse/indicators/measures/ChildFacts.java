package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.Lookback;
import org.casepulse.state.ChildPlan;
import org.casepulse.state.ChildSummary;

/**
 * The cross-case measures of one child: re-referrals and repeat child protection plans look at
 * every case of the child, so they are computed where the child's cases meet (keyed by child).
 */
public final class ChildFacts {

    private final List<IndicatorDefinition> reReferrals = new ArrayList<>();
    private final List<IndicatorDefinition> repeatPlans = new ArrayList<>();

    public ChildFacts(IndicatorCatalogue catalogue) {
        for (IndicatorDefinition indicator : catalogue.all()) {
            switch (indicator.measure()) {
                case RE_REFERRAL -> reReferrals.add(indicator);
                case REPEAT_CP_PLAN -> repeatPlans.add(indicator);
                default -> { }
            }
        }
    }

    public boolean isEmpty() {
        return reReferrals.isEmpty() && repeatPlans.isEmpty();
    }

    public Facts compute(Collection<ChildSummary> cases) {
        Facts facts = new Facts();
        for (IndicatorDefinition indicator : reReferrals) {
            reReferrals(indicator, cases, facts);
        }
        for (IndicatorDefinition indicator : repeatPlans) {
            repeatPlans(indicator, cases, facts);
        }
        return facts;
    }

    /** Each referral, counted when another case of the child was referred within the lookback before it. */
    private static void reReferrals(IndicatorDefinition indicator, Collection<ChildSummary> cases, Facts facts) {
        for (ChildSummary referred : cases) {
            if (referred.getReferralDate() == null || !matches(indicator.caseType(), referred)) {
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
            if (!matches(indicator.caseType(), owner)) {
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

    private static boolean matches(Optional<String> caseType, ChildSummary summary) {
        return caseType.isEmpty() || caseType.get().equals(summary.getCaseType());
    }
}
