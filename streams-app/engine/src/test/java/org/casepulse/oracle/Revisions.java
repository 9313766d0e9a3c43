package org.casepulse.oracle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.casepulse.events.CaseEvent;

/**
 * The revision of every figure, straight from COUNTING.md section 6: each received event is
 * given its case's day (the latest recorded day of the case's events admitted so far, itself
 * included); the figures as they stood on a day are the batch computation over the events given
 * that day or an earlier one; a figure's revision is the number of days after the end of its
 * period's month on which its counts differ from those of the day before. Slow on purpose: one
 * whole batch computation per recorded day.
 */
final class Revisions {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Revisions() {}

    /**
     * @param figuresOf the batch computation over some of the received events
     * @param firstMonth the first month of the reporting window: no figure counts a day up to its end
     */
    static Map<FigureKey, Integer> of(List<CaseEvent> received, YearMonth firstMonth,
                                      Function<List<CaseEvent>, Map<FigureKey, ExpectedFigure>> figuresOf) {
        List<LocalDate> dayOfEvent = daysOf(received);
        LocalDate lastUncounted = firstMonth.atEndOfMonth();
        TreeSet<LocalDate> days = new TreeSet<>(dayOfEvent);

        Map<FigureKey, Integer> revisions = new HashMap<>();
        Map<FigureKey, ExpectedFigure> before = figuresOf.apply(upTo(received, dayOfEvent, lastUncounted));
        for (LocalDate day : days.tailSet(lastUncounted, false)) {
            Map<FigureKey, ExpectedFigure> on = figuresOf.apply(upTo(received, dayOfEvent, day));
            Set<FigureKey> keys = new HashSet<>(before.keySet());
            keys.addAll(on.keySet());
            for (FigureKey key : keys) {
                boolean ended = day.isAfter(YearMonth.from(key.periodEnd()).atEndOfMonth());
                if (ended && !sameCounts(before.get(key), on.get(key))) {
                    revisions.merge(key, 1, Integer::sum);
                }
            }
            before = on;
        }
        return revisions;
    }

    /** Per received event, its case's day: the running latest recorded day of the events admitted. */
    private static List<LocalDate> daysOf(List<CaseEvent> received) {
        Map<List<String>, Integer> heldRevision = new HashMap<>();
        Map<String, LocalDate> caseDay = new HashMap<>();
        List<LocalDate> days = new ArrayList<>(received.size());
        for (CaseEvent event : received) {
            List<String> identity = List.of(event.getCaseId(), event.getEventId());
            Integer held = heldRevision.get(identity);
            if (held == null || event.getRevision() > held) {
                heldRevision.put(identity, event.getRevision());
                LocalDate recorded = LocalDate.ofInstant(event.getRecordedAt(), LONDON);
                caseDay.merge(event.getCaseId(), recorded, (a, b) -> a.isAfter(b) ? a : b);
            }
            days.add(caseDay.get(event.getCaseId()));
        }
        return days;
    }

    private static List<CaseEvent> upTo(List<CaseEvent> received, List<LocalDate> dayOfEvent, LocalDate day) {
        List<CaseEvent> known = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            if (!dayOfEvent.get(i).isAfter(day)) {
                known.add(received.get(i));
            }
        }
        return known;
    }

    private static boolean sameCounts(ExpectedFigure a, ExpectedFigure b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.numerator() == b.numerator() && java.util.Objects.equals(a.denominator(), b.denominator());
    }
}
