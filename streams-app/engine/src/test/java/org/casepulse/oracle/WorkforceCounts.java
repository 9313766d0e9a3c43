package org.casepulse.oracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;

/**
 * The workforce figures recomputed from COUNTING.md 14, straight from the facts as received, with
 * none of the engine's code: for a date T, each post's version in force at T is looked up by
 * scanning its versions, and the posts in establishment are added up. Slow on purpose.
 */
final class WorkforceCounts {

    private static final Comparator<WorkforceEvent> ORDER = Comparator.comparing(WorkforceEvent::getEffectiveOn)
            .thenComparing(WorkforceEvent::getRecordedAt).thenComparing(WorkforceEvent::getEventId);

    /** Per post: its effective versions (recorded and disestablished), in order. */
    private final Map<String, List<WorkforceEvent>> posts = new LinkedHashMap<>();
    private final AreaRollup rollup;
    private final org.casepulse.calendar.WorkingDayCalendar calendar;
    /** Per worker: its effective facts (absences, appraisals, diversity, qualification). */
    private final Map<String, List<WorkforceEvent>> workerFacts = new LinkedHashMap<>();

    WorkforceCounts(List<WorkforceEvent> received, AreaRollup rollup, org.casepulse.calendar.WorkingDayCalendar calendar) {
        this.rollup = rollup;
        this.calendar = calendar;
        // 14.1: the highest revision of each (subject, eventId); an equal one is a duplicate.
        Map<List<String>, WorkforceEvent> held = new LinkedHashMap<>();
        for (WorkforceEvent fact : received) {
            List<String> identity = List.of(subject(fact), fact.getEventId());
            WorkforceEvent current = held.get(identity);
            if (current == null || fact.getRevision() > current.getRevision()) {
                held.put(identity, fact);
            }
        }
        Set<List<String>> retracted = new HashSet<>();
        for (WorkforceEvent fact : held.values()) {
            if (fact.getType() == WorkforceEventType.EVENT_RETRACTED) {
                retracted.add(List.of(subject(fact), fact.getRetractsEventId()));
            }
        }
        held.forEach((identity, fact) -> {
            boolean version = fact.getType() == WorkforceEventType.POST_RECORDED
                    || fact.getType() == WorkforceEventType.POST_DISESTABLISHED;
            if (version && !retracted.contains(identity)) {
                posts.computeIfAbsent(fact.getPostId(), id -> new ArrayList<>()).add(fact);
            } else if (!version && fact.getType() != WorkforceEventType.EVENT_RETRACTED && !retracted.contains(identity)) {
                workerFacts.computeIfAbsent(fact.getWorkerId(), id -> new ArrayList<>()).add(fact);
            }
        });
        posts.values().forEach(versions -> versions.sort(ORDER));
    }

    private static String subject(WorkforceEvent fact) {
        boolean post = fact.getType() == WorkforceEventType.POST_RECORDED
                || fact.getType() == WorkforceEventType.POST_DISESTABLISHED
                || (fact.getType() == WorkforceEventType.EVENT_RETRACTED && fact.getPostId() != null);
        return post ? "post:" + fact.getPostId() : "worker:" + fact.getWorkerId();
    }

    /**
     * 14.4: permanent staff in post at T, each once at the area of the post with the smallest
     * postId they hold, and those appraised within the window or with diversity recorded by T.
     */
    Counts staffAt(IndicatorDefinition indicator, LocalDate t, String areaCode) {
        if (indicator.measure() == org.casepulse.indicators.MeasureKind.SICKNESS_ABSENCE) {
            return sicknessTo(indicator, t, areaCode);
        }
        Map<String, WorkforceEvent> heldPost = staffInPost(t);
        long numerator = 0;
        long denominator = 0;
        for (Map.Entry<String, WorkforceEvent> staff : heldPost.entrySet()) {
            if (!rollup.rollsUpTo(staff.getValue().getAreaCode(), areaCode) || !inPopulation(indicator, staff.getKey(), t)) {
                continue;
            }
            denominator++;
            if (indicator.measure() == org.casepulse.indicators.MeasureKind.STAFF_APPRAISED) {
                numerator += latestAppraisalCounts(indicator, workerFacts.getOrDefault(staff.getKey(), List.of()), t) ? 1 : 0;
                continue;
            }
            boolean counted = false;
            for (WorkforceEvent fact : workerFacts.getOrDefault(staff.getKey(), List.of())) {
                LocalDate on = fact.getEffectiveOn();
                if (indicator.measure() == org.casepulse.indicators.MeasureKind.STAFF_DIVERSITY_RECORDED
                        && fact.getType() == WorkforceEventType.DIVERSITY_RECORDED) {
                    counted |= !on.isAfter(t);
                }
            }
            numerator += counted ? 1 : 0;
        }
        return new Counts(numerator, denominator);
    }

    /** 14.4 and 14.9: the permanent staff in post at T counted in the area (the denominator of audits-per-worker). */
    long staffInPostAt(LocalDate t, String areaCode) {
        return staffInPost(t).values().stream().filter(post -> rollup.rollsUpTo(post.getAreaCode(), areaCode)).count();
    }

    /**
     * 14.4 and 14.7: the worker's appraisals dated on or before T; the latest date among them must
     * fall in the window to T, and with ratedAtLeast one appraisal of that date must carry a rating
     * at that level or better (an unrated one never does).
     */
    private static boolean latestAppraisalCounts(IndicatorDefinition indicator, List<WorkforceEvent> facts, LocalDate t) {
        LocalDate latest = null;
        for (WorkforceEvent fact : facts) {
            if (fact.getType() == WorkforceEventType.APPRAISAL_COMPLETED && !fact.getEffectiveOn().isAfter(t)
                    && (latest == null || fact.getEffectiveOn().isAfter(latest))) {
                latest = fact.getEffectiveOn();
            }
        }
        if (latest == null || !t.minus(indicator.parameters().within()).isBefore(latest)) {
            return false;
        }
        org.casepulse.workforce.AppraisalRating threshold = indicator.parameters().ratedAtLeast();
        if (threshold == null) {
            return true;
        }
        List<org.casepulse.workforce.AppraisalRating> bestFirst = List.of(org.casepulse.workforce.AppraisalRating.OUTSTANDING,
                org.casepulse.workforce.AppraisalRating.GOOD, org.casepulse.workforce.AppraisalRating.REQUIRES_IMPROVEMENT,
                org.casepulse.workforce.AppraisalRating.INADEQUATE);
        for (WorkforceEvent fact : facts) {
            if (fact.getType() == WorkforceEventType.APPRAISAL_COMPLETED && fact.getEffectiveOn().equals(latest)
                    && fact.getAppraisalRating() != null
                    && bestFirst.indexOf(fact.getAppraisalRating()) <= bestFirst.indexOf(threshold)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 14.7: with population newly-qualified, only a worker with an effective qualification dated q,
     * q <= day and day before q plus 12 months; otherwise every worker.
     */
    private boolean inPopulation(IndicatorDefinition indicator, String workerId, LocalDate day) {
        if (!"newly-qualified".equals(indicator.parameters().population())) {
            return true;
        }
        for (WorkforceEvent fact : workerFacts.getOrDefault(workerId, List.of())) {
            if (fact.getType() == WorkforceEventType.QUALIFICATION_RECORDED && !fact.getEffectiveOn().isAfter(day)
                    && fact.getEffectiveOn().plusMonths(12).isAfter(day)) {
                return true;
            }
        }
        return false;
    }

    /** Each permanent worker in post at T, with the version of the smallest postId they hold. */
    private Map<String, WorkforceEvent> staffInPost(LocalDate t) {
        Map<String, WorkforceEvent> heldPost = new java.util.TreeMap<>();
        for (Map.Entry<String, List<WorkforceEvent>> post : new java.util.TreeMap<>(posts).entrySet()) {
            WorkforceEvent inForce = inForce(post.getValue(), t);
            if (inForce != null && inForce.getType() == WorkforceEventType.POST_RECORDED
                    && inForce.getFilledBy() == org.casepulse.workforce.PostFilling.PERMANENT) {
                heldPost.putIfAbsent(inForce.getWorkerId(), inForce); // posts in postId order: the smallest first
            }
        }
        return heldPost;
    }

    /** 14.5: FTE working days of the month of T, up to T, of staff in post, and those lost to absence of the type. */
    private Counts sicknessTo(IndicatorDefinition indicator, LocalDate t, String areaCode) {
        long lost = 0;
        long available = 0;
        for (LocalDate day = t.withDayOfMonth(1); !day.isAfter(t); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (Map.Entry<String, WorkforceEvent> staff : staffInPost(day).entrySet()) {
                if (!rollup.rollsUpTo(staff.getValue().getAreaCode(), areaCode) || !inPopulation(indicator, staff.getKey(), day)) {
                    continue;
                }
                long fte = Math.round(staff.getValue().getFte() * 100);
                available += fte;
                for (WorkforceEvent fact : workerFacts.getOrDefault(staff.getKey(), List.of())) {
                    if (fact.getType() == WorkforceEventType.ABSENCE_RECORDED
                            && fact.getAbsenceType() == indicator.parameters().absenceType()
                            && !fact.getEffectiveOn().isAfter(day) && !fact.getLastDay().isBefore(day)) {
                        lost += fte;
                        break;
                    }
                }
            }
        }
        return new Counts(lost, available);
    }

    /** The last version in order with effectiveOn <= T; a same-day later version overtakes it. */
    private static WorkforceEvent inForce(List<WorkforceEvent> versions, LocalDate t) {
        WorkforceEvent inForce = null;
        for (WorkforceEvent version : versions) {
            if (!version.getEffectiveOn().isAfter(t)) {
                inForce = version;
            }
        }
        return inForce;
    }

    /** 14.3: the posts measure at T in the area (its own posts and those of the areas under it). */
    Counts at(IndicatorDefinition indicator, LocalDate t, String areaCode) {
        if (indicator.measure().isStaff()) {
            return staffAt(indicator, t, areaCode);
        }
        MeasureParameters.PostSelection selection = indicator.parameters().posts();
        long numerator = 0;
        long denominator = 0;
        for (List<WorkforceEvent> versions : posts.values()) {
            WorkforceEvent inForce = null;
            for (WorkforceEvent version : versions) {
                if (!version.getEffectiveOn().isAfter(t)) {
                    inForce = version; // the last in order with effectiveOn <= T
                }
            }
            if (inForce == null || inForce.getType() != WorkforceEventType.POST_RECORDED
                    || !rollup.rollsUpTo(inForce.getAreaCode(), areaCode)) {
                continue;
            }
            if ((selection.roles() != null && !selection.roles().contains(inForce.getRole()))
                    || (selection.teamTypes() != null && !selection.teamTypes().contains(inForce.getTeamType()))) {
                continue;
            }
            long weight = selection.byPosts() ? 1 : Math.round(inForce.getFte() * 100);
            denominator += weight;
            if (selection.filledBy().contains(inForce.getFilledBy())
                    && (selection.filledRoles() == null || selection.filledRoles().contains(inForce.getRole()))) {
                numerator += weight;
            }
        }
        // 14.8: caseload-per-fte takes the posts filled as asked as its denominator (the cases are counted elsewhere).
        return indicator.measure().isCasesOverPosts() ? new Counts(0, numerator) : new Counts(numerator, denominator);
    }
}
