package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureKind;
import org.casepulse.indicators.MeasureParameters;
import org.casepulse.state.ChildTimeline;

/**
 * For each indicator that counts children once, where one case stands from each date on as a
 * candidate to represent its child (COUNTING.md 8.2): its area and numerator while it qualifies
 * (open, passing the filters, with what the kind looks at), null while it does not. Only the
 * changes are kept; the child's ledger merges its cases' timelines.
 */
public final class ChildTimelines {

    private final WorkingDayCalendar calendar;
    private final Map<IndicatorDefinition, ChildCountedMeasure> measures = new LinkedHashMap<>();

    public ChildTimelines(IndicatorCatalogue catalogue, WorkingDayCalendar calendar) {
        this.calendar = calendar;
        for (IndicatorDefinition indicator : catalogue.all()) {
            ChildCountedMeasure measure = measureOf(indicator);
            if (measure != null) {
                measures.put(indicator, measure);
            }
        }
    }

    /** The kind's children-counted form, or null when the indicator counts cases or events. */
    static ChildCountedMeasure measureOf(IndicatorDefinition indicator) {
        if (indicator.measure() == MeasureKind.ACTIVE_PLANS) {
            return new ActivePlans();
        }
        if (indicator.measure() == MeasureKind.CP_VISIT_OVERDUE) {
            return new CpVisitOverdue();
        }
        switch (indicator.measure()) {
            case ACTIVE_PLAN_DURATION -> {
                return new ActivePlanDuration();
            }
            case PLACEMENT_MOVES -> {
                return new PlacementMoves();
            }
            case PLACEMENT_STABILITY -> {
                return new PlacementStability();
            }
            case CHILD_CHECK_CURRENT -> {
                return new ChildCheckCurrent();
            }
            case REVIEWS_IN_TIMESCALE -> {
                return new ReviewsInTimescale();
            }
            default -> { }
        }
        if (indicator.measure() == MeasureKind.OPEN_CASES
                && indicator.parameters().count() == MeasureParameters.Counted.CHILDREN) {
            return new OpenChildren();
        }
        return null;
    }

    public boolean isEmpty() {
        return measures.isEmpty();
    }

    /** The case's timelines (none for a case without a referral or closed before it). */
    public List<ChildTimeline> of(CaseHistory history) {
        List<ChildTimeline> timelines = new ArrayList<>();
        if (measures.isEmpty() || !history.hasReferral() || history.closedBeforeReferral()) {
            return timelines;
        }
        OpenCase openCase = new OpenCase(history, calendar, new Facts());
        LocalDate referral = history.referralDate();
        CaseEvent closure = history.closure();
        measures.forEach((indicator, measure) -> {
            if (!indicator.filter().admitsCase(history)) {
                return;
            }
            NavigableSet<LocalDate> candidates = new TreeSet<>();
            history.events().forEach(event -> candidates.add(event.getOccurredOn()));
            candidates.add(referral);
            measure.thresholds(openCase, indicator, candidates);
            if (indicator.filter().ageBand() != null) {
                Birthdays.add(history.child(), indicator.filter().ageBand(), candidates);
            }
            if (indicator.filter().excludeUnborn() && history.child().dateOfBirth() != null) {
                candidates.add(history.child().dateOfBirth());
            }
            NavigableSet<LocalDate> dates = closure == null ? candidates.tailSet(referral, true)
                    : candidates.subSet(referral, true, closure.getOccurredOn(), true);
            List<LocalDate> changeDates = new ArrayList<>();
            List<String> areas = new ArrayList<>();
            List<Integer> numerators = new ArrayList<>();
            String area = null;
            int numerator = 0;
            for (LocalDate date : dates) {
                String areaNow = null;
                int numeratorNow = 0;
                if (openCase.isOpenOn(date) && indicator.filter().admitsOn(history, date)) {
                    int state = measure.stateOn(openCase, indicator, date);
                    if (state != ChildCountedMeasure.NOT_QUALIFYING) {
                        areaNow = openCase.areaOn(date);
                        numeratorNow = state;
                    }
                }
                boolean first = changeDates.isEmpty();
                if ((first && areaNow != null) || (!first && (!Objects.equals(area, areaNow) || numerator != numeratorNow))) {
                    changeDates.add(date);
                    areas.add(areaNow);
                    numerators.add(numeratorNow);
                    area = areaNow;
                    numerator = numeratorNow;
                }
            }
            if (!changeDates.isEmpty()) {
                timelines.add(new ChildTimeline(indicator.id(), changeDates, areas, numerators));
            }
        });
        return timelines;
    }
}
