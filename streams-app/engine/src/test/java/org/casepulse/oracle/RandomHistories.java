package org.casepulse.oracle;

import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.Agreement;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.AuditGrade;
import org.casepulse.events.AuditType;
import org.casepulse.events.HearingType;
import org.casepulse.events.OrderType;
import org.casepulse.events.ReportType;
import org.casepulse.events.SafeguardingCheckType;
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

/**
 * Seeded generator of small, nasty histories for the differential test. Few children (so
 * re-referrals and repeat plans happen); dates over about 20 months up to {@code today}, some
 * cases older so that plans last about two years (ending days either side of it); weekends and
 * bank holidays on purpose; allocations and closures before referrals, completions before
 * starts, plans ending before they start, visits outside plans; amendments that move dates,
 * areas, workers, childSeen, plan and case types; exact duplicates, same-revision variants (the
 * first received wins) and lower revisions arriving late; retractions, some of retractions, some
 * of ids that never existed; each case's events in shuffled order, cases interleaved. Every event
 * is valid on its own. Event ids repeat across cases (E1, E2, ...), as an id only names an event
 * within its case. Contract v2: typed assessments, strategy discussions, conferences (some
 * reconvened under one conferenceId, outcome changed by the later sitting), reviews, placements,
 * adoption decisions and placements for adoption, child checks, private fostering arrangements,
 * plan end and closure reasons, and the child's date of birth (some unborn at referral, born
 * later), asylum-seeking flag; amendments change those too, and now and then a referral's
 * amendment names another child (the case moves to that child). Contract v3: hearings with and
 * without agreement and referral for a report, reports ordered and filed (some filed before their
 * order, some of another type), orders, participants with safeguarding checks (some before the
 * referral, some late, harm indicated now and then), diversity forms, audits assigned and
 * completed (some completed without an assignment), feedback; amendments change those too.
 */
public final class RandomHistories {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final PlanType[] PLAN_TYPES = PlanType.values();
    private static final String[] CASE_TYPES = {null, null, "S47", "S17", "S31", "S31", "S31", "ADOPTION",
        "PRIVATE_LAW", "PRIVATE_LAW", "PUBLIC_LAW", "EPO", "EARLY_HELP", "EARLY_HELP"};
    private static final int WORKERS = 6;
    private static final AssessmentType[] ASSESSMENT_TYPES = {null, null, AssessmentType.SINGLE, AssessmentType.INITIAL, AssessmentType.INITIAL,
        AssessmentType.CORE, AssessmentType.EARLY_HELP, AssessmentType.S47_ENQUIRY, AssessmentType.S47_ENQUIRY,
        AssessmentType.PRIVATE_FOSTERING};

    private final Random random;
    private final LocalDate today;
    private final LocalDate earliest;
    private final WorkingDayCalendar calendar;
    private final List<String> areas;
    private final List<String> busyAreas;
    private final int children;

    private RandomHistories(long seed, int cases, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
        this.calendar = WorkingDayCalendar.englandAndWales();
        this.earliest = later(today.minusMonths(40), calendar.firstCoveredDate());
        if (!calendar.covers(today)) {
            throw new IllegalArgumentException("the calendar does not cover " + today);
        }
        this.areas = AreaHierarchy.defaults().lowest().stream().map(Area::code).sorted().toList();
        List<String> shuffled = new ArrayList<>(areas);
        Collections.shuffle(shuffled, random);
        this.busyAreas = List.copyOf(shuffled.subList(0, Math.min(4, shuffled.size())));
        this.children = Math.max(1, cases / 3);
    }

    /** {@code cases} cases' events, in arrival order. The same seed gives the same history. */
    public static List<CaseEvent> generate(long seed, int cases, LocalDate today) {
        return new RandomHistories(seed, cases, today).history(cases);
    }

    private List<CaseEvent> history(int cases) {
        List<List<CaseEvent>> arrivals = new ArrayList<>();
        for (int i = 1; i <= cases; i++) {
            arrivals.add(arrivalOrder(mutated(caseEvents("case-" + i))));
        }
        return interleaved(arrivals);
    }

    /** The case as its CMS first wrote it: one revision of every event. */
    private List<CaseEvent> caseEvents(String caseId) {
        String home = area();
        CaseScript script = CaseScript.of(caseId, "child-" + (1 + random.nextInt(children)), home);
        List<CaseEvent> events = new ArrayList<>();
        boolean old = chance(0.15);
        LocalDate referral = maybeNonWorking(old
                ? date(earliest, today.minusMonths(22))
                : date(today.minusMonths(20), today));
        String caseType = pick(CASE_TYPES);
        LocalDate born = chance(0.15) ? referral.plusDays(20 + random.nextInt(100))
                : chance(0.8) ? referral.minusDays(60 + random.nextInt(chance(0.3) ? 700 : 18 * 366)) : null;
        boolean unbornAtReferral = born != null && born.isAfter(referral);
        Boolean asylum = chance(0.1) ? Boolean.TRUE : chance(0.1) ? Boolean.FALSE : null;
        write(events, script, home, EventType.REFERRAL_RECEIVED, referral, b -> b.setCaseType(caseType)
                .setChildDateOfBirth(born).setChildUnborn(unbornAtReferral ? Boolean.TRUE : null)
                .setUnaccompaniedAsylumSeeking(asylum));
        if (unbornAtReferral && chance(0.7)) {
            // The birth recorded later: an actual date of birth, no longer unborn.
            LocalDate actual = shifted(born, -10, 10);
            write(events, script, home, EventType.VISIT_RECORDED, later(actual, referral).plusDays(45),
                    b -> b.setChildDateOfBirth(actual).setChildUnborn(false));
        }
        if (chance(0.05)) {
            write(events, script, home, EventType.REFERRAL_RECEIVED, shifted(referral, -30, 30),
                    b -> b.setCaseType(pick(CASE_TYPES)));
        }
        if (chance(0.85)) {
            LocalDate allocated = maybeNonWorking(chance(0.08) ? shifted(referral, -5, -1)
                    : chance(0.3) ? shifted(referral, 0, 3) : shifted(referral, 0, 30));
            write(events, script, home, EventType.ALLOCATION_MADE, allocated, b -> b.setWorkerId(worker()));
            if (chance(0.3)) {
                write(events, script, home, EventType.ALLOCATION_MADE, shifted(allocated, 1, 120),
                        b -> b.setWorkerId(worker()));
            }
        }
        int assessments = random.nextInt(3);
        for (int a = 1; a <= assessments; a++) {
            String assessmentId = "A" + a;
            LocalDate started = chance(0.5) ? shifted(referral, 0, 3) : shifted(referral, -2, 25);
            AssessmentType startType = pick(ASSESSMENT_TYPES);
            AssessmentType completionType = chance(0.2) ? pick(ASSESSMENT_TYPES) : null;
            if (chance(0.9)) {
                write(events, script, home, EventType.ASSESSMENT_STARTED, started,
                        b -> b.setAssessmentId(assessmentId).setAssessmentType(startType));
            }
            if (chance(0.75)) {
                LocalDate completed = chance(0.4) ? shifted(started, 0, 6) : shifted(started, -5, 80);
                write(events, script, home, EventType.ASSESSMENT_COMPLETED, maybeNonWorking(completed),
                        b -> b.setAssessmentId(assessmentId).setChildSeen(chance(0.8))
                                .setAssessmentType(completionType != null ? completionType : startType));
            }
            if (startType == AssessmentType.S47_ENQUIRY || chance(0.1)) {
                if (chance(0.4)) {
                    write(events, script, home, EventType.STRATEGY_DISCUSSION_HELD, shifted(started, -3, 20), b -> { });
                }
                conferences(events, script, home, shifted(started, -5, 30));
            }
        }
        if (chance(0.15)) {
            conferences(events, script, home, shifted(referral, 0, 200));
        }
        // Old cases mostly have a plan, so that some plans last about two years.
        int plans = old ? 1 + random.nextInt(2) : random.nextInt(4) == 0 ? 2 : random.nextInt(2);
        for (int p = 1; p <= plans; p++) {
            plan(events, script, home, "P" + p, shifted(referral, 0, 150), old);
        }
        for (int v = random.nextInt(3); v > 0; v--) {
            write(events, script, home, EventType.VISIT_RECORDED, shifted(referral, -10, 300), b -> { });
        }
        if (chance(0.12)) {
            adoption(events, script, home, shifted(referral, 0, 300));
        }
        if (chance(0.15)) {
            arrangement(events, script, home, shifted(referral, -5, 60));
        }
        if (chance(0.4)) {
            LocalDate closed = chance(0.05) ? shifted(referral, -20, -1) : shifted(referral, 0, 400);
            // Early-help cases close with outcomes (or stepped down to universal services) half the time.
            ClosureReason reason = "EARLY_HELP".equals(caseType) && chance(0.5)
                    ? pick(new ClosureReason[] {ClosureReason.OUTCOMES_ACHIEVED, ClosureReason.STEPPED_DOWN_TO_UNIVERSAL})
                    : chance(0.7) ? pick(ClosureReason.values()) : null;
            write(events, script, home, EventType.CASE_CLOSED, closed, b -> b.setClosureReason(reason));
        }
        // Court work mostly in private law cases, whose participant checks are the rarest figures.
        if (chance("PRIVATE_LAW".equals(caseType) ? 0.95 : 0.4)) {
            courtWork(events, script, home, referral);
        }
        if (chance(0.25)) {
            audits(events, script, home, referral);
        }
        if (chance(0.15)) {
            write(events, script, home, EventType.FEEDBACK_RECEIVED, shifted(referral, 0, 400),
                    b -> b.setSatisfied(chance(0.6)));
        }
        return events;
    }

    /** Hearings, reports, orders, participants and their checks, and a diversity form (COUNTING.md 13). */
    private void courtWork(List<CaseEvent> events, CaseScript script, String home, LocalDate referral) {
        for (int n = random.nextInt(3); n > 0; n--) {
            HearingType type = chance(0.6) ? HearingType.WORK_TO_FIRST_HEARING : pick(HearingType.values());
            write(events, script, home, EventType.HEARING_HELD, maybeNonWorking(shifted(referral, -3, 120)), b -> b
                    .setHearingType(type).setAgreement(chance(0.85) ? pick(Agreement.values()) : null)
                    .setReferredForReport(chance(0.85) ? chance(0.3) : null));
        }
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            String reportId = "R" + n;
            ReportType type = chance(0.6) ? ReportType.SECTION_7 : pick(ReportType.values());
            LocalDate ordered = shifted(referral, -5, 150);
            if (chance(0.9)) {
                write(events, script, home, EventType.REPORT_ORDERED, ordered, b -> b.setReportId(reportId)
                        .setReportType(type).setReportDueOn(ordered.plusWeeks(12)));
            }
            if (chance(0.7)) {
                write(events, script, home, EventType.REPORT_FILED, shifted(ordered, chance(0.05) ? -10 : 0, 140),
                        b -> b.setReportId(reportId).setReportType(chance(0.9) ? type : pick(ReportType.values())));
            }
        }
        for (int n = random.nextInt(3); n > 0; n--) {
            write(events, script, home, EventType.ORDER_MADE, shifted(referral, 0, 300),
                    b -> b.setOrderType(pick(OrderType.values())));
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            String participant = "party-" + n;
            boolean harm = chance(0.4);
            write(events, script, home, EventType.SAFEGUARDING_CHECK_RECORDED, shifted(referral, -2, 3), b -> b
                    .setParticipantId(participant).setSafeguardingCheck(SafeguardingCheckType.PARTICIPANT_RECORDED)
                    .setHarmIndicated(harm ? Boolean.TRUE : chance(0.5) ? Boolean.FALSE : null));
            for (SafeguardingCheckType check : SafeguardingCheckType.values()) {
                if (check != SafeguardingCheckType.PARTICIPANT_RECORDED && chance(0.45)) {
                    LocalDate on = chance(0.5) ? shifted(referral, -1, 4) : shifted(referral, 0, 70);
                    write(events, script, home, EventType.SAFEGUARDING_CHECK_RECORDED, maybeNonWorking(on), b -> b
                            .setParticipantId(participant).setSafeguardingCheck(check)
                            .setHarmIndicated(chance(0.1) ? Boolean.TRUE : null));
                }
            }
        }
        if (chance(0.5)) {
            write(events, script, home, EventType.DIVERSITY_FORM_COLLECTED, shifted(referral, -5, 400), b -> { });
        }
    }

    /** Audits assigned and completed with a grade; now and then a completion without its assignment. */
    private void audits(List<CaseEvent> events, CaseScript script, String home, LocalDate referral) {
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            String auditId = "U" + n;
            AuditType type = chance(0.6) ? AuditType.CASE_FILE : pick(AuditType.values());
            LocalDate assigned = shifted(referral, 0, 300);
            if (chance(0.9)) {
                write(events, script, home, EventType.AUDIT_ASSIGNED, assigned,
                        b -> b.setAuditId(auditId).setAuditType(type));
            }
            if (chance(0.7)) {
                write(events, script, home, EventType.AUDIT_COMPLETED, shifted(assigned, -3, 60), b -> b
                        .setAuditId(auditId).setAuditType(chance(0.9) ? type : pick(AuditType.values()))
                        .setAuditGrade(pick(AuditGrade.values())));
            }
        }
    }

    /** One conference, or one reconvened under the same id (the later sitting's outcome counts). */
    private void conferences(List<CaseEvent> events, CaseScript script, String home, LocalDate date) {
        ConferenceType type = chance(0.7) ? ConferenceType.INITIAL : pick(ConferenceType.values());
        String conferenceId = chance(0.7) ? "C" + random.nextInt(1000) : null;
        write(events, script, home, EventType.CONFERENCE_HELD, date, b -> b.setConferenceType(type)
                .setConferenceOutcome(pick(ConferenceOutcome.values())).setConferenceId(conferenceId));
        if (conferenceId != null && chance(0.2)) {
            write(events, script, home, EventType.CONFERENCE_HELD, shifted(date, 0, 15), b -> b
                    .setConferenceType(chance(0.8) ? type : pick(ConferenceType.values()))
                    .setConferenceOutcome(pick(ConferenceOutcome.values())).setConferenceId(conferenceId));
        }
    }

    /** A decision, then (usually) a placement for adoption some months later, sometimes before it. */
    private void adoption(List<CaseEvent> events, CaseScript script, String home, LocalDate decided) {
        if (chance(0.85)) {
            write(events, script, home, EventType.ADOPTION_DECISION_MADE, decided, b -> { });
        }
        if (chance(0.8)) {
            write(events, script, home, EventType.PLACED_FOR_ADOPTION, shifted(decided, -30, 500), b -> { });
        }
    }

    /** A private fostering arrangement, its assessment and visits, and (sometimes) its end. */
    private void arrangement(List<CaseEvent> events, CaseScript script, String home, LocalDate start) {
        String arrangementId = "F" + random.nextInt(100);
        write(events, script, home, EventType.PRIVATE_FOSTERING_ARRANGEMENT_STARTED, start,
                b -> b.setArrangementId(arrangementId));
        if (chance(0.7)) {
            write(events, script, home, EventType.ASSESSMENT_COMPLETED, shifted(start, -5, 70),
                    b -> b.setAssessmentId("PF" + arrangementId).setChildSeen(chance(0.9))
                            .setAssessmentType(AssessmentType.PRIVATE_FOSTERING));
        }
        LocalDate visit = shifted(start, 0, 14);
        for (int n = random.nextInt(14); n > 0; n--) {
            org.casepulse.events.VisitType type = chance(0.7) ? org.casepulse.events.VisitType.PRIVATE_FOSTERING
                    : chance(0.5) ? null : pick(org.casepulse.events.VisitType.values());
            write(events, script, home, EventType.VISIT_RECORDED, visit, b -> b.setVisitType(type));
            visit = shifted(visit, 5, 100);
        }
        if (chance(0.5)) {
            LocalDate end = chance(0.05) ? shifted(start, -10, -1) : shifted(start, 30, 500);
            write(events, script, home, EventType.PRIVATE_FOSTERING_ARRANGEMENT_ENDED, end,
                    b -> b.setArrangementId(arrangementId));
        }
    }

    /** For a CLA plan: placements (moves now and then, some ending before they start), reviews and checks. */
    private void inCare(List<CaseEvent> events, CaseScript script, String home, String planId, LocalDate start,
                        LocalDate until) {
        LocalDate placed = start;
        for (int n = 1; n <= 1 + random.nextInt(4) && !placed.isAfter(until); n++) {
            String placementId = planId + "-L" + n;
            PlacementType type = pick(PlacementType.values());
            Double miles = chance(0.7) ? (double) random.nextInt(40) : null;
            write(events, script, home, EventType.PLACEMENT_STARTED, placed, b -> b.setPlacementId(placementId)
                    .setPlacementType(type).setDistanceFromHomeMiles(miles).setOutOfArea(chance(0.2)));
            // Some placements last years (placement stability), most a few months or a year.
            LocalDate ended = chance(0.05) ? shifted(placed, -10, -1) : shifted(placed, 10, chance(0.3) ? 1000 : 400);
            if (chance(0.7)) {
                write(events, script, home, EventType.PLACEMENT_ENDED, ended, b -> b.setPlacementId(placementId));
            }
            placed = ended;
        }
        LocalDate review = shifted(start, 5, 40);
        for (int n = 0; n < 6 && !review.isAfter(until); n++) {
            write(events, script, home, EventType.REVIEW_HELD, review, b -> b
                    .setReviewType(chance(0.85) ? ReviewType.CLA_REVIEW : pick(ReviewType.values()))
                    .setChildParticipated(chance(0.8) ? chance(0.9) : null));
            review = shifted(review, 30, 200);
        }
        for (int n = random.nextInt(3); n > 0; n--) {
            write(events, script, home, EventType.CHILD_CHECK_RECORDED, shifted(start, 0, 500),
                    b -> b.setCheckType(pick(CheckType.values())));
        }
    }

    /** A plan's start (usually), end (sometimes, now and then before the start) and, for CP, its visits. */
    private void plan(List<CaseEvent> events, CaseScript script, String home, String planId, LocalDate start,
                      boolean old) {
        // Old cases are in care now and then for years (placement stability, long-running CLA plans).
        PlanType type = old && chance(0.4) ? PlanType.CLA
                : chance(0.65) ? PlanType.CP : chance(0.6) ? PlanType.CLA : pick(PLAN_TYPES);
        if (chance(0.95)) {
            write(events, script, home, EventType.PLAN_STARTED, start, b -> b.setPlanId(planId).setPlanType(type));
        }
        LocalDate visitsUntil = today;
        if (chance(old && type != PlanType.CLA ? 0.8 : 0.4)) {
            // Now and then before the start; in old cases mostly close to two years, either side of it.
            LocalDate end = chance(old ? 0.6 : 0.05) ? shifted(start, 715, 745)
                    : chance(0.06) ? shifted(start, -15, -1) : shifted(start, 0, 400);
            visitsUntil = end;
            PlanEndReason reason = type == PlanType.CLA && chance(0.35)
                    ? pick(new PlanEndReason[] {PlanEndReason.ADOPTION, PlanEndReason.SPECIAL_GUARDIANSHIP})
                    : chance(0.75) ? pick(PlanEndReason.values()) : null;
            write(events, script, home, EventType.PLAN_ENDED, end, b -> b.setPlanId(planId).setPlanType(type)
                    .setPlanEndReason(reason));
        }
        if (type == PlanType.CLA) {
            inCare(events, script, home, planId, start, visitsUntil);
        }
        if (type == PlanType.CP) {
            LocalDate visit = shifted(start, 0, 15);
            for (int n = 0; n < 25 && !visit.isAfter(visitsUntil); n++) {
                write(events, script, home, EventType.VISIT_RECORDED, visit, b -> b.setChildSeen(chance(0.9)));
                visit = shifted(visit, 0, 16);
            }
        }
    }

    /** Amendments, duplicates and retractions added to a case's events. */
    private List<CaseEvent> mutated(List<CaseEvent> written) {
        List<CaseEvent> events = new ArrayList<>(written);
        int nextId = written.size() + 1;
        for (CaseEvent event : written) {
            CaseEvent latest = event;
            for (int n = chance(0.18) ? 1 + random.nextInt(2) : 0; n > 0; n--) {
                latest = amendment(latest);
                events.add(latest);
            }
            if (chance(0.08)) {
                events.add(CaseScript.copy(pick(List.of(event, latest))).build());
            }
            if (chance(0.03)) {
                // Same eventId and revision, different content: whichever arrives first counts.
                events.add(CaseScript.copy(event).setOccurredOn(clamped(event.getOccurredOn(), -10, 10)).build());
            }
            if (chance(0.08)) {
                CaseEvent retraction = retraction(event, "E" + nextId++);
                events.add(retraction);
                if (chance(0.25)) {
                    events.add(retraction(retraction, "E" + nextId++));
                }
                if (chance(0.1)) {
                    events.add(amendment(retraction));
                }
            }
        }
        if (chance(0.05)) {
            events.add(CaseScript.copy(retraction(written.get(0), "E" + nextId++))
                    .setRetractsEventId("E" + (nextId + 100)).build());
        }
        return events;
    }

    /** A higher revision (by one or two) changing one thing the event's type allows. */
    private CaseEvent amendment(CaseEvent event) {
        CaseEvent.Builder b = CaseScript.copy(event)
                .setRevision(event.getRevision() + 1 + random.nextInt(2))
                .setRecordedAt(event.getRecordedAt().plus(Duration.ofHours(1 + random.nextInt(24 * 30))));
        switch (random.nextInt(3)) {
            case 0 -> b.setOccurredOn(clamped(event.getOccurredOn(), -40, 40));
            case 1 -> b.setAreaCode(area());
            default -> {
                switch (event.getType()) {
                    case ALLOCATION_MADE -> b.setWorkerId(worker());
                    case ASSESSMENT_COMPLETED -> {
                        if (chance(0.5)) {
                            b.setChildSeen(!event.getChildSeen());
                        } else {
                            b.setAssessmentType(pick(ASSESSMENT_TYPES));
                        }
                    }
                    case ASSESSMENT_STARTED -> b.setAssessmentType(pick(ASSESSMENT_TYPES));
                    case PLAN_STARTED -> b.setPlanType(pick(PLAN_TYPES));
                    case PLAN_ENDED -> b.setPlanType(pick(PLAN_TYPES)).setPlanEndReason(pick(PlanEndReason.values()));
                    case CASE_CLOSED -> b.setClosureReason(chance(0.2) ? null : pick(ClosureReason.values()));
                    case CONFERENCE_HELD -> b.setConferenceOutcome(pick(ConferenceOutcome.values()))
                            .setConferenceType(pick(ConferenceType.values()));
                    case REVIEW_HELD -> b.setChildParticipated(chance(0.5));
                    case PLACEMENT_STARTED -> b.setPlacementType(pick(PlacementType.values()));
                    case HEARING_HELD -> {
                        if (chance(0.5)) {
                            b.setAgreement(chance(0.2) ? null : pick(Agreement.values()));
                        } else {
                            b.setReferredForReport(chance(0.2) ? null : chance(0.5));
                        }
                    }
                    case REPORT_ORDERED, REPORT_FILED -> {
                        if (chance(0.5)) {
                            b.setReportType(pick(ReportType.values()));
                        } else {
                            b.setReportId("R" + (1 + random.nextInt(3)));
                        }
                    }
                    case ORDER_MADE -> b.setOrderType(pick(OrderType.values()));
                    case SAFEGUARDING_CHECK_RECORDED -> {
                        if (chance(0.4)) {
                            b.setSafeguardingCheck(pick(SafeguardingCheckType.values()));
                        } else if (chance(0.5)) {
                            b.setHarmIndicated(chance(0.5));
                        } else {
                            b.setParticipantId("party-" + (1 + random.nextInt(3)));
                        }
                    }
                    case AUDIT_ASSIGNED -> b.setAuditType(pick(AuditType.values()));
                    case AUDIT_COMPLETED -> b.setAuditGrade(pick(AuditGrade.values()));
                    case FEEDBACK_RECEIVED -> b.setSatisfied(!event.getSatisfied());
                    case REFERRAL_RECEIVED -> {
                        if (chance(0.4)) {
                            // The CMS corrects which child the case is about.
                            b.setChildId("child-" + (1 + random.nextInt(children)));
                        } else if (chance(0.3)) {
                            b.setUnaccompaniedAsylumSeeking(chance(0.5));
                        } else {
                            b.setCaseType(pick(CASE_TYPES));
                        }
                    }
                    default -> b.setOccurredOn(maybeNonWorking(clamped(event.getOccurredOn(), -5, 5)));
                }
            }
        }
        return b.build();
    }

    private CaseEvent retraction(CaseEvent target, String eventId) {
        LocalDate date = clamped(target.getOccurredOn(), 0, 20);
        return CaseEvent.newBuilder()
                .setEventId(eventId)
                .setRevision(0)
                .setType(EventType.EVENT_RETRACTED)
                .setCaseId(target.getCaseId())
                .setChildId(target.getChildId())
                .setAreaCode(target.getAreaCode())
                .setOccurredOn(date)
                .setRecordedAt(recordedAt(date))
                .setRetractsEventId(target.getEventId())
                .build();
    }

    /** Most cases fully shuffled (retractions before targets, lower revisions late), some in recorded order. */
    private List<CaseEvent> arrivalOrder(List<CaseEvent> events) {
        List<CaseEvent> arrival = new ArrayList<>(events);
        if (chance(0.7)) {
            Collections.shuffle(arrival, random);
        } else {
            arrival.sort((x, y) -> x.getRecordedAt().compareTo(y.getRecordedAt()));
        }
        return arrival;
    }

    /** Cases interleaved at random, each keeping its own arrival order. */
    private List<CaseEvent> interleaved(List<List<CaseEvent>> arrivals) {
        List<List<CaseEvent>> remaining = new ArrayList<>();
        arrivals.forEach(events -> remaining.add(new ArrayList<>(events)));
        remaining.removeIf(List::isEmpty);
        List<CaseEvent> history = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int next = random.nextInt(remaining.size());
            history.add(remaining.get(next).remove(0));
            if (remaining.get(next).isEmpty()) {
                remaining.remove(next);
            }
        }
        return history;
    }

    /**
     * Adds an event in {@code home} most of the time, elsewhere sometimes (the case moves, or a
     * colleague records it); an event dated after today has not happened yet and is left out.
     */
    private void write(List<CaseEvent> events, CaseScript script, String home, EventType type, LocalDate date,
                       Consumer<CaseEvent.Builder> fields) {
        if (!date.isAfter(today)) {
            script.in(chance(0.15) ? area() : home);
            events.add(script.event(type, date, fields.andThen(b -> b.setRecordedAt(recordedAt(date)))));
        }
    }

    /** Recorded the same day or within a few days; a whole-day time now and then, to tie with other events. */
    private Instant recordedAt(LocalDate date) {
        Instant midnight = date.atStartOfDay(LONDON).toInstant();
        return chance(0.3) ? midnight.plus(Duration.ofDays(1))
                : midnight.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 5)));
    }

    private LocalDate date(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    /** {@code date} moved by a random number of days in [min, max], not before the earliest date. */
    private LocalDate shifted(LocalDate date, int min, int max) {
        return later(date.plusDays(min + random.nextInt(max - min + 1)), earliest);
    }

    /** As {@link #shifted}, and not after today: for amendments and retractions of events that happened. */
    private LocalDate clamped(LocalDate date, int min, int max) {
        LocalDate moved = shifted(date, min, max);
        return moved.isAfter(today) ? today : moved;
    }

    /**
     * A fifth of the time, a day that is not a working day on or after {@code date}: the next
     * weekend day, or a third of those times the next bank holiday (a weekday that is not a
     * working day). Never past today.
     */
    private LocalDate maybeNonWorking(LocalDate date) {
        if (!chance(0.2)) {
            return date;
        }
        boolean bankHoliday = chance(0.33);
        for (LocalDate d = date; !d.isAfter(today); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            if (!calendar.isWorkingDay(d) && weekend != bankHoliday) {
                return d;
            }
        }
        return date;
    }

    /** Mostly one of a few busy areas, so that areas, regions and moves between them all see traffic. */
    private String area() {
        return pick(chance(0.75) ? busyAreas : areas);
    }

    private String worker() {
        return "worker-" + (1 + random.nextInt(WORKERS));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
