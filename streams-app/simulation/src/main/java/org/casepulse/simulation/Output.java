package org.casepulse.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Records waiting to be sent, by the day they are sent on. A day's records are released, in send
 * order, once that day has been simulated: nothing simulated later is sent earlier, because events
 * are recorded on or after their own day and faults follow what they fault. Records sent after
 * the last day never arrive.
 */
final class Output {
    private static final Comparator<Pending> SEND_ORDER =
            Comparator.comparingLong(Pending::sendAt).thenComparingLong(Pending::sequence);

    private final DayIndex days;
    private final List<List<Pending>> byDay;
    private long sequence;

    Output(DayIndex days) {
        this.days = days;
        this.byDay = new ArrayList<>(days.days());
        for (int day = 0; day < days.days(); day++) {
            byDay.add(null);
        }
    }

    /** Queues the record to be sent at {@code sendAtMillis}, which falls on or after {@code notBeforeDay}. */
    void send(SimulatedRecord record, long sendAtMillis, int notBeforeDay) {
        int day = days.dayOf(sendAtMillis, notBeforeDay);
        if (day == DayIndex.NEVER) {
            return;
        }
        List<Pending> pending = byDay.get(day);
        if (pending == null) {
            pending = new ArrayList<>();
            byDay.set(day, pending);
        }
        pending.add(new Pending(sendAtMillis, sequence++, record));
    }

    /** The records sent on {@code day}, in send order; the day can take no more. */
    List<SimulatedRecord> release(int day) {
        List<Pending> pending = byDay.set(day, null);
        if (pending == null) {
            return List.of();
        }
        pending.sort(SEND_ORDER);
        List<SimulatedRecord> records = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            records.add(p.record());
        }
        return records;
    }

    private record Pending(long sendAt, long sequence, SimulatedRecord record) {}
}
