package org.casepulse.oracle;

import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.IndicatorValue;
import org.casepulse.indicators.MeasureKind;
import org.casepulse.indicators.Rating;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Unit;

/**
 * The oracle of the differential test: every indicator figure recomputed in one batch from the
 * events as received, straight from COUNTING.md, with none of the topology's code. Slow on
 * purpose: each figure loops over every case or fact and filters.
 */
public final class ReferenceComputation {
    private final ReferenceData reference;
    private final LocalDate today;
    private final YearMonth firstMonth;
    private final YearMonth lastMonth;
    private final AreaRollup rollup;
    private final EventFacts eventFacts;
    private final SnapshotCounts snapshotCounts;

    private ReferenceComputation(List<CaseEvent> received, ReferenceData reference, LocalDate today,
                                 int reportingMonths) {
        if (reportingMonths < 1) {
            throw new IllegalArgumentException("reportingMonths must be at least 1, got " + reportingMonths);
        }
        this.reference = reference;
        this.today = today;
        this.lastMonth = YearMonth.from(today);
        this.firstMonth = lastMonth.minusMonths(reportingMonths - 1L);
        List<CaseHistory> cases = EffectiveEvents.byCase(received).entrySet().stream()
                .map(entry -> CaseHistory.of(entry.getKey(), entry.getValue()))
                .flatMap(Optional::stream)
                .toList();
        WorkingDays wd = new WorkingDays(reference.calendar());
        this.rollup = new AreaRollup(reference.areas());
        this.eventFacts = new EventFacts(cases, wd);
        this.snapshotCounts = new SnapshotCounts(cases, wd, rollup);
    }

    /**
     * Every non-empty figure of every indicator in {@code reference}'s catalogue, area and period
     * of the reporting window (the {@code reportingMonths} months ending with {@code today}'s).
     *
     * @param received every event as received, in arrival order (duplicates, amendments and
     *                 retractions included)
     */
    public static Map<FigureKey, ExpectedFigure> compute(List<CaseEvent> received, ReferenceData reference,
                                                         LocalDate today, int reportingMonths) {
        return new ReferenceComputation(received, reference, today, reportingMonths).figures();
    }

    /** As {@link #compute}, with every figure's revision as well: one batch computation per recorded day. */
    public static Map<FigureKey, ExpectedFigure> computeWithRevisions(List<CaseEvent> received, ReferenceData reference,
                                                                      LocalDate today, int reportingMonths) {
        Function<List<CaseEvent>, Map<FigureKey, ExpectedFigure>> figuresOf =
                events -> compute(events, reference, today, reportingMonths);
        Map<FigureKey, ExpectedFigure> figures = figuresOf.apply(received);
        Map<FigureKey, Integer> revisions = Revisions.of(received,
                YearMonth.from(today).minusMonths(reportingMonths - 1L), figuresOf);
        Map<FigureKey, ExpectedFigure> revised = new LinkedHashMap<>();
        figures.forEach((key, figure) -> revised.put(key, figure.withRevision(revisions.getOrDefault(key, 0))));
        return revised;
    }

    private Map<FigureKey, ExpectedFigure> figures() {
        Map<FigureKey, Counts> counts = new LinkedHashMap<>();
        for (IndicatorDefinition indicator : reference.catalogue().all()) {
            List<Fact> facts = indicator.measure().isSnapshot() ? List.of() : eventFacts.of(indicator);
            for (PeriodType type : indicator.periods()) {
                for (LocalDate periodEnd : periodEnds(type)) {
                    for (Area area : reference.areas().all()) {
                        Counts figure = type == PeriodType.SNAPSHOT
                                ? snapshotRate(indicator, snapshotCounts.at(indicator, periodEnd, area.code()), area)
                                : indicator.measure().isSnapshot()
                                ? monthEndStates(indicator, type, YearMonth.from(periodEnd), area)
                                : eventCounts(indicator, facts, type, YearMonth.from(periodEnd), area);
                        if (!figure.isEmpty()) {
                            counts.put(new FigureKey(indicator.id(), area.code(), type, periodEnd), figure);
                        }
                    }
                }
            }
        }

        Map<FigureKey, ExpectedFigure> figures = new LinkedHashMap<>();
        counts.forEach((key, figure) -> figures.put(key, figure(key, figure, counts)));
        return figures;
    }

    /** Month ends of the window for MONTH, YTD and R12M; for SNAPSHOT, the month ends before today, then today. */
    private List<LocalDate> periodEnds(PeriodType type) {
        List<LocalDate> ends = new ArrayList<>();
        for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            LocalDate monthEnd = month.atEndOfMonth();
            if (type != PeriodType.SNAPSHOT || monthEnd.isBefore(today)) {
                ends.add(monthEnd);
            }
        }
        if (type == PeriodType.SNAPSHOT) {
            ends.add(today);
        }
        return ends;
    }

    private Counts eventCounts(IndicatorDefinition indicator, List<Fact> facts, PeriodType type, YearMonth month,
                               Area area) {
        YearMonth first = firstMonthOf(type, month);
        Counts inPeriod = sum(facts, area, first, month);
        if (indicator.measure() == MeasureKind.REFERRAL_RATE || indicator.measure() == MeasureKind.EVENT_RATE) {
            return inPeriod.isEmpty() ? inPeriod : new Counts(inPeriod.numerator(), population(area));
        }
        if (indicator.measure() == MeasureKind.DEMAND_CHANGE) {
            // COUNTING.md 8.9: against the mean of the baseline years, kept whole by scaling this year.
            int years = indicator.parameters().baselineYears() == null ? 1 : indicator.parameters().baselineYears();
            long baseline = 0;
            for (int back = 1; back <= years; back++) {
                baseline += sum(facts, area, first.minusYears(back), month.minusYears(back)).numerator();
            }
            return new Counts(years * inPeriod.numerator(), baseline);
        }
        return inPeriod;
    }

    /**
     * COUNTING.md 8.6: a state's MONTH or YTD figure is the sum of its counts at the last day of
     * each month of the period (today for the month in progress).
     */
    private Counts monthEndStates(IndicatorDefinition indicator, PeriodType type, YearMonth month, Area area) {
        long numerator = 0;
        long denominator = 0;
        for (YearMonth m = firstMonthOf(type, month); !m.isAfter(month); m = m.plusMonths(1)) {
            LocalDate t = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
            Counts at = snapshotCounts.at(indicator, t, area.code());
            numerator += at.numerator();
            denominator += at.denominator();
        }
        return new Counts(numerator, denominator);
    }

    /** COUNTING.md 10: a snapshot published per 10,000 is the numerator over the under-18 population. */
    private Counts snapshotRate(IndicatorDefinition indicator, Counts counts, Area area) {
        return indicator.unit() == Unit.RATE_PER_10K && !counts.isEmpty()
                ? new Counts(counts.numerator(), population(area)) : counts;
    }

    private static YearMonth firstMonthOf(PeriodType type, YearMonth month) {
        return switch (type) {
            case MONTH -> month;
            case YTD -> month.getMonthValue() >= 4 ? YearMonth.of(month.getYear(), 4)
                    : YearMonth.of(month.getYear() - 1, 4);
            case R12M -> month.minusMonths(11);
            case SNAPSHOT -> throw new IllegalArgumentException("a snapshot has no months");
        };
    }

    private Counts sum(List<Fact> facts, Area area, YearMonth first, YearMonth last) {
        long numerator = 0;
        long denominator = 0;
        for (Fact fact : facts) {
            if (fact.inMonths(first, last) && rollup.rollsUpTo(fact.areaCode(), area.code())) {
                numerator += fact.numerator();
                denominator += fact.denominator();
            }
        }
        return new Counts(numerator, denominator);
    }

    /** The sum of the lowest areas' populations under the area, added up here rather than trusted. */
    private long population(Area area) {
        long population = 0;
        for (Area lowest : reference.areas().lowest()) {
            if (rollup.rollsUpTo(lowest.code(), area.code())) {
                population += reference.areas().population(lowest.code());
            }
        }
        return population;
    }

    private ExpectedFigure figure(FigureKey key, Counts counts, Map<FigureKey, Counts> allCounts) {
        IndicatorDefinition indicator = reference.catalogue().find(key.indicatorId()).orElseThrow();
        Area area = reference.areas().area(key.areaCode());
        BigDecimal value = value(indicator, counts);
        BigDecimal target = indicator.targetFor(key.periodEnd());
        Counts previousCounts = allCounts.get(previousKey(key));
        BigDecimal previousValue = previousCounts == null ? null : value(indicator, previousCounts);
        return new ExpectedFigure(
                key.indicatorId(),
                key.areaCode(),
                area.level(),
                key.periodType(),
                key.periodType() == PeriodType.SNAPSHOT ? key.periodEnd()
                        : firstMonthOf(key.periodType(), YearMonth.from(key.periodEnd())).atDay(1),
                key.periodEnd(),
                counts.numerator(),
                counts.denominator(),
                value,
                indicator.unit(),
                target,
                indicator.polarity(),
                Rating.rag(indicator.polarity(), value, target, indicator.tolerance()),
                previousValue,
                Rating.direction(indicator.polarity(), value, previousValue, target),
                smallNumbers(indicator, counts),
                null);
    }

    private static BigDecimal value(IndicatorDefinition indicator, Counts counts) {
        return IndicatorValue.of(indicator.unit(), counts.numerator(), counts.denominator(), indicator.decimals());
    }

    /**
     * The previous period of the same kind: last month's for MONTH, YTD (March's before April's)
     * and R12M; the last month end before the date for SNAPSHOT. Absent from the counts when it is
     * empty or outside the window.
     */
    private static FigureKey previousKey(FigureKey key) {
        LocalDate previousEnd = YearMonth.from(key.periodEnd()).minusMonths(1).atEndOfMonth();
        return new FigureKey(key.indicatorId(), key.areaCode(), key.periodType(), previousEnd);
    }

    private static boolean smallNumbers(IndicatorDefinition indicator, Counts counts) {
        boolean proportion = indicator.unit() == Unit.PERCENT || indicator.unit() == Unit.RATIO
                || indicator.unit() == Unit.PERCENT_CHANGE;
        return proportion && counts.denominator() < indicator.smallNumberThreshold();
    }
}
