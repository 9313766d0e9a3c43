package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.casepulse.state.ChildSummary;

/**
 * The summaries of a child's cases as they stood on each recorded day: per case, one summary per
 * day it changed ({@code knownOn}), the latest of a day winning. The cross-case facts on a day are
 * worked out from each case's latest summary up to that day, so they do not depend on the order in
 * which the cases' updates reach the child (COUNTING.md 6).
 */
public final class ChildVersions {

    private final Map<String, NavigableMap<LocalDate, ChildSummary>> byCase = new TreeMap<>();

    private ChildVersions() {}

    public static ChildVersions of(List<ChildSummary> stored) {
        ChildVersions versions = new ChildVersions();
        stored.forEach(versions::put);
        return versions;
    }

    /** Records {@code summary} as its case's state from its day on (a summary without a referral: withdrawn). */
    public void put(ChildSummary summary) {
        byCase.computeIfAbsent(summary.getCaseId(), c -> new TreeMap<>()).put(dayOf(summary), summary);
    }

    /**
     * Keeps, per case, only the latest summary of the days up to {@code day} (and the later ones):
     * the state on any day from then on is unchanged, and no figure counts earlier days.
     */
    public void forgetThrough(LocalDate day) {
        byCase.values().removeIf(versions -> {
            Map.Entry<LocalDate, ChildSummary> latest = versions.floorEntry(day);
            if (latest != null) {
                versions.headMap(latest.getKey(), false).clear();
                if (latest.getValue().getReferralDate() == null) {
                    versions.remove(latest.getKey()); // withdrawn: absent either way
                }
            }
            return versions.isEmpty();
        });
    }

    /** Every day some case's summary changed on. */
    public NavigableSet<LocalDate> days() {
        NavigableSet<LocalDate> days = new TreeSet<>();
        byCase.values().forEach(versions -> days.addAll(versions.keySet()));
        return days;
    }

    /** The cases with a referral on {@code day}, each as its latest summary up to it. */
    public List<ChildSummary> on(LocalDate day) {
        List<ChildSummary> cases = new ArrayList<>();
        for (NavigableMap<LocalDate, ChildSummary> versions : byCase.values()) {
            Map.Entry<LocalDate, ChildSummary> latest = versions.floorEntry(day);
            if (latest != null && latest.getValue().getReferralDate() != null) {
                cases.add(latest.getValue());
            }
        }
        return cases;
    }

    /** Every version, for storage. */
    public List<ChildSummary> all() {
        List<ChildSummary> all = new ArrayList<>();
        byCase.values().forEach(versions -> all.addAll(versions.values()));
        return all;
    }

    public boolean isEmpty() {
        return byCase.isEmpty();
    }

    /** The day a summary counts from; a summary written before days were kept counts from the start. */
    public static LocalDate dayOf(ChildSummary summary) {
        return summary.getKnownOn() == null ? LocalDate.MIN : summary.getKnownOn();
    }
}
