package org.casepulse.indicators.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.events.PlanType;
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
        return after(caseId, null, history, null, knownAt, timelines);
    }

    /**
     * The summary after a change, given the summary of the case before it (null if none or
     * unknown) and the change's {@link CaseFacts#earliestChange} (null: evaluate the whole case):
     * the timelines are evaluated from that date only.
     */
    public static ChildSummary after(String caseId, ChildSummary before, CaseHistory history, LocalDate earliestChange,
                                     Instant knownAt, ChildTimelines timelines) {
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
                        : timelines.of(history, before == null ? null : before.getTimelines(), earliestChange))
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
