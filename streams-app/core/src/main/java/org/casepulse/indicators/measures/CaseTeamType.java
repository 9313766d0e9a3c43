package org.casepulse.indicators.measures;

import java.time.LocalDate;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.workforce.TeamType;

/**
 * The kind of team that holds an open case on a date, read from the case's own stage (COUNTING.md
 * 14.8): children in care are held by children-in-care teams, children on a protection or
 * child-in-need plan by safeguarding teams, assessed cases by assessment teams, and cases not yet
 * assessed by the front door. The case events name no team, and joining each case to its worker's
 * post would need the case and HR systems to share worker ids; the stage is what every authority's
 * team structure follows.
 */
final class CaseTeamType {

    private CaseTeamType() {
    }

    static TeamType on(CaseHistory history, LocalDate date) {
        if (activePlan(history, PlanType.CLA, date)) {
            return TeamType.CHILDREN_IN_CARE;
        }
        if (activePlan(history, PlanType.CP, date) || activePlan(history, PlanType.CIN, date)) {
            return TeamType.SAFEGUARDING;
        }
        for (CaseHistory.Assessment assessment : history.assessments()) {
            if (assessment.start() != null && !assessment.start().getOccurredOn().isAfter(date)) {
                return TeamType.ASSESSMENT;
            }
        }
        return TeamType.FRONT_DOOR;
    }

    private static boolean activePlan(CaseHistory history, PlanType type, LocalDate date) {
        for (CaseHistory.Plan plan : history.plansOfType(type)) {
            if (plan.activeOn(date)) {
                return true;
            }
        }
        return false;
    }
}
