package org.casepulse.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;

/**
 * The simulated children's services, one day at a time: referrals arrive, and each open case takes
 * its next step when it falls due (allocation, assessment, plans and visits, closure). Workers are
 * chosen on the day of the allocation, from the caseloads of that day. Every random choice comes
 * from one generator, drawn in a fixed order, so a seed gives one history.
 */
final class World {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    /** Assessments start 0-5 working days after allocation, mostly at once. */
    private static final int[] ASSESSMENT_START_DELAY = {0, 0, 0, 1, 1, 2, 3, 5};
    /** How many working days before the 10th an in-time CP visit comes: mostly just in time. */
    private static final int[] VISIT_EARLINESS = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5};
    private static final int CP_VISIT_INTERVAL = 10;

    private final DayIndex days;
    private final List<AreaProfile> areas;
    private final SplittableRandom random;
    private final Output output;
    private final FaultInjector faults;
    private final List<List<SimCase>> agenda;
    private int cases;
    private int children;
    private int workers;
    /** The first day of the 12 months before today: a referral on or after it is recent. */
    private int recentSince;

    World(DayIndex days, List<AreaProfile> areas, SplittableRandom random, Output output, FaultInjector faults) {
        this.days = days;
        this.areas = areas;
        this.random = random;
        this.output = output;
        this.faults = faults;
        this.agenda = new ArrayList<>(days.days());
        for (int day = 0; day < days.days(); day++) {
            agenda.add(null);
        }
    }

    /** Simulates {@code day}: its referrals, then every step due; their records go to the output. */
    void simulate(int day) {
        LocalDate date = days.date(day);
        recentSince = day - (int) (date.toEpochDay() - date.minusMonths(12).toEpochDay());
        for (AreaProfile area : areas) {
            area.referrals.age(recentSince);
        }
        double dayFactor = days.isWorking(day) ? 1
                : date.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0 ? Calibration.WEEKEND : Calibration.BANK_HOLIDAY;
        double season = Calibration.MONTH[date.getMonthValue() - 1];
        double years = day / 365.25;
        for (AreaProfile area : areas) {
            double expected = area.referralShare * dayFactor * season * Math.pow(1 + area.growth, years);
            for (int n = poisson(expected); n > 0; n--) {
                refer(area, day);
            }
        }
        List<SimCase> due = agenda.get(day);
        if (due != null) {
            // Steps may schedule more steps for the same day, appended to this list.
            for (int i = 0; i < due.size(); i++) {
                advance(due.get(i), day);
            }
            agenda.set(day, null);
        }
    }

    private void refer(AreaProfile area, int day) {
        Child child = null;
        double u = random.nextDouble();
        if (u < area.pReReferral) {
            child = area.referrals.pickRecent(random, day);
        } else if (u < area.pReReferral + Calibration.OLD_RE_REFERRAL) {
            child = area.referrals.pickOlder(random, recentSince);
        }
        if (child == null) {
            child = new Child(Ids.childId(++children));
        }
        child.openCase = true;
        child.lastReferralDay = day;
        area.referrals.add(child, day);
        String caseType = random.nextDouble() < Calibration.S47 ? "S47" : "S17";
        boolean assessed = random.nextDouble() < area.pAssessment;
        SimCase c = new SimCase(++cases, child, area, caseType, day, assessed);
        CaseEvent referral = event(c, day, EventType.REFERRAL_RECEIVED);
        referral.setCaseType(caseType);
        send(c, day, referral);
        if (!assessed && random.nextDouble() < Calibration.FRONT_DOOR_CLOSURE) {
            schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, random.nextInt(3)));
        } else {
            schedule(c, SimCase.Step.ALLOCATE, days.addWorkingDays(day, allocationDelay(area)));
        }
    }

    private void advance(SimCase c, int day) {
        switch (c.step) {
            case ALLOCATE -> allocate(c, day);
            case START_ASSESSMENT -> startAssessment(c, day);
            case COMPLETE_ASSESSMENT -> completeAssessment(c, day);
            case START_PLAN -> startPlan(c, day);
            case VISIT -> visit(c, day);
            case END_PLAN -> endPlan(c, day);
            case CLOSE -> close(c, day);
        }
    }

    private void allocate(SimCase c, int day) {
        allocateTo(c, day, pickWorker(c.area, null));
        if (c.assessed) {
            int delay = ASSESSMENT_START_DELAY[random.nextInt(ASSESSMENT_START_DELAY.length)];
            schedule(c, SimCase.Step.START_ASSESSMENT, days.addWorkingDays(day, delay));
        } else {
            schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, random.nextInt(9)));
        }
    }

    private void startAssessment(SimCase c, int day) {
        c.assessmentId = Ids.assessmentId(c.number, ++c.assessments);
        CaseEvent started = event(c, day, EventType.ASSESSMENT_STARTED);
        started.setAssessmentId(c.assessmentId);
        send(c, day, started);
        // Working days from referral to completion: within 45 for most, later for the rest.
        int earliest = Math.max(days.workingDaysBetween(c.referralDay, day) + 3, 10);
        int total = random.nextDouble() < c.area.pAssessmentWithin45 && earliest <= 45
                ? earliest + random.nextInt(46 - earliest)
                : Math.max(46, earliest) + random.nextInt(40);
        schedule(c, SimCase.Step.COMPLETE_ASSESSMENT, days.addWorkingDays(c.referralDay, total));
    }

    private void completeAssessment(SimCase c, int day) {
        CaseEvent completed = event(c, day, EventType.ASSESSMENT_COMPLETED);
        completed.setAssessmentId(c.assessmentId);
        completed.setChildSeen(random.nextDouble() < c.area.pChildSeen);
        send(c, day, completed);
        double pChildProtection = c.child.hadChildProtectionPlan ? Calibration.CP_AFTER_EARLIER_CP
                : "S47".equals(c.caseType) ? Calibration.CP_AFTER_S47 : Calibration.CP_AFTER_S17;
        double u = random.nextDouble();
        if (u < pChildProtection) {
            c.planType = PlanType.CP;
            schedule(c, SimCase.Step.START_PLAN, days.addWorkingDays(day, random.nextInt(11)));
        } else if (u < pChildProtection + Calibration.CIN) {
            c.planType = PlanType.CIN;
            schedule(c, SimCase.Step.START_PLAN, days.addWorkingDays(day, random.nextInt(9)));
        } else {
            schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, 1 + random.nextInt(10)));
        }
    }

    private void startPlan(SimCase c, int day) {
        if (random.nextDouble() < Calibration.TRANSFER && !c.area.siblings.isEmpty()) {
            c.area = c.area.siblings.get(random.nextInt(c.area.siblings.size()));
            allocateTo(c, day, pickWorker(c.area, null));
        }
        c.planId = Ids.planId(c.number, ++c.plans);
        CaseEvent started = event(c, day, EventType.PLAN_STARTED);
        started.setPlanId(c.planId);
        started.setPlanType(c.planType);
        send(c, day, started);
        if (c.planType == PlanType.CP) {
            c.child.hadChildProtectionPlan = true;
        }
        c.planEndDay = days.addWorkingDays(day, planDuration(c.planType));
        scheduleVisitOrEnd(c, day);
    }

    private void visit(SimCase c, int day) {
        if (random.nextDouble() < Calibration.REALLOCATION) {
            allocateTo(c, day, pickWorker(c.area, c.worker));
        }
        CaseEvent visit = event(c, day, EventType.VISIT_RECORDED);
        visit.setChildSeen(random.nextDouble() < 0.97);
        send(c, day, visit);
        scheduleVisitOrEnd(c, day);
    }

    private void scheduleVisitOrEnd(SimCase c, int day) {
        int next = days.addWorkingDays(day, visitInterval(c));
        if (next <= c.planEndDay && next != DayIndex.NEVER) {
            schedule(c, SimCase.Step.VISIT, next);
        } else {
            schedule(c, SimCase.Step.END_PLAN, c.planEndDay);
        }
    }

    private void endPlan(SimCase c, int day) {
        CaseEvent ended = event(c, day, EventType.PLAN_ENDED);
        ended.setPlanId(c.planId);
        ended.setPlanType(c.planType);
        send(c, day, ended);
        double u = random.nextDouble();
        if (c.planType == PlanType.CP && u < Calibration.REPEAT_CP_IN_CASE) {
            schedule(c, SimCase.Step.START_PLAN, days.addWorkingDays(day, 10 + random.nextInt(50)));
        } else if (c.planType == PlanType.CP && u < Calibration.REPEAT_CP_IN_CASE + Calibration.STEP_DOWN_TO_CIN) {
            c.planType = PlanType.CIN;
            schedule(c, SimCase.Step.START_PLAN, day);
        } else {
            schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, random.nextInt(16)));
        }
    }

    private void close(SimCase c, int day) {
        send(c, day, event(c, day, EventType.CASE_CLOSED));
        if (c.worker != null) {
            c.worker.load--;
        }
        c.child.openCase = false;
    }

    private void allocateTo(SimCase c, int day, Worker worker) {
        if (c.worker != null) {
            c.worker.load--;
        }
        c.worker = worker;
        worker.load++;
        CaseEvent allocation = event(c, day, EventType.ALLOCATION_MADE);
        allocation.setWorkerId(worker.id);
        send(c, day, allocation);
    }

    /**
     * A worker of the area with room: one already holding cases first (teams fill caseloads before
     * giving work to someone new), else an idle one, else a newly hired one. Never {@code not}.
     */
    private Worker pickWorker(AreaProfile area, Worker not) {
        List<Worker> pool = area.workers;
        int n = pool.size();
        if (n > 0) {
            int start = random.nextInt(n);
            Worker idle = null;
            for (int i = 0; i < n; i++) {
                Worker worker = pool.get((start + i) % n);
                if (worker == not) {
                    continue;
                }
                if (worker.load > 0 && worker.load < worker.cap) {
                    return worker;
                }
                if (worker.load == 0 && idle == null) {
                    idle = worker;
                }
            }
            if (idle != null) {
                return idle;
            }
        }
        return hire(area);
    }

    /** A new worker of the area; a few also work in another area of the same parent. */
    private Worker hire(AreaProfile area) {
        int cap = Math.max(5, (int) Math.round(area.caseloadCap + 6 * random.nextDouble() - 3));
        Worker worker = new Worker(Ids.workerId(++workers), cap);
        area.workers.add(worker);
        if (!area.siblings.isEmpty() && random.nextDouble() < Calibration.CROSS_AREA_WORKER) {
            area.siblings.get(random.nextInt(area.siblings.size())).workers.add(worker);
        }
        return worker;
    }

    /** Working days from referral to first allocation. */
    private int allocationDelay(AreaProfile area) {
        double u = random.nextDouble();
        double within2 = area.pAllocationWithin2;
        if (u < within2) {
            double v = u / within2;
            return v < 0.3 ? 0 : v < 0.7 ? 1 : 2;
        }
        double v = (u - within2) / (1 - within2);
        if (v < Calibration.ALLOCATION_3_TO_7) {
            return 3 + random.nextInt(5);
        }
        if (v < Calibration.ALLOCATION_3_TO_7 + Calibration.ALLOCATION_8_TO_28) {
            return 8 + random.nextInt(21);
        }
        return 29 + random.nextInt(32);
    }

    /** CP visits come every 10 working days, mostly just in time, some late; CIN visits every 15-25. */
    private int visitInterval(SimCase c) {
        if (c.planType != PlanType.CP) {
            return 15 + random.nextInt(11);
        }
        if (random.nextDouble() < c.area.pVisitInTime) {
            return CP_VISIT_INTERVAL - VISIT_EARLINESS[random.nextInt(VISIT_EARLINESS.length)];
        }
        return CP_VISIT_INTERVAL + 1 + Math.min(20, (int) (-Math.log(1 - random.nextDouble()) * 2.5));
    }

    /** In working days: CP plans mostly 6-12 months, some short, some over two years; CIN 4-14 months. */
    private int planDuration(PlanType type) {
        if (type != PlanType.CP) {
            return 80 + random.nextInt(221);
        }
        double u = random.nextDouble();
        return u < 0.15 ? 60 + random.nextInt(71)
                : u < 0.75 ? 130 + random.nextInt(131)
                : u < 0.95 ? 260 + random.nextInt(241)
                : 505 + random.nextInt(196);
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private void schedule(SimCase c, SimCase.Step step, int day) {
        if (day == DayIndex.NEVER || day >= days.days()) {
            return; // beyond the history: the case stays where it is
        }
        c.step = step;
        List<SimCase> due = agenda.get(day);
        if (due == null) {
            due = new ArrayList<>();
            agenda.set(day, due);
        }
        due.add(c);
    }

    /** An event of the case on {@code day}, recorded in working hours, after the case's previous one. */
    private CaseEvent event(SimCase c, int day, EventType type) {
        long recordedAt = days.startMillis(day) + 8 * HOUR + 30 * MINUTE + (long) (random.nextDouble() * 9 * HOUR);
        if (random.nextDouble() < 0.12) {
            recordedAt += (long) (random.nextDouble() * 24 * HOUR);
        }
        recordedAt = Math.max(recordedAt, c.lastRecordedMillis + MINUTE);
        c.lastRecordedMillis = recordedAt;
        // Setters, not the all-fields constructor: it changes with every field the contract adds.
        CaseEvent event = new CaseEvent();
        event.setEventId(Ids.eventId(c.number, ++c.events));
        event.setRevision(0);
        event.setType(type);
        event.setCaseId(c.id);
        event.setChildId(c.child.id);
        event.setAreaCode(c.area.code);
        event.setOccurredOn(days.date(day));
        event.setRecordedAt(Instant.ofEpochMilli(recordedAt));
        return event;
    }

    private void send(SimCase c, int day, CaseEvent event) {
        long key = ((long) c.serial << 16) | c.events;
        long late = faults.lateRecordedAt(key, day);
        if (late >= 0) {
            event.setRecordedAt(Instant.ofEpochMilli(late));
        }
        output.send(new SimulatedRecord.Good(event), event.getRecordedAt().toEpochMilli(), day);
        faults.follow(c, day, event, key);
    }
}
