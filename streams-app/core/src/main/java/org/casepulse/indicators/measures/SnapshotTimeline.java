package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.EventKinds;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Turns a case's snapshot state over time into day deltas: the state is evaluated on each date
 * where it may change, and only the changes are kept. Summed over cases, the count of a cell on
 * a day is the sum of its deltas up to that day.
 */
final class SnapshotTimeline {

    /** What every snapshot indicator reads besides its measure: the case is open from its referral to its closure. */
    static final long ALWAYS_READ = EventKinds.of(EventType.REFERRAL_RECEIVED, EventType.CASE_CLOSED);

    private final WorkingDayCalendar calendar;
    private final Map<IndicatorDefinition, SnapshotMeasure> measures;

    SnapshotTimeline(WorkingDayCalendar calendar, Map<IndicatorDefinition, SnapshotMeasure> measures) {
        this.calendar = calendar;
        this.measures = measures;
    }

    /**
     * @param from null to evaluate the whole timeline; else the date from which to evaluate it,
     *             the facts dated before it being known already (see CaseFacts#computeAfter)
     * @return for each indicator, the kinds of events its measure read ({@link EventKinds})
     */
    long[] contribute(CaseHistory history, List<IndicatorDefinition> indicators, Facts facts, LocalDate from) {
        long[] reads = new long[indicators.size()];
        if (indicators.isEmpty() || history.closedBeforeReferral()) {
            return reads;
        }
        OpenCase openCase = new OpenCase(history, calendar, facts);
        LocalDate referral = history.referralDate();
        CaseEvent closure = history.closure();
        LocalDate closed = closure == null ? null : closure.getOccurredOn();

        // Before the referral the case is not open; from its closure on, it never is again.
        boolean partial = from != null && from.isAfter(referral);
        LocalDate first = partial ? from : referral;
        DatesBetween dates = new DatesBetween(first, closed == null ? LocalDate.MAX : closed);
        for (CaseEvent event : history.events()) {
            dates.add(event.getOccurredOn());
        }
        history.takeReads();
        for (int i = 0; i < indicators.size(); i++) {
            measures.get(indicators.get(i)).thresholds(openCase, indicators.get(i), dates);
            reads[i] |= history.takeReads();
        }
        if (closed != null && first.isAfter(closed)) {
            return reads; // the change lies after the closure: nothing to evaluate
        }

        // Two day states, swapped: the changes from one date to the next are what is kept.
        DayState previous = new DayState();
        DayState current = new DayState();
        if (partial) {
            // The state is constant from the last date before `from` to the day before it.
            LocalDate dayBefore = from.minusDays(1);
            if (openCase.isOpenOn(dayBefore)) {
                evaluate(openCase, indicators, dayBefore, previous, reads);
            }
        }
        for (LocalDate date : dates) {
            current.clear();
            if (openCase.isOpenOn(date)) {
                evaluate(openCase, indicators, date, current, reads);
            }
            Map<Fact.Cell, long[]> now = current.counts();
            Map<Fact.Cell, long[]> before = previous.counts();
            now.forEach((cell, counts) -> {
                long[] was = before.getOrDefault(cell, ZERO);
                addChange(facts, cell, date, counts[0] - was[0], counts[1] - was[1]);
            });
            before.forEach((cell, was) -> {
                if (!now.containsKey(cell)) {
                    addChange(facts, cell, date, -was[0], -was[1]);
                }
            });
            DayState swap = previous;
            previous = current;
            current = swap;
        }
        return reads;
    }

    private void evaluate(OpenCase openCase, List<IndicatorDefinition> indicators, LocalDate date, DayState state,
                          long[] reads) {
        CaseHistory history = openCase.history();
        history.takeReads();
        for (int i = 0; i < indicators.size(); i++) {
            measures.get(indicators.get(i)).stateOn(openCase, indicators.get(i), date, state);
            reads[i] |= history.takeReads();
        }
    }

    private static void addChange(Facts facts, Fact.Cell cell, LocalDate date, long numerator, long denominator) {
        if (numerator != 0 || denominator != 0) {
            facts.add(new Fact.Cell(cell.indicatorId(), cell.areaCode(), cell.workerId(), date), numerator, denominator);
        }
    }

    private static final long[] ZERO = new long[2];
}
