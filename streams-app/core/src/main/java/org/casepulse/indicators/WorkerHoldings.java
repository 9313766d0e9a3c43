package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many cases one worker holds in one area over time, as day deltas, and from it the days the
 * worker starts or stops holding any case there: the changes to the area's distinct-worker count.
 * Each delta also carries the day it was recorded (null: known from the start), so the presence
 * can be worked out as it stood on any recorded day: revisions count those (COUNTING.md 6).
 */
public final class WorkerHoldings {

    /** Internal stand-in for "known from the start". */
    private static final LocalDate FROM_THE_START = LocalDate.MIN;

    /** Day of the holding change, then recorded day, to the change in cases held. */
    private final NavigableMap<LocalDate, NavigableMap<LocalDate, Long>> deltas = new TreeMap<>();

    private WorkerHoldings() {}

    /** @param recordedOn per delta, its recorded day or null; an empty list: all known from the start */
    public static WorkerHoldings of(List<LocalDate> dates, List<Long> deltas, List<LocalDate> recordedOn) {
        WorkerHoldings holdings = new WorkerHoldings();
        for (int i = 0; i < dates.size(); i++) {
            holdings.apply(dates.get(i), recordedOn.isEmpty() ? null : recordedOn.get(i), deltas.get(i));
        }
        return holdings;
    }

    public static WorkerHoldings of(List<LocalDate> dates, List<Long> deltas) {
        return of(dates, deltas, List.of());
    }

    public void apply(LocalDate date, LocalDate recordedOn, long delta) {
        NavigableMap<LocalDate, Long> day = deltas.computeIfAbsent(date, d -> new TreeMap<>());
        LocalDate tag = recordedOn == null ? FROM_THE_START : recordedOn;
        long sum = day.getOrDefault(tag, 0L) + delta;
        if (sum == 0) {
            day.remove(tag);
        } else {
            day.put(tag, sum);
        }
        if (day.isEmpty()) {
            deltas.remove(date);
        }
    }

    public void apply(LocalDate date, long delta) {
        apply(date, null, delta);
    }

    /**
     * Folds the deltas before {@code horizon} into one delta on it. Counts from the horizon on are
     * unchanged, and so is every presence change from the horizon on; the changes before it move to
     * the horizon, where the series fold theirs too, so the published figures do not move.
     */
    public void foldBefore(LocalDate horizon) {
        NavigableMap<LocalDate, NavigableMap<LocalDate, Long>> old = deltas.headMap(horizon, false);
        if (old.isEmpty()) {
            return;
        }
        List<NavigableMap<LocalDate, Long>> folded = List.copyOf(old.values());
        old.clear();
        for (NavigableMap<LocalDate, Long> day : folded) {
            day.forEach((tag, delta) -> apply(horizon, tag == FROM_THE_START ? null : tag, delta));
        }
    }

    /** Treats the deltas recorded on or before {@code day} as known from the start: no figure counts those days any more. */
    public void forgetRecordedThrough(LocalDate day) {
        // Called for every change: finding nothing to forget must not copy or allocate per day.
        List<LocalDate> dates = null;
        for (Map.Entry<LocalDate, NavigableMap<LocalDate, Long>> date : deltas.entrySet()) {
            LocalDate firstRecorded = date.getValue().higherKey(FROM_THE_START);
            if (firstRecorded != null && !firstRecorded.isAfter(day)) {
                if (dates == null) {
                    dates = new ArrayList<>();
                }
                dates.add(date.getKey());
            }
        }
        if (dates == null) {
            return;
        }
        for (LocalDate date : dates) {
            NavigableMap<LocalDate, Long> old = deltas.get(date).subMap(FROM_THE_START, false, day, true);
            long sum = 0;
            for (long delta : old.values()) {
                sum += delta;
            }
            old.clear();
            apply(date, null, sum);
        }
    }

    /** The recorded days of the deltas, those known from the start left out. */
    public NavigableSet<LocalDate> recordedDays() {
        NavigableSet<LocalDate> days = new TreeSet<>();
        for (NavigableMap<LocalDate, Long> day : deltas.values()) {
            days.addAll(day.keySet());
        }
        days.remove(FROM_THE_START);
        return days;
    }

    /** Each delta as (date, recordedOn or null, delta), for storage. */
    public void forEach(DeltaConsumer consumer) {
        deltas.forEach((date, day) -> day.forEach(
                (tag, delta) -> consumer.accept(date, tag == FROM_THE_START ? null : tag, delta)));
    }

    /** Receives one stored delta. */
    public interface DeltaConsumer {
        void accept(LocalDate date, LocalDate recordedOn, long delta);
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** +1 on each day the held count turns positive, -1 on each day it returns to zero. */
    public Facts presence(String indicatorId, String areaCode) {
        return presence(indicatorId, areaCode, LocalDate.MAX);
    }

    /** The presence as it stood with the deltas recorded on or before {@code asOf} (null: known from the start only). */
    public Facts presence(String indicatorId, String areaCode, LocalDate asOf) {
        LocalDate through = asOf == null ? FROM_THE_START : asOf;
        Facts presence = new Facts();
        long held = 0;
        for (Map.Entry<LocalDate, NavigableMap<LocalDate, Long>> day : deltas.entrySet()) {
            long before = held;
            for (Map.Entry<LocalDate, Long> recorded : day.getValue().entrySet()) {
                if (recorded.getKey().isAfter(through)) {
                    break;
                }
                held += recorded.getValue();
            }
            if (before <= 0 && held > 0) {
                presence.add(indicatorId, areaCode, day.getKey(), 0, 1);
            } else if (before > 0 && held <= 0) {
                presence.add(indicatorId, areaCode, day.getKey(), 0, -1);
            }
        }
        return presence;
    }
}
