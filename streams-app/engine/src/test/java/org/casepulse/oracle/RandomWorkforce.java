package org.casepulse.oracle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.workforce.AbsenceType;
import org.casepulse.workforce.AppraisalRating;
import org.casepulse.workforce.PostFilling;
import org.casepulse.workforce.StaffRole;
import org.casepulse.workforce.TeamType;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;

/**
 * Seeded generator of small, nasty workforce histories for the differential test: posts of every
 * role in a few areas, several versions each (filled, vacant, agency, moved to another team, a
 * new FTE), some on the same day, some disestablished and re-established, dates over about 20
 * months up to {@code today} and a few after it; amendments that move a version's date, area,
 * filling or FTE; exact duplicates, same-revision variants (the first received wins) and lower
 * revisions arriving late; retractions of versions, of retractions and of ids that never existed;
 * worker facts (absences, appraisals rated or not, diversity, qualifications) beside them; all in shuffled order. Every fact is
 * valid on its own. Event ids repeat across posts, as an id only names a fact within its subject.
 */
public final class RandomWorkforce {

    private static final double[] FTES = {1.0, 1.0, 0.5, 0.81, 0.6, 0.2};
    private static final StaffRole[] ROLES = StaffRole.values();
    private static final PostFilling[] FILLINGS = PostFilling.values();

    private final Random random;
    private final LocalDate today;
    private final List<String> areas;

    private RandomWorkforce(long seed, LocalDate today) {
        this.random = new Random(seed * 7919);
        this.today = today;
        List<String> all = AreaHierarchy.defaults().lowest().stream().map(Area::code).sorted().toList();
        this.areas = all.subList(0, Math.min(4, all.size()));
    }

    public static List<WorkforceEvent> generate(long seed, int posts, LocalDate today) {
        return new RandomWorkforce(seed, today).history(posts);
    }

    private List<WorkforceEvent> history(int posts) {
        List<WorkforceEvent> arrivals = new ArrayList<>();
        for (int i = 1; i <= posts; i++) {
            arrivals.addAll(mutated(post("post-" + i)));
        }
        for (int w = 1; w <= 3; w++) {
            String worker = "worker-" + w;
            // Each worker holds one post for good, with an appraisal, diversity recorded and absences of
            // both kinds in the last months; then facts of any kind.
            arrivals.add(version("V1", "post-0" + w, today.minusDays(400 + random.nextInt(100)), areas.get(w % areas.size()),
                    StaffRole.QUALIFIED_SOCIAL_WORKER, 1.0, PostFilling.PERMANENT));
            arrivals.set(arrivals.size() - 1, WorkforceEvent.newBuilder(arrivals.get(arrivals.size() - 1)).setWorkerId(worker).build());
            WorkforceEvent appraisal = WorkforceEvent.newBuilder(workerFact("G1", WorkforceEventType.APPRAISAL_COMPLETED, worker))
                    .setEffectiveOn(today.minusDays(30 + random.nextInt(200))).build();
            if (w == 1 && appraisal.getAppraisalRating() != AppraisalRating.OUTSTANDING) {
                // Someone appraised good or better, so the ratedAtLeast entries have a numerator to count.
                appraisal = WorkforceEvent.newBuilder(appraisal).setAppraisalRating(AppraisalRating.GOOD).build();
            }
            arrivals.add(appraisal);
            if (random.nextInt(3) == 0) {
                // A second appraisal the same day, rated otherwise: the best of the latest date counts (14.7).
                arrivals.add(WorkforceEvent.newBuilder(workerFact("G3", WorkforceEventType.APPRAISAL_COMPLETED, worker))
                        .setEffectiveOn(appraisal.getEffectiveOn()).build());
            }
            arrivals.add(workerFact("G2", WorkforceEventType.DIVERSITY_RECORDED, worker));
            for (AbsenceType type : AbsenceType.values()) {
                LocalDate first = today.minusDays(10 + random.nextInt(150));
                arrivals.add(WorkforceEvent.newBuilder(workerFact("S" + type.ordinal(), WorkforceEventType.ABSENCE_RECORDED, worker))
                        .setEffectiveOn(first).setLastDay(first.plusDays(type == AbsenceType.SHORT_TERM ? 2 : 30))
                        .setAbsenceType(type).build());
            }
            // Qualified within the year of the histories' months, so newly qualified for part of them (WF8).
            arrivals.add(WorkforceEvent.newBuilder(workerFact("Q1", WorkforceEventType.QUALIFICATION_RECORDED, worker))
                    .setEffectiveOn(today.minusDays(random.nextInt(500))).build());
            int facts = 2 + random.nextInt(5);
            for (int f = 1; f <= facts; f++) {
                WorkforceEventType type = switch (random.nextInt(4)) {
                    case 0 -> WorkforceEventType.ABSENCE_RECORDED;
                    case 1 -> WorkforceEventType.APPRAISAL_COMPLETED;
                    case 2 -> WorkforceEventType.QUALIFICATION_RECORDED;
                    default -> WorkforceEventType.DIVERSITY_RECORDED;
                };
                WorkforceEvent fact = workerFact("F" + f, type, worker);
                arrivals.add(fact);
                switch (random.nextInt(5)) {
                    case 0 -> arrivals.add(WorkforceEvent.newBuilder(fact).setRevision(1)
                            .setEffectiveOn(fact.getEffectiveOn().minusDays(random.nextInt(400)))
                            .setAppraisalRating(fact.getAppraisalRating() == null ? null : rating())
                            .setRecordedAt(fact.getRecordedAt().plusSeconds(86_400)).build()); // amendment moving the date (and a rating)
                    case 1 -> arrivals.add(WorkforceEvent.newBuilder().setEventId("X" + f).setType(WorkforceEventType.EVENT_RETRACTED)
                            .setAreaCode(fact.getAreaCode()).setEffectiveOn(fact.getEffectiveOn())
                            .setRecordedAt(fact.getRecordedAt().plusSeconds(7_200)).setWorkerId(worker)
                            .setRetractsEventId(fact.getEventId()).build());
                    default -> {
                        // as first written
                    }
                }
            }
        }
        Collections.shuffle(arrivals, random);
        return arrivals;
    }

    /** A post as HR first wrote it: versions in time, perhaps a disestablishment. */
    private List<WorkforceEvent> post(String postId) {
        List<WorkforceEvent> versions = new ArrayList<>();
        LocalDate date = today.minusDays(600 - random.nextInt(200));
        int count = 1 + random.nextInt(5);
        StaffRole role = ROLES[random.nextInt(ROLES.length)];
        for (int v = 1; v <= count; v++) {
            if (v > 1 && random.nextInt(6) == 0) {
                versions.add(disestablished("V" + v, postId, date));
            } else {
                versions.add(version("V" + v, postId, date, areas.get(random.nextInt(areas.size())), role,
                        FTES[random.nextInt(FTES.length)], FILLINGS[random.nextInt(FILLINGS.length)]));
            }
            // Same day now and then; a few versions after today.
            date = date.plusDays(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(180));
        }
        return versions;
    }

    private List<WorkforceEvent> mutated(List<WorkforceEvent> versions) {
        List<WorkforceEvent> out = new ArrayList<>();
        int retractions = 0;
        for (WorkforceEvent version : versions) {
            out.add(version);
            switch (random.nextInt(9)) {
                case 0 -> out.add(amended(version, 1)); // amendment
                case 1 -> {
                    out.add(amended(version, 2));
                    out.add(amended(version, 1)); // a lower revision arriving late: ignored
                }
                case 2 -> out.add(WorkforceEvent.newBuilder(version).build()); // exact duplicate
                case 3 -> out.add(amended(version, 0)); // same revision, other content: the first received wins
                case 4 -> {
                    retractions++;
                    out.add(retraction("R" + retractions, version, version.getEventId()));
                }
                case 5 -> {
                    retractions++;
                    WorkforceEvent retraction = retraction("R" + retractions, version, version.getEventId());
                    out.add(retraction);
                    retractions++;
                    out.add(retraction("R" + retractions, version, retraction.getEventId())); // retracting a retraction
                }
                case 6 -> {
                    retractions++;
                    out.add(retraction("R" + retractions, version, "never-" + retractions));
                }
                default -> {
                    // as first written
                }
            }
        }
        return out;
    }

    /** A later (or equal) revision that moves the date, area, filling or FTE. */
    private WorkforceEvent amended(WorkforceEvent version, int revision) {
        WorkforceEvent.Builder amended = WorkforceEvent.newBuilder(version).setRevision(version.getRevision() + revision)
                .setRecordedAt(version.getRecordedAt().plusSeconds(86_400L * (1 + random.nextInt(40))));
        switch (random.nextInt(4)) {
            case 0 -> amended.setEffectiveOn(version.getEffectiveOn().plusDays(random.nextInt(61) - 30));
            case 1 -> amended.setAreaCode(areas.get(random.nextInt(areas.size())));
            case 2 -> {
                if (version.getType() == WorkforceEventType.POST_RECORDED) {
                    PostFilling filling = FILLINGS[random.nextInt(FILLINGS.length)];
                    amended.setFilledBy(filling).setWorkerId(filling == PostFilling.VACANT ? null : "worker-" + (1 + random.nextInt(3)));
                }
            }
            default -> {
                if (version.getType() == WorkforceEventType.POST_RECORDED) {
                    amended.setFte(FTES[random.nextInt(FTES.length)]);
                }
            }
        }
        return amended.build();
    }

    private WorkforceEvent version(String id, String postId, LocalDate date, String area, StaffRole role, double fte,
                                   PostFilling filling) {
        return WorkforceEvent.newBuilder().setEventId(id).setType(WorkforceEventType.POST_RECORDED).setAreaCode(area)
                .setEffectiveOn(date).setRecordedAt(recorded(date)).setPostId(postId)
                .setTeamType(TeamType.values()[random.nextInt(TeamType.values().length)]).setRole(role).setFte(fte)
                .setFilledBy(filling).setWorkerId(filling == PostFilling.VACANT ? null : "worker-" + (1 + random.nextInt(3)))
                .build();
    }

    private WorkforceEvent disestablished(String id, String postId, LocalDate date) {
        return WorkforceEvent.newBuilder().setEventId(id).setType(WorkforceEventType.POST_DISESTABLISHED)
                .setAreaCode(areas.get(0)).setEffectiveOn(date).setRecordedAt(recorded(date)).setPostId(postId).build();
    }

    private WorkforceEvent retraction(String id, WorkforceEvent of, String target) {
        return WorkforceEvent.newBuilder().setEventId(id).setType(WorkforceEventType.EVENT_RETRACTED)
                .setAreaCode(of.getAreaCode()).setEffectiveOn(of.getEffectiveOn())
                .setRecordedAt(of.getRecordedAt().plusSeconds(3_600L * (1 + random.nextInt(200))))
                .setPostId(of.getPostId()).setRetractsEventId(target).build();
    }

    private WorkforceEvent workerFact(String id, WorkforceEventType type, String worker) {
        LocalDate date = today.minusDays(random.nextInt(560));
        WorkforceEvent.Builder fact = WorkforceEvent.newBuilder().setEventId(id).setType(type)
                .setAreaCode(areas.get(random.nextInt(areas.size()))).setEffectiveOn(date).setRecordedAt(recorded(date))
                .setWorkerId(worker);
        if (type == WorkforceEventType.ABSENCE_RECORDED) {
            fact.setAbsenceType(random.nextBoolean() ? AbsenceType.SHORT_TERM : AbsenceType.LONG_TERM)
                    .setLastDay(date.plusDays(random.nextInt(20)));
        }
        if (type == WorkforceEventType.APPRAISAL_COMPLETED) {
            fact.setAppraisalRating(rating());
        }
        return fact.build();
    }

    /** An appraisal's rating, or none (a fifth of them): every symbol, unrated ones too (14.7). */
    private AppraisalRating rating() {
        int pick = random.nextInt(5);
        return pick == 4 ? null : AppraisalRating.values()[pick];
    }

    private Instant recorded(LocalDate date) {
        return date.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(java.time.ZoneId.of("Europe/London"))
                .toInstant().plusSeconds(86_400L * random.nextInt(30));
    }
}
