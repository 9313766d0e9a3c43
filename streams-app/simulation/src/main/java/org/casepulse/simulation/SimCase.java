package org.casepulse.simulation;

import org.casepulse.events.PlanType;

/** One case as it runs: where it is in its life, who holds it, and the ids of what is under way. */
final class SimCase {
    /** The case's number: with the event's place in the case, it keys the fault dice. */
    final int serial;
    final String number;
    final String id;
    final Child child;
    final String caseType;
    final int referralDay;
    final boolean assessed;

    AreaProfile area;
    Worker worker;
    Step step;
    /** Events of the case so far: the next one's place in the case. */
    int events;
    /** When the case's last on-time event was recorded: the next one is recorded after it. */
    long lastRecordedMillis;

    int assessments;
    String assessmentId;
    int plans;
    String planId;
    PlanType planType;
    int planEndDay;

    SimCase(int number, Child child, AreaProfile area, String caseType, int referralDay, boolean assessed) {
        this.serial = number;
        this.number = Ids.caseNumber(number);
        this.id = Ids.caseId(this.number);
        this.child = child;
        this.area = area;
        this.caseType = caseType;
        this.referralDay = referralDay;
        this.assessed = assessed;
    }

    /** What a case does next; each step schedules at most one more. */
    enum Step { ALLOCATE, START_ASSESSMENT, COMPLETE_ASSESSMENT, START_PLAN, VISIT, END_PLAN, CLOSE }
}
