package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseChange;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.EventKinds;
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
    /** The indicators in a fixed order (the slots of {@link Reads}), and their measures in the same order. */
    private final List<IndicatorDefinition> indicators;
    private final List<ChildCountedMeasure> measuresBySlot;

    public ChildTimelines(IndicatorCatalogue catalogue, WorkingDayCalendar calendar) {
        this.calendar = calendar;
        for (IndicatorDefinition indicator : catalogue.all()) {
            ChildCountedMeasure measure = measureOf(indicator);
            if (measure != null) {
                measures.put(indicator, measure);
            }
        }
        this.indicators = List.copyOf(measures.keySet());
        this.measuresBySlot = List.copyOf(measures.values());
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
        return of(history, null, CaseChange.WHOLE, newReads());
    }

    /**
     * The case's timelines after a change, given those of before it, the change
     * ({@link CaseChange}) and what each indicator's timeline of before was made from, which is
     * updated to what those of after are made from. A case's state on a date depends only on its
     * events dated on or before it, so the changes dated before the change's earliest date are
     * those of before, and only the dates from it on are evaluated: during a backfill, the last
     * few dates of the case instead of its whole life. An indicator whose timeline read none of
     * the kinds of events the change touched keeps its timeline of before.
     */
    List<ChildTimeline> of(CaseHistory history, List<ChildTimeline> before, CaseChange change, Reads reads) {
        List<ChildTimeline> timelines = new ArrayList<>();
        if (measures.isEmpty() || !history.hasReferral() || history.closedBeforeReferral()) {
            reads.forget();
            return timelines;
        }
        OpenCase openCase = new OpenCase(history, calendar, new Facts());
        LocalDate referral = history.referralDate();
        LocalDate from = change.earliest();
        boolean keepable = before != null && change.isPartial();
        boolean partial = keepable && from.isAfter(referral);
        LocalDate first = partial ? from : referral;
        CaseEvent closure = history.closure();
        LocalDate last = closure == null ? LocalDate.MAX : closure.getOccurredOn();
        List<LocalDate> eventDates = eventDatesBetween(history.events(), first, last);
        Map<String, ChildTimeline> kept = keepable ? byIndicator(before) : Map.of();
        for (int slot = 0; slot < indicators.size(); slot++) {
            IndicatorDefinition indicator = indicators.get(slot);
            ChildTimeline was = kept.get(indicator.id());
            if (keepable && !change.touches(reads.of(slot))) {
                if (was != null) {
                    timelines.add(was);
                }
                continue;
            }
            long readBefore = partial ? reads.of(slot) : 0;
            history.takeReads();
            ChildTimeline now = evaluate(indicator, measuresBySlot.get(slot), history, openCase, partial ? was : null,
                    first, last, eventDates);
            reads.set(slot, readBefore | history.takeReads() | SnapshotTimeline.ALWAYS_READ);
            if (now != null) {
                timelines.add(now);
            }
        }
        return timelines;
    }

    /** One indicator's timeline from {@code first} on, the changes before it kept from {@code was}; null when it has none. */
    private static ChildTimeline evaluate(IndicatorDefinition indicator, ChildCountedMeasure measure, CaseHistory history,
                                          OpenCase openCase, ChildTimeline was, LocalDate first, LocalDate last,
                                          List<LocalDate> eventDates) {
        if (!indicator.filter().admitsCase(history)) {
            return null;
        }
        Changes changes = new Changes();
        if (was != null) {
            changes.keepBefore(was, first);
        }
        if (!first.isAfter(last)) {
            DatesBetween thresholds = new DatesBetween(first, last);
            measure.thresholds(openCase, indicator, thresholds);
            if (indicator.filter().ageBand() != null) {
                Birthdays.add(history.child(), indicator.filter().ageBand(), thresholds);
            }
            if (indicator.filter().excludeUnborn() && history.child().dateOfBirth() != null) {
                thresholds.add(history.child().dateOfBirth());
            }
            // Event dates and thresholds merged in date order, each date once.
            Iterator<LocalDate> extra = thresholds.iterator();
            LocalDate next = extra.hasNext() ? extra.next() : null;
            int e = 0;
            while (e < eventDates.size() || next != null) {
                LocalDate date;
                if (next == null || (e < eventDates.size() && eventDates.get(e).isBefore(next))) {
                    date = eventDates.get(e++);
                } else {
                    date = next;
                    if (e < eventDates.size() && eventDates.get(e).equals(next)) {
                        e++;
                    }
                    next = extra.hasNext() ? extra.next() : null;
                }
                String areaNow = null;
                int numeratorNow = 0;
                if (openCase.isOpenOn(date) && indicator.filter().admitsOn(history, date)) {
                    int state = measure.stateOn(openCase, indicator, date);
                    if (state != ChildCountedMeasure.NOT_QUALIFYING) {
                        areaNow = openCase.areaOn(date);
                        numeratorNow = state;
                    }
                }
                changes.record(date, areaNow, numeratorNow);
            }
        }
        return changes.dates.isEmpty() ? null
                : new ChildTimeline(indicator.id(), changes.dates, changes.areas, changes.numerators);
    }

    /** A case's {@link Reads}, nothing known yet. */
    public Reads newReads() {
        return new Reads(indicators.size());
    }

    /**
     * What each indicator's timeline of one case was made from ({@link EventKinds}), by the
     * indicator's place in this catalogue's order, kept beside the summary it went into; until
     * told, an indicator counts as having read everything.
     */
    public static final class Reads {
        private final long[] kinds;

        private Reads(int indicators) {
            this.kinds = new long[indicators];
            forget();
        }

        long of(int slot) {
            return kinds[slot];
        }

        void set(int slot, long read) {
            kinds[slot] = read;
        }

        void forget() {
            Arrays.fill(kinds, EventKinds.ALL);
        }
    }

    /** The distinct dates of the events (in business order, so by date) within [first, last]. */
    private static List<LocalDate> eventDatesBetween(List<CaseEvent> events, LocalDate first, LocalDate last) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = firstOnOrAfter(events, first); i < events.size(); i++) {
            LocalDate date = events.get(i).getOccurredOn();
            if (date.isAfter(last)) {
                break;
            }
            if (dates.isEmpty() || !dates.get(dates.size() - 1).equals(date)) {
                dates.add(date);
            }
        }
        return dates;
    }

    private static int firstOnOrAfter(List<CaseEvent> events, LocalDate date) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).getOccurredOn().isBefore(date)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static Map<String, ChildTimeline> byIndicator(List<ChildTimeline> timelines) {
        Map<String, ChildTimeline> byId = new HashMap<>();
        for (ChildTimeline timeline : timelines) {
            byId.put(timeline.getIndicatorId(), timeline);
        }
        return byId;
    }

    /** One indicator's changes: a date is kept only where the area or numerator differs from the last kept. */
    private static final class Changes {
        final List<LocalDate> dates = new ArrayList<>();
        final List<String> areas = new ArrayList<>();
        final List<Integer> numerators = new ArrayList<>();
        /** Not qualifying (no area) until the first change. */
        private String area;
        private int numerator;

        void keepBefore(ChildTimeline timeline, LocalDate date) {
            List<LocalDate> was = timeline.getDates();
            for (int i = 0; i < was.size() && was.get(i).isBefore(date); i++) {
                dates.add(was.get(i));
                area = timeline.getAreaCodes().get(i);
                areas.add(area);
                numerator = timeline.getNumerators().get(i);
                numerators.add(numerator);
            }
        }

        void record(LocalDate date, String areaNow, int numeratorNow) {
            if (!Objects.equals(area, areaNow) || numerator != numeratorNow) {
                dates.add(date);
                areas.add(areaNow);
                numerators.add(numeratorNow);
                area = areaNow;
                numerator = numeratorNow;
            }
        }
    }
}
