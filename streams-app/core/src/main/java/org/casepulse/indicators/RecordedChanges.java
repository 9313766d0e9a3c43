package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a ledger whose facts depend on several cases (a child's, a worker's) sends when its state
 * changes: the change of its facts as they stood on each recorded day, day by day. The aggregates
 * then hold, for every day, the facts on that day minus those on the day before, whatever order
 * the cases' updates arrived in (COUNTING.md 6); their sum over the days is the plain change.
 */
public final class RecordedChanges {

    /** Changes attributed to one recorded day (null: known from the start). */
    public record Dated(LocalDate recordedOn, List<Fact> facts) {}

    private RecordedChanges() {}

    /**
     * @param days   in ascending order, null first if present: every recorded day whose facts may
     *               differ between the two states (the changed day and every later one), and no day
     *               before a difference
     * @param before the facts as they stood on a day, before the change
     * @param after  likewise, after it
     */
    public static List<Dated> of(List<LocalDate> days, Function<LocalDate, Facts> before, Function<LocalDate, Facts> after) {
        List<Dated> changes = new ArrayList<>();
        Facts previousBefore = new Facts();
        Facts previousAfter = new Facts();
        for (LocalDate day : days) {
            Facts dayBefore = before.apply(day);
            Facts dayAfter = after.apply(day);
            // (after - before) on this day, less what the previous days already account for
            List<Fact> change = Facts.sum(dayAfter, previousBefore, dayBefore, previousAfter);
            if (!change.isEmpty()) {
                changes.add(new Dated(day, change));
            }
            previousBefore = dayBefore;
            previousAfter = dayAfter;
        }
        return changes;
    }
}
