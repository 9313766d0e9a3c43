package org.casepulse.indicators.workforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureKind;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;

/**
 * What one worker contributes to the staff indicators (COUNTING.md 14.4), as day deltas: the
 * worker is in post on the days one of their spans (a post in establishment they hold
 * permanently) covers, counted once at the area of the span with the smallest postId; the state
 * changes only on span bounds and on the dates an appraisal or a diversity record starts or stops
 * counting, so it is evaluated on those dates alone.
 */
public final class StaffFacts {

    /** A post held permanently by the worker from {@code from} until (exclusive) {@code until}, or open. */
    public record Span(String postId, LocalDate from, LocalDate until, String areaCode, int fteHundredths) {
        boolean covers(LocalDate day) {
            return !from.isAfter(day) && (until == null || day.isBefore(until));
        }
    }

    /**
     * The staff kinds' population narrowed to newly qualified staff (COUNTING.md 14.7, WF8): a
     * worker is newly qualified from the date of a QUALIFICATION_RECORDED fact for
     * {@link #NEWLY_QUALIFIED_FOR} (the assessed and supported year in employment).
     */
    public static final String NEWLY_QUALIFIED = "newly-qualified";
    public static final java.time.Period NEWLY_QUALIFIED_FOR = java.time.Period.ofMonths(12);

    private final List<IndicatorDefinition> indicators;
    private final WorkingDayCalendar calendar;

    public StaffFacts(IndicatorCatalogue catalogue, WorkingDayCalendar calendar) {
        this.indicators = catalogue.all().stream().filter(i -> i.measure().isStaff() || i.measure().isCasesOverStaff())
                .toList();
        this.calendar = calendar;
    }

    public boolean isEmpty() {
        return indicators.isEmpty();
    }

    /** The worker's day deltas, from its spans and effective facts (any order). */
    public Facts compute(List<Span> spans, List<WorkforceEvent> effective) {
        Facts facts = new Facts();
        if (spans.isEmpty()) {
            return facts;
        }
        for (IndicatorDefinition indicator : indicators) {
            if (indicator.measure() == MeasureKind.SICKNESS_ABSENCE) {
                sickness(indicator, spans, effective, facts);
                continue;
            }
            TreeSet<LocalDate> dates = new TreeSet<>();
            for (Span span : spans) {
                dates.add(span.from());
                if (span.until() != null) {
                    dates.add(span.until());
                }
            }
            for (WorkforceEvent fact : effective) {
                if (indicator.measure().isCasesOverStaff()) {
                    break; // 14.9: the staff in post alone; the audits come from the case ledger
                }
                if (fact.getType() == WorkforceEventType.QUALIFICATION_RECORDED && newlyQualifiedOnly(indicator)) {
                    dates.add(fact.getEffectiveOn());
                    dates.add(fact.getEffectiveOn().plus(NEWLY_QUALIFIED_FOR));
                } else if (fact.getType() == WorkforceEventType.APPRAISAL_COMPLETED && indicator.measure() == MeasureKind.STAFF_APPRAISED) {
                    LocalDate until = fact.getEffectiveOn().plus(indicator.parameters().within());
                    dates.add(fact.getEffectiveOn());
                    dates.add(until);
                    dates.add(until.plusDays(1)); // month-end arithmetic: the window's end is found by evaluating
                } else if (fact.getType() == WorkforceEventType.DIVERSITY_RECORDED
                        && indicator.measure() == MeasureKind.STAFF_DIVERSITY_RECORDED) {
                    dates.add(fact.getEffectiveOn());
                }
            }
            State previous = null;
            for (LocalDate date : dates) {
                State state = stateOn(indicator, spans, effective, date);
                if (!Objects.equals(state, previous)) {
                    if (previous != null) {
                        facts.add(indicator.id(), previous.areaCode(), date, -previous.numerator(), -1);
                    }
                    if (state != null) {
                        facts.add(indicator.id(), state.areaCode(), date, state.numerator(), 1);
                    }
                    previous = state;
                }
            }
        }
        return facts;
    }

    private record State(String areaCode, long numerator) {}

    /**
     * 14.5: on each working day in post, the counted span's FTE is available and, during an
     * absence of the type, lost; kept as the state of the month to the day: each day adds its own,
     * and the first day of the next month takes the month's total off again.
     */
    private void sickness(IndicatorDefinition indicator, List<Span> spans, List<WorkforceEvent> effective, Facts facts) {
        LocalDate first = spans.stream().map(Span::from).min(Comparator.naturalOrder()).orElseThrow();
        // Open spans run as far as working days are known (the calendar's end).
        LocalDate last = spans.stream().anyMatch(span -> span.until() == null) ? calendar.lastCoveredDate()
                : spans.stream().map(span -> span.until().minusDays(1)).max(Comparator.naturalOrder()).orElseThrow();
        if (last.isAfter(calendar.lastCoveredDate())) {
            last = calendar.lastCoveredDate();
        }
        java.util.Map<java.util.List<Object>, long[]> monthTotals = new java.util.LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!calendar.covers(day) || !calendar.isWorkingDay(day)) {
                continue;
            }
            Span counted = spanOn(spans, day);
            if (counted == null || (newlyQualifiedOnly(indicator) && !newlyQualifiedOn(effective, day))) {
                continue;
            }
            long available = counted.fteHundredths();
            long lost = absent(indicator, effective, day) ? available : 0;
            facts.add(indicator.id(), counted.areaCode(), day, lost, available);
            long[] total = monthTotals.computeIfAbsent(java.util.List.of(java.time.YearMonth.from(day), counted.areaCode()),
                    key -> new long[2]);
            total[0] += lost;
            total[1] += available;
        }
        monthTotals.forEach((key, total) -> facts.add(indicator.id(), (String) key.get(1),
                ((java.time.YearMonth) key.get(0)).plusMonths(1).atDay(1), -total[0], -total[1]));
    }

    private static boolean absent(IndicatorDefinition indicator, List<WorkforceEvent> effective, LocalDate day) {
        for (WorkforceEvent fact : effective) {
            if (fact.getType() == WorkforceEventType.ABSENCE_RECORDED && fact.getAbsenceType() == indicator.parameters().absenceType()
                    && !fact.getEffectiveOn().isAfter(day) && !fact.getLastDay().isBefore(day)) {
                return true;
            }
        }
        return false;
    }

    /** The worker's place in the indicator on {@code day}: null when not in post. */
    private static State stateOn(IndicatorDefinition indicator, List<Span> spans, List<WorkforceEvent> effective,
                                 LocalDate day) {
        Span counted = spanOn(spans, day);
        if (counted == null || (newlyQualifiedOnly(indicator) && !newlyQualifiedOn(effective, day))) {
            return null;
        }
        if (indicator.measure() == MeasureKind.STAFF_APPRAISED) {
            return new State(counted.areaCode(), appraisedOn(indicator, effective, day) ? 1 : 0);
        }
        boolean numerator = false;
        for (WorkforceEvent fact : effective) {
            LocalDate on = fact.getEffectiveOn();
            if (indicator.measure() == MeasureKind.STAFF_DIVERSITY_RECORDED
                    && fact.getType() == WorkforceEventType.DIVERSITY_RECORDED) {
                numerator |= !on.isAfter(day);
            }
        }
        return new State(counted.areaCode(), numerator ? 1 : 0);
    }

    /**
     * 14.4 and 14.7: the worker's latest appraisal on or before {@code day} lies in the window to
     * it and its rating counts (any, without {@code ratedAtLeast}); appraisals of the same latest
     * date count when one of them does, so the order they arrive in does not matter.
     */
    private static boolean appraisedOn(IndicatorDefinition indicator, List<WorkforceEvent> effective, LocalDate day) {
        LocalDate latest = null;
        boolean counts = false;
        for (WorkforceEvent fact : effective) {
            LocalDate on = fact.getEffectiveOn();
            if (fact.getType() != WorkforceEventType.APPRAISAL_COMPLETED || on.isAfter(day)) {
                continue;
            }
            boolean rated = indicator.parameters().countsRating(fact.getAppraisalRating());
            if (latest == null || on.isAfter(latest)) {
                latest = on;
                counts = rated;
            } else if (on.equals(latest)) {
                counts |= rated;
            }
        }
        return latest != null && counts && day.minus(indicator.parameters().within()).isBefore(latest);
    }

    private static boolean newlyQualifiedOnly(IndicatorDefinition indicator) {
        return NEWLY_QUALIFIED.equals(indicator.parameters().population());
    }

    /** 14.7: some effective qualification {@code q} has {@code q <= day < q + 12 months}. */
    public static boolean newlyQualifiedOn(List<WorkforceEvent> effective, LocalDate day) {
        for (WorkforceEvent fact : effective) {
            if (fact.getType() == WorkforceEventType.QUALIFICATION_RECORDED && !fact.getEffectiveOn().isAfter(day)
                    && day.isBefore(fact.getEffectiveOn().plus(NEWLY_QUALIFIED_FOR))) {
                return true;
            }
        }
        return false;
    }

    /** The span the worker is counted in on the day: of those covering it, the smallest postId. */
    public static Span spanOn(List<Span> spans, LocalDate day) {
        return spans.stream().filter(span -> span.covers(day)).min(Comparator.comparing(Span::postId)).orElse(null);
    }

    /**
     * The spans a post gives each worker (14.4): its versions in force, in establishment and filled
     * PERMANENT, merged per worker, from a version's date to the next version's.
     */
    public static List<Span> spansOf(List<WorkforceEvent> effectivePostFacts, String workerId) {
        List<WorkforceEvent> versions = new ArrayList<>();
        for (WorkforceEvent event : effectivePostFacts) {
            if (event.getType() == WorkforceEventType.POST_RECORDED || event.getType() == WorkforceEventType.POST_DISESTABLISHED) {
                versions.add(event);
            }
        }
        versions.sort(PostFacts.ORDER);
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            WorkforceEvent version = versions.get(i);
            LocalDate until = i + 1 < versions.size() ? versions.get(i + 1).getEffectiveOn() : null;
            if (until != null && !until.isAfter(version.getEffectiveOn())) {
                continue; // overtaken the same day
            }
            if (version.getType() == WorkforceEventType.POST_RECORDED
                    && version.getFilledBy() == org.casepulse.workforce.PostFilling.PERMANENT
                    && workerId.equals(version.getWorkerId())) {
                spans.add(new Span(version.getPostId(), version.getEffectiveOn(), until, version.getAreaCode(),
                        (int) PostFacts.hundredths(version.getFte())));
            }
        }
        return spans;
    }

    /** Every worker a post's versions name as a permanent holder. */
    public static TreeSet<String> workersOf(List<WorkforceEvent> effectivePostFacts) {
        TreeSet<String> workers = new TreeSet<>();
        for (WorkforceEvent event : effectivePostFacts) {
            if (event.getType() == WorkforceEventType.POST_RECORDED && event.getFilledBy() == org.casepulse.workforce.PostFilling.PERMANENT
                    && event.getWorkerId() != null) {
                workers.add(event.getWorkerId());
            }
        }
        return workers;
    }
}
