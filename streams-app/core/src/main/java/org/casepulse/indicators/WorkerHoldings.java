package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How many cases one worker holds in one area over time, as day deltas, and from it the days the
 * worker starts or stops holding any case there: the changes to the area's distinct-worker count.
 */
public final class WorkerHoldings {

    private final NavigableMap<LocalDate, Long> deltas;

    private WorkerHoldings(NavigableMap<LocalDate, Long> deltas) {
        this.deltas = deltas;
    }

    public static WorkerHoldings of(List<LocalDate> dates, List<Long> deltas) {
        NavigableMap<LocalDate, Long> map = new TreeMap<>();
        for (int i = 0; i < dates.size(); i++) {
            map.put(dates.get(i), deltas.get(i));
        }
        return new WorkerHoldings(map);
    }

    public void apply(LocalDate date, long delta) {
        long sum = deltas.getOrDefault(date, 0L) + delta;
        if (sum == 0) {
            deltas.remove(date);
        } else {
            deltas.put(date, sum);
        }
    }

    /**
     * Folds the deltas before {@code horizon} into one delta on it. Counts from the horizon on are
     * unchanged, and so is every presence change from the horizon on; the changes before it move to
     * the horizon, where the series fold theirs too, so the published figures do not move.
     */
    public void foldBefore(LocalDate horizon) {
        NavigableMap<LocalDate, Long> old = deltas.headMap(horizon, false);
        if (old.isEmpty()) {
            return;
        }
        long sum = 0;
        for (long delta : old.values()) {
            sum += delta;
        }
        old.clear();
        apply(horizon, sum);
    }

    public NavigableMap<LocalDate, Long> deltas() {
        return deltas;
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** +1 on each day the held count turns positive, -1 on each day it returns to zero. */
    public Facts presence(String indicatorId, String areaCode) {
        Facts presence = new Facts();
        long held = 0;
        for (Map.Entry<LocalDate, Long> day : deltas.entrySet()) {
            long before = held;
            held += day.getValue();
            if (before <= 0 && held > 0) {
                presence.add(indicatorId, areaCode, day.getKey(), 0, 1);
            } else if (before > 0 && held <= 0) {
                presence.add(indicatorId, areaCode, day.getKey(), 0, -1);
            }
        }
        return presence;
    }
}
