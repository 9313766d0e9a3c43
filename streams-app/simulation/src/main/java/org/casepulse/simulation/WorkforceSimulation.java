package org.casepulse.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.workforce.AbsenceType;
import org.casepulse.workforce.AppraisalRating;
import org.casepulse.workforce.PostFilling;
import org.casepulse.workforce.StaffRole;
import org.casepulse.workforce.TeamType;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;

/**
 * A deterministic workforce for the areas of a simulation (issue 15): per area, caseholding posts
 * in four kinds of team (sized to the case simulation's work when asked), manager and business-support posts, filled by permanent or agency staff or
 * vacant; each month some permanent staff leave (the post falls vacant), vacancies are filled
 * (often by agency staff first) and agency posts are made permanent; permanent staff have
 * sickness absences, yearly appraisals (about half of them done) and diversity monitoring.
 * Calibrated near the seeds: agency about 17% of caseholding FTE, permanent qualified social workers
 * about 77% (003), appraisals about 55% and short- and long-term sickness about 2.5% each (000).
 * Some qualified social workers are newly qualified (QUALIFICATION_RECORDED in the 12 months
 * before; WF8): about 10% of those in post at the start, nearly all who fill a vacancy permanently and
 * nearly half the agency workers taken on, which keeps the share near 9% (drawn from a random of their own, so the other figures keep
 * the values they had before newly qualified staff were simulated). Appraisals are rated, about 75%
 * good or outstanding (001's case file audit grading), a few unrated.
 * Its worker ids are its own (staff-NNNNN), not the case simulation's.
 */
public final class WorkforceSimulation {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final TeamType[] TEAMS = {TeamType.ASSESSMENT, TeamType.SAFEGUARDING, TeamType.CHILDREN_IN_CARE,
        TeamType.FRONT_DOOR};
    static final int CASEHOLDING_POSTS = 20;
    /**
     * Caseholding posts per referral a working day, and their split by team type (10 : 10 : 5 : 1),
     * sized to the cases each kind of team holds (COUNTING.md 14.8) at the demo's 60 referrals a
     * working day: about 15 cases per FTE in children in care teams and 18 in the others (003: 15.7
     * and 20.8, targets 15 and 20), fewer at the front door (002's MASH: 13). CaseloadCalibrationTest.
     */
    static final double POSTS_PER_DAILY_REFERRAL = 9.1;
    private static final int[] TEAM_WEIGHTS = {10, 10, 5, 1};
    static final double AGENCY = 0.16;
    static final double VACANT = 0.05;
    static final double ASSISTANTS = 0.06;
    static final double LEAVING_A_MONTH = 0.012;
    static final double FILLED_A_MONTH = 0.35;
    static final double FILLED_BY_AGENCY = 0.5;
    static final double MADE_PERMANENT_A_MONTH = 0.03;
    static final double APPRAISED = 0.55;
    static final double SHORT_TERM_A_MONTH = 0.17;
    static final double LONG_TERM_A_MONTH = 0.02;
    static final double NEWLY_QUALIFIED_AT_START = 0.1;
    static final double NEWLY_QUALIFIED_JOINERS = 0.95;
    static final double NEWLY_QUALIFIED_MADE_PERMANENT = 0.45;
    static final double UNRATED = 0.02;
    static final double OUTSTANDING = 0.15;
    static final double GOOD_OR_BETTER = 0.75;
    static final double REQUIRES_IMPROVEMENT = 0.2;

    private final Random random;
    private final Random qualifications;
    private final Random ratings;
    private final WorkingDayCalendar calendar;
    private final LocalDate from;
    private final LocalDate to;
    private final List<WorkforceEvent> facts = new ArrayList<>();
    private int nextFact;
    private int nextWorker;
    private int nextQualification;

    private WorkforceSimulation(long seed, LocalDate from, LocalDate to, WorkingDayCalendar calendar) {
        this.random = new Random(seed * 31 + 15);
        this.qualifications = new Random(seed * 31 + 8);
        this.ratings = new Random(seed * 31 + 27);
        this.from = from;
        this.to = to;
        this.calendar = calendar;
    }

    /** Every fact of the areas' workforce from {@code from} to {@code to}, in recorded order: 20 caseholding posts an area. */
    public static List<WorkforceEvent> generate(long seed, List<String> areaCodes, LocalDate from, LocalDate to,
                                                WorkingDayCalendar calendar) {
        WorkforceSimulation simulation = new WorkforceSimulation(seed, from, to, calendar);
        for (String area : areaCodes) {
            simulation.area(area, CASEHOLDING_POSTS);
        }
        return simulation.sorted();
    }

    /**
     * As {@link #generate(long, List, LocalDate, LocalDate, WorkingDayCalendar)}, with each area's
     * caseholding posts sized to the case simulation's work there: {@link #POSTS_PER_DAILY_REFERRAL}
     * per referral it receives a working day (at least 4).
     */
    public static List<WorkforceEvent> generate(long seed, java.util.Map<String, Double> referralsPerWorkingDay,
                                                LocalDate from, LocalDate to, WorkingDayCalendar calendar) {
        WorkforceSimulation simulation = new WorkforceSimulation(seed, from, to, calendar);
        referralsPerWorkingDay.forEach((area, referrals) -> simulation.area(area,
                (int) Math.max(4, Math.round(POSTS_PER_DAILY_REFERRAL * referrals))));
        return simulation.sorted();
    }

    /**
     * Each lowest area's share of the national referrals a working day, by under-18 population, as
     * the case simulation shares them; in the order given.
     */
    public static java.util.Map<String, Double> referralsByArea(List<org.casepulse.reference.Area> lowestAreas,
                                                                long nationalPopulation, double referralsPerWorkingDay) {
        java.util.Map<String, Double> byArea = new java.util.LinkedHashMap<>();
        for (org.casepulse.reference.Area area : lowestAreas) {
            byArea.put(area.code(), referralsPerWorkingDay * area.population() / (double) Math.max(1, nationalPopulation));
        }
        return byArea;
    }

    private List<WorkforceEvent> sorted() {
        facts.sort(Comparator.comparing(WorkforceEvent::getRecordedAt).thenComparing(WorkforceEvent::getEventId));
        return facts;
    }

    /** The team type of caseholding post {@code i} of {@code n}: the weights' shares, in order. */
    private static TeamType team(int i, int n) {
        int sum = 0;
        for (int weight : TEAM_WEIGHTS) {
            sum += weight;
        }
        double at = (i + 0.5) * sum / n;
        int reached = 0;
        for (int t = 0; t < TEAMS.length; t++) {
            reached += TEAM_WEIGHTS[t];
            if (at < reached) {
                return TEAMS[t];
            }
        }
        return TEAMS[TEAMS.length - 1];
    }

    private final class Post {
        final String id;
        final String area;
        final TeamType team;
        final StaffRole role;
        final double fte;
        PostFilling filling;
        String worker;
        LocalDate since;

        Post(String id, String area, TeamType team, StaffRole role, double fte) {
            this.id = id;
            this.area = area;
            this.team = team;
            this.role = role;
            this.fte = fte;
        }

        void record(LocalDate on, PostFilling filledBy, String workerId) {
            PostFilling before = filling;
            filling = filledBy;
            worker = workerId;
            since = on;
            facts.add(fact(WorkforceEventType.POST_RECORDED, area, on).setPostId(id).setTeamType(team).setRole(role)
                    .setFte(fte).setFilledBy(filledBy).setWorkerId(workerId).build());
            if (filledBy == PostFilling.PERMANENT) {
                joined(this, on);
                if (role == StaffRole.QUALIFIED_SOCIAL_WORKER) {
                    qualification(this, on, before);
                }
            }
        }
    }

    private void area(String area, int caseholdingPosts) {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < caseholdingPosts; i++) {
            StaffRole role = random.nextDouble() < ASSISTANTS ? StaffRole.SOCIAL_WORK_ASSISTANT : StaffRole.QUALIFIED_SOCIAL_WORKER;
            double fte = random.nextDouble() < 0.85 ? 1.0 : new double[] {0.5, 0.6, 0.8}[random.nextInt(3)];
            posts.add(new Post(area + "-P" + (i + 1), area, team(i, caseholdingPosts), role, fte));
        }
        posts.add(new Post(area + "-M1", area, TeamType.ASSESSMENT, StaffRole.MANAGER, 1.0));
        posts.add(new Post(area + "-M2", area, TeamType.SAFEGUARDING, StaffRole.MANAGER, 1.0));
        posts.add(new Post(area + "-B1", area, TeamType.OTHER, StaffRole.BUSINESS_SUPPORT, 1.0));
        for (Post post : posts) {
            double u = random.nextDouble();
            PostFilling filling = u < VACANT ? PostFilling.VACANT : u < VACANT + AGENCY ? PostFilling.AGENCY : PostFilling.PERMANENT;
            post.record(from, filling, filling == PostFilling.VACANT ? null : newWorker());
        }
        for (LocalDate month = from.withDayOfMonth(1).plusMonths(1); !month.isAfter(to); month = month.plusMonths(1)) {
            LocalDate day = firstWorkingDay(month);
            if (day.isAfter(to)) {
                break;
            }
            for (Post post : posts) {
                double u = random.nextDouble();
                switch (post.filling) {
                    case PERMANENT -> {
                        if (u < LEAVING_A_MONTH) {
                            post.record(day, PostFilling.VACANT, null);
                        }
                    }
                    case VACANT -> {
                        if (u < FILLED_A_MONTH) {
                            PostFilling by = random.nextDouble() < FILLED_BY_AGENCY ? PostFilling.AGENCY : PostFilling.PERMANENT;
                            post.record(day, by, newWorker());
                        }
                    }
                    case AGENCY -> {
                        if (u < MADE_PERMANENT_A_MONTH) {
                            post.record(day, PostFilling.PERMANENT, newWorker());
                        }
                    }
                }
            }
            for (Post post : posts) {
                if (post.filling == PostFilling.PERMANENT) {
                    sickness(post, month);
                }
            }
        }
    }

    /** A permanent member of staff joins: diversity monitoring now (nearly always), appraisals on each anniversary. */
    private void joined(Post post, LocalDate on) {
        if (random.nextDouble() < 0.998) {
            facts.add(fact(WorkforceEventType.DIVERSITY_RECORDED, post.area, on).setWorkerId(post.worker).build());
        }
        String worker = post.worker;
        // Staff in post at the start had their last appraisal some time in the year before.
        LocalDate appraisal = on.equals(from) ? on.minusDays(1 + random.nextInt(365)) : on.plusYears(1);
        for (; !appraisal.isAfter(to); appraisal = appraisal.plusYears(1)) {
            if (random.nextDouble() < APPRAISED && calendar.covers(appraisal)) {
                facts.add(fact(WorkforceEventType.APPRAISAL_COMPLETED, post.area, appraisal).setWorkerId(worker)
                        .setAppraisalRating(rating()).build());
            }
        }
    }

    /**
     * An appraisal's rating (WF8's scores): good or outstanding about 75% of the time, as 001's case
     * file audits are graded; a few held without a rating. From a random of its own, so the other
     * figures keep the values they had before ratings were simulated.
     */
    private AppraisalRating rating() {
        double u = ratings.nextDouble();
        if (u < UNRATED) {
            return null;
        }
        u = (u - UNRATED) / (1 - UNRATED);
        return u < OUTSTANDING ? AppraisalRating.OUTSTANDING
                : u < GOOD_OR_BETTER ? AppraisalRating.GOOD
                : u < GOOD_OR_BETTER + REQUIRES_IMPROVEMENT ? AppraisalRating.REQUIRES_IMPROVEMENT
                : AppraisalRating.INADEQUATE;
    }

    /**
     * Whether the new permanent social worker qualified in the year before: staff in post at the
     * start now and then, nearly all who fill a vacancy (straight after qualifying), and nearly half the
     * agency workers taken on (placed through an agency in their first months).
     */
    private void qualification(Post post, LocalDate on, PostFilling before) {
        double u = qualifications.nextDouble();
        LocalDate qualified;
        if (before == null && u < NEWLY_QUALIFIED_AT_START) {
            qualified = on.minusDays(qualifications.nextInt(365));
        } else if (before == PostFilling.VACANT && u < NEWLY_QUALIFIED_JOINERS) {
            qualified = on.minusDays(qualifications.nextInt(90));
        } else if (before == PostFilling.AGENCY && u < NEWLY_QUALIFIED_MADE_PERMANENT) {
            qualified = on.minusDays(30 + qualifications.nextInt(150));
        } else {
            return;
        }
        Instant recordedAt = on.atTime(9 + qualifications.nextInt(8), qualifications.nextInt(60)).atZone(LONDON).toInstant();
        facts.add(WorkforceEvent.newBuilder().setEventId(String.format("wf-q%06d", ++nextQualification)).setRevision(0)
                .setType(WorkforceEventType.QUALIFICATION_RECORDED).setAreaCode(post.area).setEffectiveOn(qualified)
                .setRecordedAt(recordedAt).setWorkerId(post.worker).build());
        // The assessed and supported year has its own review, about six months in (most held): without
        // it no newly qualified worker would be appraised before their first anniversary. From the
        // ratings' random, so that the other figures keep their values.
        LocalDate review = qualified.plusMonths(6).plusDays(ratings.nextInt(30));
        if (ratings.nextDouble() < APPRAISED && !review.isBefore(on) && !review.isAfter(to) && calendar.covers(review)) {
            facts.add(fact(WorkforceEventType.APPRAISAL_COMPLETED, post.area, review).setWorkerId(post.worker)
                    .setAppraisalRating(rating()).build());
        }
    }

    private void sickness(Post post, LocalDate month) {
        if (random.nextDouble() < SHORT_TERM_A_MONTH) {
            LocalDate first = month.plusDays(random.nextInt(20));
            absence(post, first, first.plusDays(1 + random.nextInt(3)), AbsenceType.SHORT_TERM);
        }
        if (random.nextDouble() < LONG_TERM_A_MONTH) {
            LocalDate first = month.plusDays(random.nextInt(20));
            absence(post, first, first.plusDays(20 + random.nextInt(40)), AbsenceType.LONG_TERM);
        }
    }

    private void absence(Post post, LocalDate first, LocalDate last, AbsenceType type) {
        if (first.isAfter(to) || !calendar.covers(last)) {
            return;
        }
        facts.add(fact(WorkforceEventType.ABSENCE_RECORDED, post.area, first).setWorkerId(post.worker)
                .setAbsenceType(type).setLastDay(last).build());
    }

    private WorkforceEvent.Builder fact(WorkforceEventType type, String area, LocalDate on) {
        LocalDate recorded = on.plusDays(random.nextInt(4));
        Instant recordedAt = recorded.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(LONDON).toInstant();
        return WorkforceEvent.newBuilder().setEventId(String.format("wf-%07d", ++nextFact)).setRevision(0).setType(type)
                .setAreaCode(area).setEffectiveOn(on).setRecordedAt(recordedAt);
    }

    private String newWorker() {
        return String.format("staff-%05d", ++nextWorker);
    }

    private LocalDate firstWorkingDay(LocalDate month) {
        LocalDate day = month;
        while (calendar.covers(day) && !calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
