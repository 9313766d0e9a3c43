package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.casepulse.calendar.CalendarGapException;
import org.casepulse.events.ConferenceType;
import org.casepulse.events.PlanType;
import org.casepulse.events.ReviewType;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.ReviewInterval;

/**
 * Children with an active plan of the type whose first review was due by T; the numerator those
 * whose representative plan's reviews all came in time and whose next review is not overdue
 * (COUNTING.md 10). Reviews: for CP, conferences of type REVIEW; for CLA, reviews of type
 * CLA_REVIEW; dated inside the plan and on or before T. Each review restarts the clock.
 */
final class ReviewsInTimescale implements ChildCountedMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        for (CaseHistory.Plan plan : openCase.history().plansOfType(indicator.parameters().planType())) {
            LocalDate previous = plan.startDate();
            List<LocalDate> reviews = reviews(openCase.history(), plan, LocalDate.MAX);
            for (int k = 0; k <= reviews.size(); k++) {
                LocalDate due = due(openCase, indicator, previous, k);
                if (due == null) {
                    break;
                }
                dates.add(due); // the first review falls due: the plan joins the population
                dates.add(due.plusDays(1)); // overdue from the day after
                if (k < reviews.size()) {
                    previous = reviews.get(k);
                }
            }
        }
    }

    @Override
    public int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date) {
        CaseHistory.Plan plan = InCare.representativePlan(openCase.history(), indicator.parameters().planType(), date);
        if (plan == null) {
            return NOT_QUALIFYING;
        }
        LocalDate firstDue = due(openCase, indicator, plan.startDate(), 0);
        if (firstDue == null || firstDue.isAfter(date)) {
            return NOT_QUALIFYING;
        }
        LocalDate previous = plan.startDate();
        List<LocalDate> reviews = reviews(openCase.history(), plan, date);
        for (int k = 0; k < reviews.size(); k++) {
            LocalDate due = due(openCase, indicator, previous, k);
            if (due == null || reviews.get(k).isAfter(due)) {
                return 0;
            }
            previous = reviews.get(k);
        }
        LocalDate next = due(openCase, indicator, previous, reviews.size());
        return next != null && !date.isAfter(next) ? 1 : 0;
    }

    /** The date the (k+1)th review falls due after {@code previous}; null beyond the calendar. */
    private static LocalDate due(OpenCase openCase, IndicatorDefinition indicator, LocalDate previous, int k) {
        List<ReviewInterval> intervals = indicator.parameters().intervals();
        ReviewInterval interval = intervals.get(Math.min(k, intervals.size() - 1));
        if (interval.calendar() != null) {
            return previous.plus(interval.calendar());
        }
        try {
            // The last day with wd(previous, day) <= N: the day before the (N+1)th working day.
            return openCase.calendar().nthWorkingDayAfter(previous, interval.workingDays() + 1).minusDays(1);
        } catch (CalendarGapException beyond) {
            openCase.anomaly(Anomaly.CALENDAR_GAP);
            return null;
        }
    }

    /** The plan's reviews dated inside it and on or before {@code until}, in date order. */
    private static List<LocalDate> reviews(CaseHistory history, CaseHistory.Plan plan, LocalDate until) {
        List<LocalDate> dates = new ArrayList<>();
        if (plan.type() == PlanType.CP) {
            for (CaseHistory.Conference conference : history.conferences()) {
                if (conference.type() == ConferenceType.REVIEW) {
                    dates.add(conference.date());
                }
            }
        } else if (plan.type() == PlanType.CLA) {
            history.reviews().stream().filter(review -> review.getReviewType() == ReviewType.CLA_REVIEW)
                    .forEach(review -> dates.add(review.getOccurredOn()));
        }
        dates.removeIf(date -> !plan.covers(date) || date.isAfter(until));
        dates.sort(null);
        return dates;
    }
}
