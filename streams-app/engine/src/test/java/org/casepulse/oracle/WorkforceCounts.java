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

    WorkforceCounts(List<WorkforceEvent> received, AreaRollup rollup) {
        this.rollup = rollup;
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

    /** 14.3: the posts measure at T in the area (its own posts and those of the areas under it). */
    Counts at(IndicatorDefinition indicator, LocalDate t, String areaCode) {
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
            if (selection.roles() != null && !selection.roles().contains(inForce.getRole())) {
                continue;
            }
            long weight = selection.byPosts() ? 1 : Math.round(inForce.getFte() * 100);
            denominator += weight;
            if (selection.filledBy().contains(inForce.getFilledBy())
                    && (selection.filledRoles() == null || selection.filledRoles().contains(inForce.getRole()))) {
                numerator += weight;
            }
        }
        return new Counts(numerator, denominator);
    }
}
