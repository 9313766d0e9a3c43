package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.VisitType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;

/**
 * visit-timeliness (private fostering, population current): at T, the visits dated on or before T
 * of the arrangements active at T, of the chosen year of the arrangement, at the case's area at T;
 * the numerator the timely ones (COUNTING.md 9). A visit belongs to the arrangement it is inside
 * (latest start, then smallest arrangementId); its previous visit is the one before it in the same
 * arrangement (the first is judged from the start).
 */
final class VisitTimeliness implements SnapshotMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        // Changes only on event dates: visits, arrangement starts and ends, closure, area moves.
    }

    @Override
    public void stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date, DayState state) {
        MeasureParameters p = indicator.parameters();
        CaseHistory history = openCase.history();
        long visits = 0;
        long timely = 0;
        for (CaseHistory.Span arrangement : history.arrangements()) {
            if (!arrangement.inForceOn(date)) {
                continue;
            }
            LocalDate previous = null;
            for (CaseEvent visit : history.visits()) { // in business order
                LocalDate on = visit.getOccurredOn();
                if (on.isAfter(date) || owner(history, visit) != arrangement) {
                    continue;
                }
                boolean firstYear = on.isBefore(arrangement.startDate().plusYears(1));
                boolean inTime = previous == null && p.firstWithinWorkingDays() != null
                        ? openCase.calendar().workingDaysBetween(arrangement.startDate(), on) <= p.firstWithinWorkingDays()
                        : !on.isAfter((previous == null ? arrangement.startDate() : previous).plus(p.interval()));
                if (firstYear == "first".equals(p.arrangementYear())) {
                    visits++;
                    timely += inTime ? 1 : 0;
                }
                previous = on;
            }
        }
        if (visits > 0) {
            state.add(indicator.id(), openCase.areaOn(date), timely, visits);
        }
    }

    /** The arrangement a visit counts for: inside it (start to end), the latest start, then the smallest id; or null. */
    static CaseHistory.Span owner(CaseHistory history, CaseEvent visit) {
        VisitType type = visit.getVisitType();
        if (type != null && type != VisitType.STATUTORY && type != VisitType.PRIVATE_FOSTERING) {
            return null;
        }
        LocalDate on = visit.getOccurredOn();
        CaseHistory.Span chosen = null;
        for (CaseHistory.Span arrangement : history.arrangements()) { // by arrangementId
            boolean inside = !on.isBefore(arrangement.startDate())
                    && (arrangement.end() == null || !on.isAfter(arrangement.end().getOccurredOn()));
            if (inside && (chosen == null || arrangement.startDate().isAfter(chosen.startDate()))) {
                chosen = arrangement;
            }
        }
        return chosen;
    }
}
