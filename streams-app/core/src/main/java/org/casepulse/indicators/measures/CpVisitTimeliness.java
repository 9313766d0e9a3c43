package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Each visit inside a child protection plan, in timescale when it comes within the interval of
 * the plan's previous visit (or of the plan's start, for the first).
 */
final class CpVisitTimeliness implements CaseMeasure {

    private final WorkingDayCalendar calendar;

    CpVisitTimeliness(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        List<CaseHistory.Plan> plans = history.plansOfType(PlanType.CP);
        if (plans.isEmpty()) {
            return;
        }
        int interval = indicator.parameters().intervalWorkingDays();
        Map<String, LocalDate> previousVisit = new HashMap<>();
        for (CaseEvent visit : history.visits()) {
            CaseHistory.Plan plan = planOf(visit.getOccurredOn(), plans);
            if (plan == null) {
                continue;
            }
            LocalDate previous = previousVisit.getOrDefault(plan.id(), plan.startDate());
            int days = calendar.workingDaysBetween(previous, visit.getOccurredOn());
            facts.add(indicator.id(), visit.getAreaCode(), month(visit.getOccurredOn()), oneIf(days <= interval), 1);
            previousVisit.put(plan.id(), visit.getOccurredOn());
        }
    }

    /** The covering plan with the latest start (then the smallest id: plans come sorted by id). */
    private static CaseHistory.Plan planOf(LocalDate visit, List<CaseHistory.Plan> plans) {
        CaseHistory.Plan chosen = null;
        for (CaseHistory.Plan plan : plans) {
            if (plan.covers(visit) && (chosen == null || plan.startDate().isAfter(chosen.startDate()))) {
                chosen = plan;
            }
        }
        return chosen;
    }
}
