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
        List<Facts> beforeByDay = new ArrayList<>(days.size());
        for (LocalDate day : days) {
            beforeByDay.add(before.apply(day));
        }
        return changes(days, beforeByDay, after);
    }

    /**
     * The same for a state changed in place by {@code change}: the facts on each day are taken
     * with {@code factsOn} before it runs and again after.
     */
    public static List<Dated> ofChangeInPlace(List<LocalDate> days, Function<LocalDate, Facts> factsOn, Runnable change) {
        List<Facts> beforeByDay = new ArrayList<>(days.size());
        for (LocalDate day : days) {
            beforeByDay.add(factsOn.apply(day));
        }
        change.run();
        return changes(days, beforeByDay, factsOn);
    }

    private static List<Dated> changes(List<LocalDate> days, List<Facts> beforeByDay, Function<LocalDate, Facts> after) {
        List<Dated> changes = new ArrayList<>();
        Facts previousBefore = new Facts();
        Facts previousAfter = new Facts();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            Facts dayBefore = beforeByDay.get(i);
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
