package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;

/** What the children-in-care kinds share: the representative plan, and dates around a calendar span. */
final class InCare {

    private InCare() {}

    /** The active plan of the type with the earliest start (then the smallest planId), or null (COUNTING.md 8.2). */
    static CaseHistory.Plan representativePlan(CaseHistory history, PlanType type, LocalDate date) {
        CaseHistory.Plan chosen = null;
        for (CaseHistory.Plan plan : history.plansOfType(type)) { // by planId
            if (plan.activeOn(date) && (chosen == null || plan.startDate().isBefore(chosen.startDate()))) {
                chosen = plan;
            }
        }
        return chosen;
    }

    /** Whether {@code since} is on or before {@code date - span} (calendar arithmetic). */
    static boolean atLeast(LocalDate since, Period span, LocalDate date) {
        return !since.isAfter(date.minus(span));
    }

    /**
     * The days on which {@code atLeast(since, span, T)} may turn true: from {@code since + span} on
     * a few days, as subtracting months from T does not undo adding them (31 January + 1 month is
     * 28 February, and 28 February - 1 month is 28 January).
     */
    static void addAround(Collection<LocalDate> dates, LocalDate since, Period span) {
        LocalDate first = since.plus(span);
        for (int day = 0; day <= 4; day++) {
            dates.add(first.plusDays(day));
        }
    }
}
