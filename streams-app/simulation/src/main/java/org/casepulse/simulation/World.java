package org.casepulse.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.CheckType;
import org.casepulse.events.ClosureReason;
import org.casepulse.events.ConferenceOutcome;
import org.casepulse.events.ConferenceType;
import org.casepulse.events.EventType;
import org.casepulse.events.PlacementType;
import org.casepulse.events.PlanEndReason;
import org.casepulse.events.PlanType;
import org.casepulse.events.ReviewType;
import org.casepulse.events.VisitType;

/**
 * The simulated children's services, one day at a time: referrals arrive, and each open case takes
 * its next step when it falls due (allocation, assessment, enquiries and conferences, plans and
 * visits, care with its placements, reviews and checks, private fostering, closure). Workers are
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
    private static final int YEAR = 365;

    private final DayIndex days;
    /** The days before the history, for the opening caseload's earlier events; null when there are none. */
    private final DayIndex before;
    private final List<AreaProfile> areas;
    private final SplittableRandom random;
    private final Output output;
    private final FaultInjector faults;
    private final List<List<Task>> agenda;
    private final CourtWork court;
    private int cases;
    private int children;
    private int workers;
    /** Events of the opening caseload so far. */
    private long migrated;
    /** The first day of the 12 months before today: a referral on or after it is recent. */
    private int recentSince;

    World(DayIndex days, DayIndex before, List<AreaProfile> areas, SplittableRandom random, Output output,
          FaultInjector faults, SplittableRandom courtRandom) {
        this.court = new CourtWork(days, courtRandom, output);
        this.days = days;
        this.before = before;
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
        court.release(day);
        LocalDate date = days.date(day);
        recentSince = day - (int) (date.toEpochDay() - date.minusMonths(12).toEpochDay());
        for (AreaProfile area : areas) {
            area.referrals.age(recentSince);
        }
        double dayFactor = days.isWorking(day) ? 1
                : date.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0 ? Calibration.WEEKEND : Calibration.BANK_HOLIDAY;
        double season = Calibration.MONTH[date.getMonthValue() - 1];
        double years = day / 365.25;
        if (day == 0 && before != null) {
            for (AreaProfile area : areas) {
                openingCaseload(area);
            }
        }
        for (AreaProfile area : areas) {
            double expected = area.referralShare * dayFactor * season * Math.pow(1 + area.growth, years);
            court.expect(area, day, expected);
            for (int n = poisson(expected); n > 0; n--) {
                refer(area, day);
            }
            for (int n = poisson(expected * Calibration.EARLY_HELP); n > 0; n--) {
                referForEarlyHelp(area, day);
            }
        }
        List<Task> due = agenda.get(day);
        if (due != null) {
            // Steps may schedule more steps for the same day, appended to this list.
            for (int i = 0; i < due.size(); i++) {
                advance(due.get(i), day);
            }
            agenda.set(day, null);
        }
    }

    // ---- Referrals -------------------------------------------------------------------------------

    private void refer(AreaProfile area, int day) {
        Child child = pickChild(area, day, random.nextDouble() < Calibration.ASYLUM_SEEKING);
        String caseType = statutoryCaseType(child, days.epochDay(day));
        SimCase.Kind kind = "PRIVATE_FOSTERING".equals(caseType) ? SimCase.Kind.PRIVATE_FOSTERING : SimCase.Kind.STATUTORY;
        boolean assessed = kind == SimCase.Kind.PRIVATE_FOSTERING || child.unaccompaniedAsylumSeeking
                || random.nextDouble() < area.pAssessment;
        open(new SimCase(++cases, child, area, caseType, kind, day, assessed), day);
    }

    /**
     * An early-help (team around the family) case: re-referred, assessed and allocated as other
     * referrals are, so that the figures over every referral keep their levels.
     */
    private void referForEarlyHelp(AreaProfile area, int day) {
        Child child = pickChild(area, day, false);
        boolean assessed = random.nextDouble() < area.pAssessment;
        open(new SimCase(++cases, child, area, "EARLY_HELP", SimCase.Kind.EARLY_HELP, day, assessed), day);
    }

    /** A child referred again (within 12 months, or before), or new to the service. */
    private Child pickChild(AreaProfile area, int day, boolean asylumSeeking) {
        Child child = null;
        double u = random.nextDouble();
        if (u < area.pReReferral) {
            child = area.referrals.pickRecent(random, day);
        } else if (u < area.pReReferral + Calibration.OLD_RE_REFERRAL) {
            child = area.referrals.pickOlder(random, recentSince);
        }
        if (child == null) {
            child = newChild(day, asylumSeeking);
        }
        child.openCase = true;
        child.lastReferralDay = day;
        area.referrals.add(child, day);
        return child;
    }

    private void open(SimCase c, int day) {
        sendReferral(c, day);
        court.atReferral(c, day);
        if (!c.assessed && random.nextDouble() < Calibration.FRONT_DOOR_CLOSURE) {
            c.closureReason = c.kind == SimCase.Kind.EARLY_HELP && random.nextDouble() < 0.6
                    ? ClosureReason.STEPPED_DOWN_TO_UNIVERSAL : ClosureReason.NO_FURTHER_ACTION;
            schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, random.nextInt(3)));
        } else {
            schedule(c, SimCase.Step.ALLOCATE, days.addWorkingDays(day, allocationDelay(c.area)));
        }
    }

    private String statutoryCaseType(Child child, long today) {
        double u = random.nextDouble();
        if (child.unaccompaniedAsylumSeeking) {
            return "S17";
        }
        if (u < Calibration.S47) {
            return "S47";
        }
        u -= Calibration.S47;
        if (u < Calibration.S31) {
            return "S31";
        }
        u -= Calibration.S31;
        if (u < Calibration.PRIVATE_LAW) {
            return "PRIVATE_LAW";
        }
        u -= Calibration.PRIVATE_LAW;
        if (u < Calibration.PRIVATE_FOSTERING) {
            return "PRIVATE_FOSTERING";
        }
        u -= Calibration.PRIVATE_FOSTERING;
        // Babies and young children relinquished or needing a permanent home: an adoption case.
        double age = child.age(today);
        return u < Calibration.ADOPTION_UNDER_5 && age >= 0 && age < 5 ? "ADOPTION" : "S17";
    }

    /** A child first known on {@code day}: a date of birth as children in need are spread, or expected. */
    private Child newChild(int day, boolean asylumSeeking) {
        long today = days.epochDay(day);
        long bornOn;
        if (asylumSeeking) {
            bornOn = today - (long) ((14 + 3.9 * random.nextDouble()) * 365.25);
        } else if (random.nextDouble() < Calibration.UNBORN) {
            bornOn = today + 20 + random.nextInt(131);
        } else {
            double u = random.nextDouble();
            int band = 0;
            while (u >= Calibration.AGE_BANDS[band]) {
                band++;
            }
            double[] from = {0, 1, 5, 10, 16};
            double[] to = {1, 5, 10, 16, 18};
            double years = from[band] + (to[band] - from[band]) * random.nextDouble();
            bornOn = today - Math.max(7, Math.min((long) (years * 365.25), 18 * 365L - 10));
        }
        return new Child(Ids.childId(++children), bornOn, asylumSeeking);
    }

    private void sendReferral(SimCase c, int day) {
        CaseEvent referral = event(c, day, EventType.REFERRAL_RECEIVED);
        referral.setCaseType(c.caseType);
        referral.setChildDateOfBirth(LocalDate.ofEpochDay(c.child.bornOn));
        if (c.child.bornOn > days.epochDay(day)) {
            referral.setChildUnborn(true);
            c.birthToRecord = true;
        }
        if (c.child.unaccompaniedAsylumSeeking) {
            referral.setUnaccompaniedAsylumSeeking(true);
        }
        send(c, day, referral);
    }

    // ---- The main line ---------------------------------------------------------------------------

    private void advance(Task task, int day) {
        SimCase c = task.c();
        switch (task.step()) {
            case ALLOCATE, START_ASSESSMENT, COMPLETE_ASSESSMENT, DECIDE, ESCALATE, START_PLAN, VISIT, END_PLAN,
                    END_ARRANGEMENT, CLOSE -> {
                if (task.generation() == c.mainLine) {
                    advanceMainLine(c, task.step(), day);
                }
            }
            case COMPLETE_ENQUIRY -> completeEnquiry(c, day);
            case INITIAL_CONFERENCE -> initialConference(c, day);
            case RECORD_ASSESSMENT_COMPLETION -> recordAssessmentCompletion(c, day);
            case CP_REVIEW -> reviewConference(c, day, task.generation());
            case CLA_REVIEW -> careReview(c, day, task.generation());
            case MOVE_PLACEMENT -> movePlacement(c, day, task.generation());
            case HEALTH_CHECK, DENTAL_CHECK, EDUCATION_PLAN -> check(c, day, task.step(), task.generation());
            case ADOPTION_DECISION -> adoptionDecision(c, day, task.generation());
            case PLACE_FOR_ADOPTION -> placeForAdoption(c, day, task.generation());
            case ARRANGEMENT_VISIT -> arrangementVisit(c, day);
        }
    }

    private void advanceMainLine(SimCase c, SimCase.Step step, int day) {
        switch (step) {
            case ALLOCATE -> allocate(c, day);
            case START_ASSESSMENT -> startAssessment(c, day, assessmentTypeOf(c));
            case COMPLETE_ASSESSMENT -> completeAssessment(c, day);
            case DECIDE -> decide(c, day);
            case ESCALATE -> {
                c.waitingForEnquiry = true;
                startEnquiry(c, day, true);
            }
            case START_PLAN -> startPlan(c, day);
            case VISIT -> visit(c, day);
            case END_PLAN -> endPlan(c, day);
            case END_ARRANGEMENT -> endArrangement(c, day);
            case CLOSE -> close(c, day);
            default -> throw new IllegalStateException("not a main-line step: " + step);
        }
    }

    private void allocate(SimCase c, int day) {
        allocateTo(c, day, pickWorker(c.area, null));
        switch (c.kind) {
            case PRIVATE_FOSTERING -> {
                c.arrangementId = Ids.arrangementId(c.number);
                c.arrangementOpen = true;
                c.arrangementStartDay = day;
                // Arrangements last months or years: from 2 months, a third over a year.
                c.arrangementEndDay = days.workingDayFrom(day + 60L + (long) Math.min(1200, -Math.log(1 - random.nextDouble()) * 280));
                CaseEvent started = event(c, day, EventType.PRIVATE_FOSTERING_ARRANGEMENT_STARTED);
                started.setArrangementId(c.arrangementId);
                send(c, day, started);
                startAssessment(c, day, AssessmentType.PRIVATE_FOSTERING);
                int firstVisit = random.nextDouble() < Calibration.PF_VISIT_IN_TIME ? 1 + random.nextInt(7) : 8 + random.nextInt(8);
                track(c, SimCase.Step.ARRANGEMENT_VISIT, days.addWorkingDays(day, firstVisit), 0);
            }
            case EARLY_HELP -> {
                if (c.assessed) {
                    schedule(c, SimCase.Step.START_ASSESSMENT,
                            days.addWorkingDays(day, ASSESSMENT_START_DELAY[random.nextInt(ASSESSMENT_START_DELAY.length)]));
                } else {
                    // Signposted: to universal services, or no further action.
                    c.closureReason = random.nextDouble() < 0.6 ? ClosureReason.STEPPED_DOWN_TO_UNIVERSAL
                            : ClosureReason.NO_FURTHER_ACTION;
                    schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, random.nextInt(9)));
                }
            }
            case STATUTORY -> {
                if ("S47".equals(c.caseType)) {
                    // The strategy discussion and the enquiry start with the allocation; the assessment beside them.
                    startEnquiry(c, day, false);
                    if (c.assessed) {
                        startAssessment(c, day, assessmentTypeOf(c));
                    } else {
                        c.waitingForEnquiry = true;
                    }
                } else if (c.assessed) {
                    int delay = ASSESSMENT_START_DELAY[random.nextInt(ASSESSMENT_START_DELAY.length)];
                    schedule(c, SimCase.Step.START_ASSESSMENT, days.addWorkingDays(day, delay));
                } else {
                    c.closureReason = random.nextDouble() < 0.7 ? ClosureReason.NO_FURTHER_ACTION
                            : ClosureReason.STEPPED_DOWN_TO_EARLY_HELP;
                    schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, random.nextInt(9)));
                }
            }
        }
    }

    private AssessmentType assessmentTypeOf(SimCase c) {
        return c.kind == SimCase.Kind.EARLY_HELP ? AssessmentType.EARLY_HELP
                : c.area.framework == AssessmentFramework.INITIAL_CORE ? AssessmentType.INITIAL : AssessmentType.SINGLE;
    }

    private void startAssessment(SimCase c, int day, AssessmentType type) {
        c.assessmentId = Ids.assessmentId(c.number, ++c.assessments);
        c.assessmentType = type;
        CaseEvent started = event(c, day, EventType.ASSESSMENT_STARTED);
        started.setAssessmentId(c.assessmentId);
        if (type != AssessmentType.SINGLE) {
            started.setAssessmentType(type); // absent means SINGLE: today's records stay as they were
        }
        send(c, day, started);
        c.assessmentDueDay = assessmentCompletionDay(c, day, type);
        schedule(c, SimCase.Step.COMPLETE_ASSESSMENT, c.assessmentDueDay);
    }

    private int assessmentCompletionDay(SimCase c, int day, AssessmentType type) {
        switch (type) {
            case INITIAL -> {
                int earliest = Math.max(days.workingDaysBetween(c.referralDay, day) + 1, 3);
                int total = random.nextDouble() < Calibration.INITIAL_WITHIN_10 && earliest <= 10
                        ? earliest + random.nextInt(11 - earliest) : Math.max(11, earliest) + random.nextInt(15);
                return days.addWorkingDays(c.referralDay, total);
            }
            case CORE -> {
                // Timed from the referral, as the county counted it (within 45 working days); at least 10 from its start.
                int earliest = days.workingDaysBetween(c.referralDay, day) + 10;
                int total = random.nextDouble() < Calibration.CORE_WITHIN_45 && earliest <= 45
                        ? earliest + random.nextInt(46 - earliest) : Math.max(46, earliest) + random.nextInt(25);
                return days.addWorkingDays(c.referralDay, total);
            }
            case PRIVATE_FOSTERING -> {
                int earliest = days.workingDaysBetween(c.arrangementStartDay, day) + 5;
                int total = random.nextDouble() < Calibration.PF_ASSESSMENT_IN_TIME && earliest <= 42
                        ? earliest + random.nextInt(43 - earliest) : Math.max(43, earliest) + random.nextInt(28);
                return days.addWorkingDays(c.arrangementStartDay, total);
            }
            default -> {
                // Working days from referral to completion: within 45 for most, later for the rest.
                int earliest = Math.max(days.workingDaysBetween(c.referralDay, day) + 3, 10);
                int total = random.nextDouble() < c.area.pAssessmentWithin45 && earliest <= 45
                        ? earliest + random.nextInt(46 - earliest)
                        : Math.max(46, earliest) + random.nextInt(40);
                return days.addWorkingDays(c.referralDay, total);
            }
        }
    }

    private void completeAssessment(SimCase c, int day) {
        sendAssessmentCompletion(c, day);
        switch (c.kind) {
            case EARLY_HELP -> {
                double u = random.nextDouble();
                c.closureReason = u < Calibration.EARLY_HELP_OUTCOMES ? ClosureReason.OUTCOMES_ACHIEVED
                        : u < Calibration.EARLY_HELP_OUTCOMES + Calibration.EARLY_HELP_UNIVERSAL
                        ? ClosureReason.STEPPED_DOWN_TO_UNIVERSAL
                        : u < 0.72 ? ClosureReason.DISENGAGED
                        : u < 0.84 ? ClosureReason.STEPPED_UP_TO_STATUTORY : ClosureReason.OTHER;
                schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, 40 + random.nextInt(140)));
            }
            case PRIVATE_FOSTERING -> schedule(c, SimCase.Step.END_ARRANGEMENT,
                    c.arrangementEndDay > day ? c.arrangementEndDay : days.addWorkingDays(day, 1));
            case STATUTORY -> {
                if (c.assessmentType == AssessmentType.INITIAL && random.nextDouble() < Calibration.CORE_AFTER_INITIAL) {
                    startAssessment(c, day, AssessmentType.CORE);
                } else if (c.enquiryOpen) {
                    c.waitingForEnquiry = true;
                } else {
                    decide(c, day);
                }
            }
        }
    }

    private void sendAssessmentCompletion(SimCase c, int day) {
        CaseEvent completed = event(c, day, EventType.ASSESSMENT_COMPLETED);
        completed.setAssessmentId(c.assessmentId);
        if (c.assessmentType != AssessmentType.SINGLE) {
            completed.setAssessmentType(c.assessmentType);
        }
        completed.setChildSeen(!unborn(c, day) && random.nextDouble() < c.area.pChildSeen);
        send(c, day, completed);
        c.assessmentDueDay = -1;
    }

    /** What follows a statutory assessment, once any enquiry beside it has concluded. */
    private void decide(SimCase c, int day) {
        if (!c.assessed) {
            c.closureReason = ClosureReason.NO_FURTHER_ACTION;
            schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, 1 + random.nextInt(5)));
            return;
        }
        // A case that had its enquiry has had its chance of a conference; others may still need one.
        double pEscalation = c.conferences > 0 || c.enquiryId != null ? 0
                : c.child.hadChildProtectionPlan ? Calibration.CP_AFTER_EARLIER_CP : Calibration.CP_AFTER_S17;
        double pCare = unborn(c, day) ? 0
                : c.child.unaccompaniedAsylumSeeking ? Calibration.CLA_ASYLUM_SEEKING
                : "S31".equals(c.caseType) ? Calibration.CLA_AFTER_S31
                : "ADOPTION".equals(c.caseType) ? Calibration.CLA_AFTER_ADOPTION_REFERRAL : Calibration.CLA_AFTER_ASSESSMENT;
        double u = random.nextDouble();
        if (u < pEscalation) {
            schedule(c, SimCase.Step.ESCALATE, days.addWorkingDays(day, random.nextInt(3)));
        } else if (u < pEscalation + pCare) {
            c.planType = PlanType.CLA;
            schedule(c, SimCase.Step.START_PLAN, days.addWorkingDays(day, random.nextInt(11)));
        } else if (u < pEscalation + pCare + Calibration.CIN) {
            c.planType = PlanType.CIN;
            schedule(c, SimCase.Step.START_PLAN, days.addWorkingDays(day, random.nextInt(9)));
        } else {
            double v = random.nextDouble();
            c.closureReason = v < 0.35 ? ClosureReason.NO_FURTHER_ACTION
                    : v < 0.7 ? ClosureReason.STEPPED_DOWN_TO_EARLY_HELP
                    : v < 0.9 ? ClosureReason.STEPPED_DOWN_TO_UNIVERSAL : ClosureReason.OTHER;
            schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, 1 + random.nextInt(10)));
        }
    }

    // ---- Section 47 enquiries and initial conferences --------------------------------------------

    /** A strategy discussion, and the section 47 enquiry it starts the same day. */
    private void startEnquiry(SimCase c, int day, boolean escalated) {
        send(c, day, event(c, day, EventType.STRATEGY_DISCUSSION_HELD));
        c.enquiryId = Ids.assessmentId(c.number, ++c.assessments);
        c.enquiryStartDay = day;
        c.enquiryOpen = true;
        CaseEvent started = event(c, day, EventType.ASSESSMENT_STARTED);
        started.setAssessmentId(c.enquiryId);
        started.setAssessmentType(AssessmentType.S47_ENQUIRY);
        send(c, day, started);
        c.enquiryEscalated = escalated;
        track(c, SimCase.Step.COMPLETE_ENQUIRY, days.addWorkingDays(day, 3 + random.nextInt(13)), 0);
    }

    private void completeEnquiry(SimCase c, int day) {
        CaseEvent completed = event(c, day, EventType.ASSESSMENT_COMPLETED);
        completed.setAssessmentId(c.enquiryId);
        completed.setAssessmentType(AssessmentType.S47_ENQUIRY);
        completed.setChildSeen(!unborn(c, day) && random.nextDouble() < Calibration.CHILD_SEEN_AT_ENQUIRY);
        send(c, day, completed);
        double pConference = c.enquiryEscalated ? Calibration.CONFERENCE_AFTER_ESCALATION
                : c.child.hadChildProtectionPlan ? Calibration.CP_AFTER_EARLIER_CP : Calibration.CONFERENCE_AFTER_S47;
        if (random.nextDouble() < pConference) {
            int sinceStart = days.workingDaysBetween(c.enquiryStartDay, day);
            int within = random.nextDouble() < Calibration.CONFERENCE_WITHIN_15 && sinceStart < 15
                    ? sinceStart + 1 + random.nextInt(15 - sinceStart)
                    : Math.max(16, sinceStart + 1) + random.nextInt(15);
            track(c, SimCase.Step.INITIAL_CONFERENCE, days.addWorkingDays(c.enquiryStartDay, within), 0);
        } else {
            enquiryConcluded(c, day, false);
        }
    }

    private void initialConference(SimCase c, int day) {
        boolean plan = random.nextDouble() < Calibration.CONFERENCE_PLAN;
        sendConference(c, day, ConferenceType.INITIAL, plan ? ConferenceOutcome.PLAN : ConferenceOutcome.NO_PLAN);
        enquiryConcluded(c, day, plan);
    }

    /** The enquiry's outcome takes over the main line: a plan starts on the conference's day. */
    private void enquiryConcluded(SimCase c, int day, boolean plan) {
        c.enquiryOpen = false;
        if (plan) {
            if (c.assessmentDueDay >= 0) {
                // The assessment carries on beside the plan: its completion is only recorded.
                c.mainLine++;
                track(c, SimCase.Step.RECORD_ASSESSMENT_COMPLETION, c.assessmentDueDay, 0);
            }
            c.waitingForEnquiry = false;
            c.planType = PlanType.CP;
            schedule(c, SimCase.Step.START_PLAN, day);
        } else if (c.waitingForEnquiry) {
            c.waitingForEnquiry = false;
            schedule(c, SimCase.Step.DECIDE, day);
        }
    }

    private void recordAssessmentCompletion(SimCase c, int day) {
        if (c.assessmentDueDay >= 0 && !c.closed()) {
            sendAssessmentCompletion(c, day);
        }
    }

    private void sendConference(SimCase c, int day, ConferenceType type, ConferenceOutcome outcome) {
        CaseEvent conference = event(c, day, EventType.CONFERENCE_HELD);
        conference.setConferenceType(type);
        conference.setConferenceOutcome(outcome);
        conference.setConferenceId(Ids.conferenceId(c.number, ++c.conferences));
        send(c, day, conference);
    }

    // ---- Plans -------------------------------------------------------------------------------------

    private void startPlan(SimCase c, int day) {
        if (random.nextDouble() < Calibration.TRANSFER && !c.area.siblings.isEmpty()) {
            c.area = c.area.siblings.get(random.nextInt(c.area.siblings.size()));
            allocateTo(c, day, pickWorker(c.area, null));
        }
        c.planId = Ids.planId(c.number, ++c.plans);
        c.planOpen = true;
        c.planStartDay = day;
        CaseEvent started = event(c, day, EventType.PLAN_STARTED);
        started.setPlanId(c.planId);
        started.setPlanType(c.planType);
        send(c, day, started);
        if (c.planType == PlanType.CLA) {
            startCare(c, day);
        } else {
            c.planEndDay = days.addWorkingDays(day, planDuration(c.planType));
            c.planEndReason = PlanEndReason.OBJECTIVES_MET;
        }
        if (c.planType == PlanType.CP) {
            c.child.hadChildProtectionPlan = true;
            trackReview(c, SimCase.Step.CP_REVIEW, day, 3, Calibration.REVIEW_CONFERENCE_IN_TIME);
        }
        scheduleVisitOrEnd(c, day);
    }

    private void visit(SimCase c, int day) {
        if (random.nextDouble() < Calibration.REALLOCATION) {
            allocateTo(c, day, pickWorker(c.area, c.worker));
        }
        CaseEvent visit = event(c, day, EventType.VISIT_RECORDED);
        visit.setChildSeen(random.nextDouble() < 0.97);
        if (c.planType == PlanType.CLA) {
            visit.setVisitType(VisitType.CLA);
        }
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
        PlanType type = c.planType;
        double u = random.nextDouble();
        boolean repeat = type == PlanType.CP && u < Calibration.REPEAT_CP_IN_CASE;
        boolean stepDown = type == PlanType.CP && !repeat && u < Calibration.REPEAT_CP_IN_CASE + Calibration.STEP_DOWN_TO_CIN;
        boolean intoCare = type == PlanType.CP && !repeat && !stepDown
                && u < Calibration.REPEAT_CP_IN_CASE + Calibration.STEP_DOWN_TO_CIN + Calibration.BECAME_LOOKED_AFTER;
        if (type == PlanType.CP) {
            // The review conference that ends the plan.
            sendConference(c, day, ConferenceType.REVIEW, ConferenceOutcome.NO_PLAN);
        }
        if (type == PlanType.CLA) {
            endPlacement(c, day);
        }
        CaseEvent ended = event(c, day, EventType.PLAN_ENDED);
        ended.setPlanId(c.planId);
        ended.setPlanType(type);
        ended.setPlanEndReason(intoCare ? PlanEndReason.BECAME_LOOKED_AFTER : c.planEndReason);
        send(c, day, ended);
        c.planOpen = false;
        if (repeat) {
            schedule(c, SimCase.Step.ESCALATE, days.addWorkingDays(day, 10 + random.nextInt(50)));
        } else if (stepDown) {
            c.planType = PlanType.CIN;
            schedule(c, SimCase.Step.START_PLAN, day);
        } else if (intoCare) {
            c.planType = PlanType.CLA;
            schedule(c, SimCase.Step.START_PLAN, day);
        } else if (type == PlanType.CLA && c.planEndReason == PlanEndReason.RETURNED_HOME && random.nextDouble() < 0.35) {
            c.planType = PlanType.CIN;
            schedule(c, SimCase.Step.START_PLAN, day);
        } else {
            c.closureReason = closureAfter(type, c.planEndReason);
            schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, random.nextInt(16)));
        }
    }

    private ClosureReason closureAfter(PlanType type, PlanEndReason reason) {
        if (type == PlanType.CLA) {
            return switch (reason) {
                case ADOPTION -> ClosureReason.ADOPTED;
                case CHILD_ARRANGEMENTS_ORDER -> ClosureReason.CHILD_ARRANGEMENTS_ORDER;
                case AGED_18 -> ClosureReason.TRANSFERRED_TO_ADULT_SERVICES;
                case SPECIAL_GUARDIANSHIP, RETURNED_HOME -> ClosureReason.OUTCOMES_ACHIEVED;
                default -> ClosureReason.OTHER;
            };
        }
        double u = random.nextDouble();
        return u < 0.55 ? ClosureReason.OUTCOMES_ACHIEVED
                : u < 0.8 ? ClosureReason.STEPPED_DOWN_TO_EARLY_HELP
                : u < 0.85 ? ClosureReason.TRANSFERRED_OUT
                : u < 0.9 ? ClosureReason.DISENGAGED : ClosureReason.OTHER;
    }

    /**
     * A review (conference) track: the first due {@code firstMonths} after the plan's start (or 20
     * working days when 0), the second 3 months after the first (care) or 6 (protection), then every
     * 6 months; most held a little before they fall due, the rest late.
     */
    private void trackReview(SimCase c, SimCase.Step step, int from, int firstMonths, double inTime) {
        int due = firstMonths == 0 ? days.addWorkingDays(from, 20) : plusMonths(from, firstMonths);
        int held = heldAround(due, inTime, 10);
        if (held < c.planEndDay) {
            track(c, step, held, c.plans);
        }
    }

    private void reviewConference(SimCase c, int day, int plan) {
        if (!planCurrent(c, plan, PlanType.CP)) {
            return;
        }
        sendConference(c, day, ConferenceType.REVIEW, ConferenceOutcome.PLAN);
        trackReview(c, SimCase.Step.CP_REVIEW, day, 6, Calibration.REVIEW_CONFERENCE_IN_TIME);
    }

    // ---- Children in care ------------------------------------------------------------------------

    /** A period of care: how it ends and when, its first placement, and what is due while it lasts. */
    private void startCare(SimCase c, int day) {
        long today = days.epochDay(day);
        double age = c.child.age(today);
        long eighteen = LocalDate.ofEpochDay(c.child.bornOn).plusYears(18).toEpochDay();
        long end;
        PlanEndReason reason;
        c.adoptionDecisionDay = -1;
        c.placedForAdoptionDay = -1;
        c.placedForAdoption = false;
        double u = random.nextDouble();
        if (c.child.unaccompaniedAsylumSeeking) {
            reason = PlanEndReason.AGED_18;
            end = eighteen;
        } else if (age < 5) {
            double[] outcome = Calibration.CARE_OUTCOME_UNDER_5;
            if (u < outcome[0]) {
                reason = PlanEndReason.ADOPTION;
                int decision = day + 60 + random.nextInt(240);
                int placed = decision + (random.nextDouble() < Calibration.PLACED_WITHIN_12_MONTHS_OF_DECISION
                        ? 30 + random.nextInt(330) : 366 + random.nextInt(240));
                c.adoptionDecisionDay = days.workingDayFrom(decision);
                c.placedForAdoptionDay = days.workingDayFrom(placed);
                end = days.epochDay(0) + placed + 70 + random.nextInt(210);
            } else if (u < outcome[1]) {
                reason = PlanEndReason.SPECIAL_GUARDIANSHIP;
                end = today + 180 + random.nextInt(540);
            } else if (u < outcome[2]) {
                reason = PlanEndReason.RETURNED_HOME;
                end = today + returnHomeDays();
            } else {
                reason = PlanEndReason.OTHER;
                end = eighteen;
            }
        } else if (age < 16) {
            double[] outcome = Calibration.CARE_OUTCOME_5_TO_15;
            reason = u < outcome[0] ? PlanEndReason.SPECIAL_GUARDIANSHIP
                    : u < outcome[1] ? PlanEndReason.RETURNED_HOME
                    : u < outcome[2] ? PlanEndReason.CHILD_ARRANGEMENTS_ORDER : PlanEndReason.AGED_18;
            end = switch (reason) {
                case SPECIAL_GUARDIANSHIP -> today + 180 + random.nextInt(540);
                case RETURNED_HOME -> today + returnHomeDays();
                case CHILD_ARRANGEMENTS_ORDER -> today + 120 + random.nextInt(420);
                default -> eighteen;
            };
        } else {
            reason = u < 0.3 ? PlanEndReason.RETURNED_HOME : PlanEndReason.AGED_18;
            end = reason == PlanEndReason.RETURNED_HOME ? today + returnHomeDays() : eighteen;
        }
        if (end >= eighteen) {
            end = eighteen;
            reason = PlanEndReason.AGED_18;
            c.adoptionDecisionDay = -1;
            c.placedForAdoptionDay = -1;
        }
        c.planEndReason = reason;
        long endDay = days.dayOfEpochDay(end);
        c.planEndDay = Math.max(days.addWorkingDays(day, 5), days.workingDayFrom(endDay));
        c.stablePlacements = random.nextDouble() < Calibration.STABLE_PLACEMENTS;
        c.careReviews = 0;
        startPlacement(c, day, null);
        trackReview(c, SimCase.Step.CLA_REVIEW, day, 0, Calibration.CLA_REVIEW_IN_TIME);
        track(c, SimCase.Step.HEALTH_CHECK, days.addWorkingDays(day, 5 + random.nextInt(16)), c.plans);
        track(c, SimCase.Step.DENTAL_CHECK, days.workingDayFrom(day + 20L + random.nextInt(90)), c.plans);
        track(c, SimCase.Step.EDUCATION_PLAN, days.addWorkingDays(day, 5 + random.nextInt(16)), c.plans);
        if (c.adoptionDecisionDay >= 0 && c.adoptionDecisionDay < c.planEndDay) {
            track(c, SimCase.Step.ADOPTION_DECISION, c.adoptionDecisionDay, c.plans);
        }
    }

    private int returnHomeDays() {
        return 20 + Math.min(900, (int) (-Math.log(1 - random.nextDouble()) * 160));
    }

    /** A placement from today: of {@code type}, or one drawn by age; and, unless it is for good, its move. */
    private void startPlacement(SimCase c, int day, PlacementType type) {
        c.placementId = Ids.placementId(c.number, ++c.placements);
        PlacementType placement = type != null ? type : placementType(c.child.age(days.epochDay(day)));
        CaseEvent started = event(c, day, EventType.PLACEMENT_STARTED);
        fillPlacement(started, c, placement);
        send(c, day, started);
        if (placement == PlacementType.ADOPTION) {
            return;
        }
        double lasts = c.stablePlacements
                ? (c.placements == 1 && random.nextDouble() < 0.3 ? 14 + random.nextInt(107) : Double.MAX_VALUE)
                : 7 - Math.log(1 - random.nextDouble()) * Calibration.UNSTABLE_PLACEMENT_DAYS;
        if (lasts < days.days()) {
            int move = days.workingDayFrom(day + (long) lasts);
            if (move < c.planEndDay && (c.placedForAdoptionDay < 0 || move < c.placedForAdoptionDay)) {
                track(c, SimCase.Step.MOVE_PLACEMENT, move, c.placements);
            }
        }
    }

    /** The placement's id, type and, unless it is for adoption, its distance from home and whether it is out of area. */
    private void fillPlacement(CaseEvent started, SimCase c, PlacementType placement) {
        started.setPlacementId(c.placementId);
        started.setPlacementType(placement);
        if (placement != PlacementType.ADOPTION) {
            double miles = placement == PlacementType.PARENTS ? 0
                    : random.nextDouble() < Calibration.FOSTERED_WITHIN_10_MILES ? 0.5 + 9.5 * random.nextDouble()
                    : 10.1 + Math.min(150, -Math.log(1 - random.nextDouble()) * 25);
            miles = Math.round(miles * 10) / 10.0;
            started.setDistanceFromHomeMiles(miles);
            started.setOutOfArea(miles > 20 ? random.nextDouble() < 0.8 : random.nextDouble() < 0.05);
        }
    }

    private PlacementType placementType(double age) {
        double u = random.nextDouble();
        if (age >= 16) {
            return u < 0.52 ? PlacementType.FOSTER_CARE : u < 0.62 ? PlacementType.FOSTER_CARE_CONNECTED
                    : u < 0.8 ? PlacementType.INDEPENDENT_LIVING : u < 0.93 ? PlacementType.CHILDRENS_HOME
                    : PlacementType.OTHER;
        }
        return u < 0.62 ? PlacementType.FOSTER_CARE : u < 0.79 ? PlacementType.FOSTER_CARE_CONNECTED
                : u < 0.88 ? PlacementType.CHILDRENS_HOME : u < 0.93 ? PlacementType.PARENTS
                : u < 0.95 ? PlacementType.RESIDENTIAL_SCHOOL : u < 0.96 ? PlacementType.SECURE_UNIT
                : u < 0.97 ? PlacementType.HEALTH_SETTING : PlacementType.OTHER;
    }

    private void movePlacement(SimCase c, int day, int placement) {
        if (!c.planOpen || c.planType != PlanType.CLA || c.placements != placement || c.placedForAdoption) {
            return;
        }
        endPlacement(c, day);
        startPlacement(c, day, null);
    }

    private void endPlacement(SimCase c, int day) {
        if (c.placementId == null) {
            return;
        }
        CaseEvent ended = event(c, day, EventType.PLACEMENT_ENDED);
        ended.setPlacementId(c.placementId);
        send(c, day, ended);
        c.placementId = null;
    }

    private void careReview(SimCase c, int day, int plan) {
        if (!planCurrent(c, plan, PlanType.CLA)) {
            return;
        }
        CaseEvent review = event(c, day, EventType.REVIEW_HELD);
        review.setReviewType(ReviewType.CLA_REVIEW);
        review.setChildParticipated(random.nextDouble() < Calibration.CLA_REVIEW_PARTICIPATION);
        send(c, day, review);
        // The second review within 3 months of the first, the others within 6.
        trackReview(c, SimCase.Step.CLA_REVIEW, day, ++c.careReviews == 1 ? 3 : 6, Calibration.CLA_REVIEW_IN_TIME);
    }

    /**
     * Health assessments (every 6 months under 5, else 12), dental checks (12) and personal
     * education plans (6, from 5 to 16): most a little before they fall due, some weeks late.
     */
    private void check(SimCase c, int day, SimCase.Step step, int plan) {
        if (!planCurrent(c, plan, PlanType.CLA)) {
            return;
        }
        double age = c.child.age(days.epochDay(day));
        CheckType type = step == SimCase.Step.HEALTH_CHECK ? CheckType.HEALTH_ASSESSMENT
                : step == SimCase.Step.DENTAL_CHECK ? CheckType.DENTAL_CHECK : CheckType.PERSONAL_EDUCATION_PLAN;
        if (type != CheckType.PERSONAL_EDUCATION_PLAN || (age >= 5 && age < 17)) {
            CaseEvent check = event(c, day, EventType.CHILD_CHECK_RECORDED);
            check.setCheckType(type);
            send(c, day, check);
        }
        int months = type == CheckType.DENTAL_CHECK || (type == CheckType.HEALTH_ASSESSMENT && age >= 5) ? 12 : 6;
        double inTime = type == CheckType.PERSONAL_EDUCATION_PLAN ? Calibration.EDUCATION_PLAN_IN_TIME
                : Calibration.CHECK_IN_TIME;
        int next = heldAround(plusMonths(day, months), inTime, 20);
        if (next < c.planEndDay) {
            track(c, step, next, plan);
        }
    }

    private void adoptionDecision(SimCase c, int day, int plan) {
        if (!planCurrent(c, plan, PlanType.CLA)) {
            return;
        }
        send(c, day, event(c, day, EventType.ADOPTION_DECISION_MADE));
        if (c.placedForAdoptionDay > day && c.placedForAdoptionDay < c.planEndDay) {
            track(c, SimCase.Step.PLACE_FOR_ADOPTION, c.placedForAdoptionDay, plan);
        }
    }

    private void placeForAdoption(SimCase c, int day, int plan) {
        if (!planCurrent(c, plan, PlanType.CLA)) {
            return;
        }
        endPlacement(c, day);
        send(c, day, event(c, day, EventType.PLACED_FOR_ADOPTION));
        c.placedForAdoption = true;
        startPlacement(c, day, PlacementType.ADOPTION);
    }

    private boolean planCurrent(SimCase c, int plan, PlanType type) {
        return c.planOpen && c.plans == plan && c.planType == type;
    }

    // ---- Private fostering -------------------------------------------------------------------------

    /** Visits: the first within 7 working days of the start, then every 6 weeks in the first year, 12 after. */
    private void arrangementVisit(SimCase c, int day) {
        if (!c.arrangementOpen) {
            return;
        }
        CaseEvent visit = event(c, day, EventType.VISIT_RECORDED);
        visit.setVisitType(VisitType.PRIVATE_FOSTERING);
        visit.setChildSeen(random.nextDouble() < 0.97);
        send(c, day, visit);
        long firstYearEnds = days.epochDay(c.arrangementStartDay) + YEAR;
        int interval = days.epochDay(day) + 42 < firstYearEnds ? 42 : 84;
        // In time: a working day before the interval is up (a weekend never pushes it over).
        long next = random.nextDouble() < Calibration.PF_VISIT_IN_TIME
                ? day + interval - 5 - random.nextInt(10) : day + interval + 1 + random.nextInt(30);
        int visitDay = days.workingDayFrom(next);
        if (visitDay < c.arrangementEndDay) {
            track(c, SimCase.Step.ARRANGEMENT_VISIT, visitDay, 0);
        }
    }

    private void endArrangement(SimCase c, int day) {
        CaseEvent ended = event(c, day, EventType.PRIVATE_FOSTERING_ARRANGEMENT_ENDED);
        ended.setArrangementId(c.arrangementId);
        send(c, day, ended);
        c.arrangementOpen = false;
        c.closureReason = random.nextDouble() < 0.8 ? ClosureReason.OUTCOMES_ACHIEVED : ClosureReason.OTHER;
        schedule(c, SimCase.Step.CLOSE, days.addWorkingDays(day, random.nextInt(6)));
    }

    // ---- The opening caseload ----------------------------------------------------------------------

    /**
     * The children already in care and on child protection plans when the history starts, as a CMS
     * that goes live migrates its open cases: their earlier events (referral, allocation, plan,
     * placements, the latest review, checks and visit) dated before the history, recorded on its
     * first day. Without them a new history holds no child in care for years, and the rows about
     * long periods (stability over 2 years, plans open 18 months, adoptions) stay empty for years.
     */
    private void openingCaseload(AreaProfile area) {
        double referralsAYear = area.referralShare * 255;
        for (int n = poisson(referralsAYear * OpeningCaseload.IN_CARE); n > 0; n--) {
            openInCare(area);
        }
        for (int n = poisson(referralsAYear * OpeningCaseload.ON_PROTECTION_PLAN); n > 0; n--) {
            openOnProtectionPlan(area);
        }
    }

    private void openInCare(AreaProfile area) {
        long today = days.epochDay(0);
        boolean asylumSeeking = random.nextDouble() < OpeningCaseload.ASYLUM_SEEKING;
        double age = asylumSeeking ? 16 + 1.9 * random.nextDouble() : OpeningCaseload.ageInCare(random);
        Child child = new Child(Ids.childId(++children), today - (long) (age * 365.25), asylumSeeking);
        // Referred after the birth (the referral comes up to 60 days before the plan).
        long inCare = Math.min((long) (age * 365.25) - 75,
                30 + (long) (-Math.log(1 - random.nextDouble()) * OpeningCaseload.MEAN_DAYS_IN_CARE));
        long planStart = pastWorkingDay(today - inCare);
        if (planStart < 0) {
            return; // before the calendar
        }
        SimCase c = openCase(area, child, random.nextDouble() < 0.15 ? "S31" : "S17", planStart - 10 - random.nextInt(50));
        if (c == null) {
            return;
        }
        c.planType = PlanType.CLA;
        startPastPlan(c, planStart);
        // How it ends: as a period that started at its age, from now on.
        double ageAtEntry = child.age(planStart);
        long eighteen = LocalDate.ofEpochDay(child.bornOn).plusYears(18).toEpochDay();
        double u = random.nextDouble();
        long end;
        long placedForAdoption = -1;
        if (asylumSeeking) {
            c.planEndReason = PlanEndReason.AGED_18;
            end = eighteen;
        } else if (ageAtEntry < 5 && u < OpeningCaseload.ADOPTION) {
            c.planEndReason = PlanEndReason.ADOPTION;
            long decision = planStart + 60 + random.nextInt(240);
            placedForAdoption = decision + 30 + random.nextInt(400);
            end = Math.max(today + 20 + random.nextInt(60), placedForAdoption + 70 + random.nextInt(210));
            if (decision < today) {
                sendPast(c, pastWorkingDay(decision), EventType.ADOPTION_DECISION_MADE);
            } else {
                c.adoptionDecisionDay = days.workingDayFrom(decision - today);
            }
            if (placedForAdoption >= today) {
                c.placedForAdoptionDay = days.workingDayFrom(placedForAdoption - today);
            }
        } else if ((u = random.nextDouble()) < 0.05) {
            c.planEndReason = PlanEndReason.SPECIAL_GUARDIANSHIP;
            end = today + 30 + random.nextInt(500);
        } else if (u < 0.37) {
            c.planEndReason = PlanEndReason.RETURNED_HOME;
            end = today + returnHomeDays();
        } else if (u < 0.42) {
            c.planEndReason = PlanEndReason.CHILD_ARRANGEMENTS_ORDER;
            end = today + 30 + random.nextInt(400);
        } else {
            c.planEndReason = PlanEndReason.AGED_18;
            end = eighteen;
        }
        if (end >= eighteen) {
            end = eighteen;
            c.planEndReason = PlanEndReason.AGED_18;
            c.adoptionDecisionDay = -1;
            c.placedForAdoptionDay = -1;
            placedForAdoption = -1;
        }
        c.planEndDay = Math.max(days.addWorkingDays(0, 5), days.workingDayFrom(end - today));
        // Placements: stable ones since the start (some after a first short one), the others moving.
        c.stablePlacements = random.nextDouble() < Calibration.STABLE_PLACEMENTS;
        List<Long> starts = new ArrayList<>();
        starts.add(planStart);
        if (c.stablePlacements) {
            if (random.nextDouble() < 0.3 && inCare > 150) {
                starts.add(pastWorkingDay(planStart + 14 + random.nextInt(107)));
            }
        } else {
            long back = today;
            List<Long> recent = new ArrayList<>();
            while (true) {
                back -= 7 + (long) (-Math.log(1 - random.nextDouble()) * Calibration.UNSTABLE_PLACEMENT_DAYS);
                if (back <= planStart) {
                    break;
                }
                recent.add(0, pastWorkingDay(back));
            }
            starts.addAll(recent);
        }
        long placedCut = placedForAdoption;
        if (placedCut >= 0 && placedCut < today) {
            starts.removeIf(start -> start >= placedCut);
        }
        for (long start : starts) {
            if (start < 0) {
                continue;
            }
            if (c.placementId != null) {
                CaseEvent ended = pastEvent(c, start, EventType.PLACEMENT_ENDED);
                ended.setPlacementId(c.placementId);
                migrate(c, ended);
            }
            c.placementId = Ids.placementId(c.number, ++c.placements);
            CaseEvent started = pastEvent(c, start, EventType.PLACEMENT_STARTED);
            fillPlacement(started, c, placementType(child.age(start)));
            migrate(c, started);
        }
        if (placedForAdoption >= 0 && placedForAdoption < today) {
            long placed = pastWorkingDay(placedForAdoption);
            if (placed >= 0) {
                CaseEvent ended = pastEvent(c, placed, EventType.PLACEMENT_ENDED);
                ended.setPlacementId(c.placementId);
                migrate(c, ended);
                sendPast(c, placed, EventType.PLACED_FOR_ADOPTION);
                c.placementId = Ids.placementId(c.number, ++c.placements);
                CaseEvent started = pastEvent(c, placed, EventType.PLACEMENT_STARTED);
                started.setPlacementId(c.placementId);
                started.setPlacementType(PlacementType.ADOPTION);
                migrate(c, started);
                c.placedForAdoption = true;
            }
        }
        if (!c.stablePlacements && !c.placedForAdoption) {
            int move = days.workingDayFrom((long) (-Math.log(1 - random.nextDouble()) * Calibration.UNSTABLE_PLACEMENT_DAYS));
            if (move < c.planEndDay && (c.placedForAdoptionDay < 0 || move < c.placedForAdoptionDay)) {
                track(c, SimCase.Step.MOVE_PLACEMENT, move, c.placements);
            }
        }
        // The latest review and checks before the history, and what falls due after it.
        c.careReviews = 2;
        long review = pastWorkingDay(today - 10 - random.nextInt(Math.max(1, (int) Math.min(170, inCare - 80))));
        if (review > planStart) {
            CaseEvent held = pastEvent(c, review, EventType.REVIEW_HELD);
            held.setReviewType(ReviewType.CLA_REVIEW);
            held.setChildParticipated(random.nextDouble() < Calibration.CLA_REVIEW_PARTICIPATION);
            migrate(c, held);
            trackFromPast(c, SimCase.Step.CLA_REVIEW, review, 6, Calibration.CLA_REVIEW_IN_TIME);
        } else {
            c.careReviews = 0;
            trackReview(c, SimCase.Step.CLA_REVIEW, 0, 0, Calibration.CLA_REVIEW_IN_TIME);
        }
        double ageNow = child.age(today);
        pastCheck(c, CheckType.HEALTH_ASSESSMENT, SimCase.Step.HEALTH_CHECK, ageNow < 5 ? 6 : 12, planStart);
        pastCheck(c, CheckType.DENTAL_CHECK, SimCase.Step.DENTAL_CHECK, 12, planStart);
        pastCheck(c, CheckType.PERSONAL_EDUCATION_PLAN, SimCase.Step.EDUCATION_PLAN, 6, planStart);
        if (c.adoptionDecisionDay >= 0 && c.adoptionDecisionDay < c.planEndDay) {
            track(c, SimCase.Step.ADOPTION_DECISION, c.adoptionDecisionDay, c.plans);
        } else if (c.placedForAdoptionDay >= 0 && c.placedForAdoptionDay < c.planEndDay) {
            track(c, SimCase.Step.PLACE_FOR_ADOPTION, c.placedForAdoptionDay, c.plans);
        }
        firstVisitAfterPast(c, today);
    }

    private void openOnProtectionPlan(AreaProfile area) {
        long today = days.epochDay(0);
        Child child = newChild(0, false);
        if (child.bornOn > today - 120) {
            child = new Child(child.id, today - 120 - random.nextInt(245), false);
        }
        // Plans open now: a plan's chance to be open grows with its length (in working days), and it
        // has run for any part of it.
        int length = planDuration(PlanType.CP);
        for (int draw = 0; draw < 20 && random.nextDouble() > length / 700.0; draw++) {
            length = planDuration(PlanType.CP);
        }
        int ran = random.nextInt(length);
        // Referred after the birth: the referral comes up to 40 days before the plan.
        long planStart = pastWorkingDay(today - 1 - Math.min((long) (ran * 1.45), today - child.bornOn - 50));
        if (planStart < 0) {
            return;
        }
        SimCase c = openCase(area, child, "S47", planStart - 25 - random.nextInt(20));
        if (c == null) {
            return;
        }
        long enquiry = pastWorkingDay(planStart - 10 - random.nextInt(10));
        if (enquiry > c.referralEpochDay + 3) {
            sendPast(c, enquiry, EventType.STRATEGY_DISCUSSION_HELD);
            c.enquiryId = Ids.assessmentId(c.number, ++c.assessments);
            CaseEvent started = pastEvent(c, enquiry, EventType.ASSESSMENT_STARTED);
            started.setAssessmentId(c.enquiryId);
            started.setAssessmentType(AssessmentType.S47_ENQUIRY);
            migrate(c, started);
            CaseEvent completed = pastEvent(c, pastWorkingDay(enquiry + 5 + random.nextInt(5)), EventType.ASSESSMENT_COMPLETED);
            completed.setAssessmentId(c.enquiryId);
            completed.setAssessmentType(AssessmentType.S47_ENQUIRY);
            completed.setChildSeen(true);
            migrate(c, completed);
        }
        CaseEvent conference = pastEvent(c, planStart, EventType.CONFERENCE_HELD);
        conference.setConferenceType(ConferenceType.INITIAL);
        conference.setConferenceOutcome(ConferenceOutcome.PLAN);
        conference.setConferenceId(Ids.conferenceId(c.number, ++c.conferences));
        migrate(c, conference);
        c.planType = PlanType.CP;
        startPastPlan(c, planStart);
        child.hadChildProtectionPlan = true;
        c.planEndReason = PlanEndReason.OBJECTIVES_MET;
        c.planEndDay = days.addWorkingDays(0, Math.max(1 + random.nextInt(10), length - ran));
        // The latest review conference: 3 months after the start, then every 6.
        LocalDate due = LocalDate.ofEpochDay(planStart).plusMonths(3);
        LocalDate last = null;
        while (due.toEpochDay() < today) {
            last = due;
            due = due.plusMonths(6);
        }
        if (last != null) {
            long held = pastWorkingDay(last.toEpochDay() - random.nextInt(10));
            if (held > planStart) {
                CaseEvent review = pastEvent(c, held, EventType.CONFERENCE_HELD);
                review.setConferenceType(ConferenceType.REVIEW);
                review.setConferenceOutcome(ConferenceOutcome.PLAN);
                review.setConferenceId(Ids.conferenceId(c.number, ++c.conferences));
                migrate(c, review);
            }
            trackFromPast(c, SimCase.Step.CP_REVIEW, last.toEpochDay(), 6, Calibration.REVIEW_CONFERENCE_IN_TIME);
        } else {
            trackFromPast(c, SimCase.Step.CP_REVIEW, planStart, 3, Calibration.REVIEW_CONFERENCE_IN_TIME);
        }
        firstVisitAfterPast(c, today);
    }

    /** An open case of the opening caseload: its referral and allocation before the history. */
    private SimCase openCase(AreaProfile area, Child child, String caseType, long referredOn) {
        long referral = pastWorkingDay(referredOn);
        if (referral < 0) {
            return null;
        }
        child.openCase = true;
        SimCase c = new SimCase(++cases, child, area, caseType, SimCase.Kind.STATUTORY, 0, true);
        c.referralEpochDay = referral;
        CaseEvent referred = pastEvent(c, referral, EventType.REFERRAL_RECEIVED);
        referred.setCaseType(caseType);
        referred.setChildDateOfBirth(LocalDate.ofEpochDay(child.bornOn));
        if (child.unaccompaniedAsylumSeeking) {
            referred.setUnaccompaniedAsylumSeeking(true);
        }
        migrate(c, referred);
        Worker worker = pickWorker(area, null);
        c.worker = worker;
        worker.load++;
        CaseEvent allocated = pastEvent(c, pastWorkingDay(referral + 1 + random.nextInt(3)), EventType.ALLOCATION_MADE);
        allocated.setWorkerId(worker.id);
        migrate(c, allocated);
        return c;
    }

    private void startPastPlan(SimCase c, long start) {
        c.planId = Ids.planId(c.number, ++c.plans);
        c.planOpen = true;
        CaseEvent started = pastEvent(c, start, EventType.PLAN_STARTED);
        started.setPlanId(c.planId);
        started.setPlanType(c.planType);
        migrate(c, started);
    }

    /** The latest check of the type within its interval before the history, and the next one after it. */
    private void pastCheck(SimCase c, CheckType type, SimCase.Step step, int months, long planStart) {
        long today = days.epochDay(0);
        long done = pastWorkingDay(today - 5 - random.nextInt(months * 30 - 10));
        double age = c.child.age(done);
        if (done > planStart && (type != CheckType.PERSONAL_EDUCATION_PLAN || (age >= 5 && age < 17))) {
            CaseEvent check = pastEvent(c, done, EventType.CHILD_CHECK_RECORDED);
            check.setCheckType(type);
            migrate(c, check);
        }
        trackFromPast(c, step, done, months, type == CheckType.PERSONAL_EDUCATION_PLAN
                ? Calibration.EDUCATION_PLAN_IN_TIME : Calibration.CHECK_IN_TIME);
    }

    /** The next of a series due {@code months} after an event before the history. */
    private void trackFromPast(SimCase c, SimCase.Step step, long lastEpochDay, int months, double inTime) {
        long due = LocalDate.ofEpochDay(lastEpochDay).plusMonths(months).toEpochDay() - days.epochDay(0);
        int held = heldAround(days.workingDayFrom(Math.max(0, due)), inTime, 10);
        if (held < c.planEndDay) {
            track(c, step, held, c.plans);
        }
    }

    /** The latest visit before the history, and the main line's next one. */
    private void firstVisitAfterPast(SimCase c, long today) {
        int interval = visitInterval(c);
        long last = pastWorkingDay(today - 1 - random.nextInt(Math.max(1, interval)));
        if (last >= 0) {
            CaseEvent visit = pastEvent(c, last, EventType.VISIT_RECORDED);
            visit.setChildSeen(true);
            if (c.planType == PlanType.CLA) {
                visit.setVisitType(VisitType.CLA);
            }
            migrate(c, visit);
        }
        int since = last < 0 ? 0 : before.workingDaysBetween((int) before.dayOfEpochDay(last), before.days() - 1);
        int next = days.addWorkingDays(0, Math.max(0, interval - since - 1));
        if (next < c.planEndDay) {
            schedule(c, SimCase.Step.VISIT, next);
        } else {
            schedule(c, SimCase.Step.END_PLAN, c.planEndDay);
        }
    }

    /** The working day on or after the epoch day before the history, as an epoch day; -1 outside the calendar. */
    private long pastWorkingDay(long epochDay) {
        long day = before.dayOfEpochDay(epochDay);
        if (day < 0) {
            return -1;
        }
        int working = before.workingDayFrom(day);
        return working == DayIndex.NEVER ? -1 : before.epochDay(working);
    }

    private void sendPast(SimCase c, long epochDay, EventType type) {
        migrate(c, pastEvent(c, epochDay, type));
    }

    /** Sends a migrated event as it is: faults are injected into the history's own events only. */
    private void migrate(SimCase c, CaseEvent event) {
        output.send(new SimulatedRecord.Good(event), event.getRecordedAt().toEpochMilli(), 0);
    }

    /** An event dated before the history, recorded early on its first day, one after another (the migration). */
    private CaseEvent pastEvent(SimCase c, long epochDay, EventType type) {
        CaseEvent event = event(c, 0, type);
        event.setOccurredOn(LocalDate.ofEpochDay(epochDay));
        long recordedAt = days.startMillis(0) + 2 * HOUR + 20 * migrated++;
        event.setRecordedAt(Instant.ofEpochMilli(recordedAt));
        c.lastRecordedMillis = recordedAt;
        return event;
    }

    // ---- Closure and workers -----------------------------------------------------------------------

    private void close(SimCase c, int day) {
        boolean courtWorkLeft = c.courtWorkUntil >= day;
        if (!courtWorkLeft) {
            court.atClosure(c, day);
        }
        CaseEvent closed = event(c, day, EventType.CASE_CLOSED);
        closed.setClosureReason(c.closureReason);
        if (courtWorkLeft) {
            // The proceedings have not run their course: the closure is recorded once the court work
            // is done. The world moves on as if closed today, so the main line draws what it did before.
            court.closeLater(c, closed, days.addWorkingDays(c.courtWorkUntil, 1));
        } else {
            c.closureSent = true;
            send(c, day, closed);
        }
        if (c.worker != null) {
            c.worker.load--;
        }
        c.child.openCase = false;
        c.mainLine = -1; // closed: nothing more happens in the case
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

    // ---- Timings -----------------------------------------------------------------------------------

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

    /** CP visits come every 10 working days, mostly just in time, some late; CIN every 15-25, care every 25-35. */
    private int visitInterval(SimCase c) {
        if (c.planType == PlanType.CLA) {
            return 25 + random.nextInt(11);
        }
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

    /** The working day something due on {@code due} is held: up to {@code early} working days before, or late. */
    private int heldAround(int due, double inTime, int early) {
        if (due == DayIndex.NEVER) {
            return DayIndex.NEVER;
        }
        if (random.nextDouble() < inTime) {
            int back = random.nextInt(early + 1);
            int held = due;
            for (int i = 0; i < back; i++) {
                int previous = days.previousWorkingDay(held);
                if (previous < 0) {
                    break;
                }
                held = previous;
            }
            // A due date on a weekend is met by the working day before it.
            return days.isWorking(held) ? held : Math.max(0, days.previousWorkingDay(held));
        }
        return days.addWorkingDays(due, 1 + random.nextInt(20));
    }

    /** The day {@code months} calendar months after {@code day}; NEVER past the range. */
    private int plusMonths(int day, int months) {
        long target = days.dayOfEpochDay(days.date(day).plusMonths(months).toEpochDay());
        return target >= days.days() ? DayIndex.NEVER : (int) target;
    }

    private boolean unborn(SimCase c, int day) {
        return c.child.bornOn > days.epochDay(day);
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

    /** Schedules the case's next main-line step. */
    private void schedule(SimCase c, SimCase.Step step, int day) {
        if (c.mainLine >= 0) {
            track(c, step, day, c.mainLine);
        }
    }

    private void track(SimCase c, SimCase.Step step, int day, int generation) {
        if (day == DayIndex.NEVER || day >= days.days()) {
            return; // beyond the history: the case stays where it is
        }
        List<Task> due = agenda.get(day);
        if (due == null) {
            due = new ArrayList<>();
            agenda.set(day, due);
        }
        due.add(new Task(c, step, generation));
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
        if (c.birthToRecord && days.epochDay(day) >= c.child.bornOn + 7) {
            // The first event a week after the birth records it (a week: an amendment moving the
            // event a day earlier still comes after the birth).
            event.setChildDateOfBirth(LocalDate.ofEpochDay(c.child.bornOn));
            event.setChildUnborn(false);
            c.birthToRecord = false;
        }
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
