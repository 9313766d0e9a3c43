package org.casepulse.indicators.measures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseChange;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.state.ChildPlan;
import org.casepulse.state.ChildSummary;

/** What the cross-case measures need of a case: its referral and its child protection plans. */
public final class ChildSummaries {

    private ChildSummaries() {}

    /** The summary of a case with a referral; null for a case that has none (yet). */
    public static ChildSummary of(String caseId, CaseHistory history, Instant knownAt) {
        return of(caseId, history, knownAt, null);
    }

    /** As {@link #of(String, CaseHistory, Instant)}, with the case's timelines of the children-counted indicators. */
    public static ChildSummary of(String caseId, CaseHistory history, Instant knownAt, ChildTimelines timelines) {
        return of(caseId, history, knownAt, timelines, timelines == null ? null : timelines.newReads());
    }

    /** As {@link #of(String, CaseHistory, Instant, ChildTimelines)}, noting in {@code reads} what each timeline was made from. */
    public static ChildSummary of(String caseId, CaseHistory history, Instant knownAt, ChildTimelines timelines,
                                  ChildTimelines.Reads reads) {
        return after(caseId, null, history, CaseChange.WHOLE, knownAt, timelines, reads);
    }

    /**
     * The summary after a change, given the summary of the case before it (null if none or
     * unknown), the change, and what the timelines of before were made from ({@code reads},
     * updated to what those of after are made from): the timelines are evaluated from the
     * change's earliest date only, and those the change cannot move are kept.
     */
    public static ChildSummary after(String caseId, ChildSummary before, CaseHistory history, CaseChange change,
                                     Instant knownAt, ChildTimelines timelines, ChildTimelines.Reads reads) {
        if (!history.hasReferral()) {
            return null;
        }
        List<ChildPlan> plans = new ArrayList<>();
        for (CaseHistory.Plan plan : history.plansOfType(PlanType.CP)) {
            plans.add(new ChildPlan(plan.id(), plan.startDate(), plan.start().getAreaCode()));
        }
        return ChildSummary.newBuilder()
                .setCaseId(caseId)
                .setChildId(history.referral().getChildId())
                .setReferralDate(history.referralDate())
                .setReferralArea(history.referral().getAreaCode())
                .setCaseType(history.referral().getCaseType())
                .setCpPlans(plans)
                .setTimelines(timelines == null ? List.of()
                        : timelines.of(history, before == null ? null : before.getTimelines(), change, reads))
                .setKnownAt(knownAt)
                .build();
    }

    /** An empty summary withdraws a case from a child (its referral was retracted or moved to another child). */
    public static ChildSummary withdrawal(String caseId, String childId, Instant knownAt) {
        return ChildSummary.newBuilder()
                .setCaseId(caseId)
                .setChildId(childId)
                .setCpPlans(List.of())
                .setTimelines(List.of())
                .setKnownAt(knownAt)
                .build();
    }

    /** Whether two summaries say the same about the case (knownAt aside). */
    public static boolean sameContent(ChildSummary a, ChildSummary b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.getChildId().equals(b.getChildId())
                && java.util.Objects.equals(a.getReferralDate(), b.getReferralDate())
                && java.util.Objects.equals(a.getReferralArea(), b.getReferralArea())
                && java.util.Objects.equals(a.getCaseType(), b.getCaseType())
                && a.getCpPlans().equals(b.getCpPlans())
                && a.getTimelines().equals(b.getTimelines());
    }
}
