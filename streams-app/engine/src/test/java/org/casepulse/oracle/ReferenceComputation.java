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
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.indicators.Comparisons;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.Benchmark;
import org.casepulse.snapshots.TrendGrade;
import org.casepulse.indicators.IndicatorValue;
import org.casepulse.indicators.MeasureKind;
import org.casepulse.indicators.MeasureParameters;
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
    private final WorkforceCounts workforceCounts;
    private final Map<String, List<Fact>> facts = new java.util.HashMap<>();

    private ReferenceComputation(List<CaseEvent> received, List<WorkforceEvent> workforce, ReferenceData reference,
                                 LocalDate today, int reportingMonths) {
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
        this.workforceCounts = new WorkforceCounts(workforce, rollup, reference.calendar());
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
        return compute(received, List.of(), reference, today, reportingMonths);
    }

    /** As {@link #compute}, with the workforce facts as received too (COUNTING.md 14). */
    public static Map<FigureKey, ExpectedFigure> compute(List<CaseEvent> received, List<WorkforceEvent> workforce,
                                                         ReferenceData reference, LocalDate today, int reportingMonths) {
        return new ReferenceComputation(received, workforce, reference, today, reportingMonths).figures();
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
        // COUNTING.md 13.1: a share by band is restated as its teams' figures are, the largest of their revisions.
        figures.forEach((key, figure) -> {
            IndicatorDefinition indicator = reference.catalogue().find(key.indicatorId()).orElseThrow();
            if (indicator.measure() == MeasureKind.TEAM_BAND_SHARE) {
                int revision = 0;
                for (Area team : teamsUnder(reference, key.areaCode())) {
                    ExpectedFigure teamFigure = revised.get(new FigureKey(indicator.parameters().of(), team.code(),
                            key.periodType(), key.periodEnd()));
                    if (teamFigure != null && teamFigure.value() != null) {
                        revision = Math.max(revision, teamFigure.revision());
                    }
                }
                revised.put(key, figure.withRevision(revision));
            }
        });
        return revised;
    }

    /** The lowest areas strictly below {@code areaCode}: the "teams" a share by band counts. */
    private static List<Area> teamsUnder(ReferenceData reference, String areaCode) {
        AreaRollup rollup = new AreaRollup(reference.areas());
        return reference.areas().lowest().stream()
                .filter(team -> !team.code().equals(areaCode) && rollup.rollsUpTo(team.code(), areaCode))
                .toList();
    }

    private Map<FigureKey, ExpectedFigure> figures() {
        Map<FigureKey, Counts> counts = new LinkedHashMap<>();
        for (IndicatorDefinition indicator : reference.catalogue().all()) {
            if (indicator.measure() == MeasureKind.TEAM_BAND_SHARE) {
                continue; // figures of figures, from the others' below
            }
            for (PeriodType type : indicator.periods()) {
                for (LocalDate periodEnd : periodEnds(type)) {
                    for (Area area : reference.areas().all()) {
                        Counts figure = countsOf(indicator, type, periodEnd, area);
                        if (!figure.isEmpty()) {
                            counts.put(new FigureKey(indicator.id(), area.code(), type, periodEnd), figure);
                        }
                    }
                }
            }
        }

        for (IndicatorDefinition indicator : reference.catalogue().all()) {
            if (indicator.measure() == MeasureKind.TEAM_BAND_SHARE) {
                bandShares(indicator, counts);
            }
        }

        Map<FigureKey, ExpectedFigure> figures = new LinkedHashMap<>();
        counts.forEach((key, figure) -> figures.put(key, figure(key, figure, counts)));
        return figures;
    }

    /**
     * COUNTING.md 13.1: at every area above the lowest, of its lowest areas with a figure of the
     * source (a published value) for the period, those whose value lies in the band.
     */
    private void bandShares(IndicatorDefinition share, Map<FigureKey, Counts> counts) {
        IndicatorDefinition source = reference.catalogue().indicator(share.parameters().of());
        MeasureParameters.Band band = share.parameters().band();
        for (PeriodType type : share.periods()) {
            for (LocalDate periodEnd : periodEnds(type)) {
                for (Area area : reference.areas().all()) {
                    long teams = 0;
                    long inBand = 0;
                    for (Area team : teamsUnder(reference, area.code())) {
                        Counts teamCounts = counts.get(new FigureKey(source.id(), team.code(), type, periodEnd));
                        BigDecimal value = teamCounts == null ? null : value(source, teamCounts);
                        if (value == null) {
                            continue;
                        }
                        teams++;
                        boolean aboveLower = band.lower() == null || value.compareTo(band.lower()) > 0
                                || (band.lowerIncluded() && value.compareTo(band.lower()) == 0);
                        boolean belowUpper = band.upper() == null || value.compareTo(band.upper()) < 0
                                || (band.upperIncluded() && value.compareTo(band.upper()) == 0);
                        if (aboveLower && belowUpper) {
                            inBand++;
                        }
                    }
                    if (teams > 0) {
                        counts.put(new FigureKey(share.id(), area.code(), type, periodEnd), new Counts(inBand, teams));
                    }
                }
            }
        }
    }

    /** The counts of any period of the indicator in the area, inside the window or not. */
    private Counts countsOf(IndicatorDefinition indicator, PeriodType type, LocalDate periodEnd, Area area) {
        return type == PeriodType.SNAPSHOT
                ? snapshotRate(indicator, stateAt(indicator, periodEnd, area.code()), area)
                : indicator.measure().isSnapshot()
                ? monthEndStates(indicator, type, YearMonth.from(periodEnd), area)
                : eventCounts(indicator, factsOf(indicator), type, YearMonth.from(periodEnd), area);
    }

    /** A snapshot kind's counts at T: from the workforce facts for the workforce kinds, else from the cases. */
    private Counts stateAt(IndicatorDefinition indicator, LocalDate t, String areaCode) {
        if (indicator.measure().isCasesOverPosts()) {
            // 14.8: the cases from the case events, the FTE from the workforce facts
            return new Counts(snapshotCounts.at(indicator, t, areaCode).numerator(),
                    workforceCounts.at(indicator, t, areaCode).denominator());
        }
        if (indicator.measure().isCasesOverStaff()) {
            // 14.9: the audits in the window from the case events, the staff in post from the workforce facts
            return new Counts(snapshotCounts.auditsInWindow(indicator, t, areaCode),
                    workforceCounts.staffInPostAt(t, areaCode));
        }
        return indicator.measure().isWorkforce() ? workforceCounts.at(indicator, t, areaCode)
                : snapshotCounts.at(indicator, t, areaCode);
    }

    private List<Fact> factsOf(IndicatorDefinition indicator) {
        return facts.computeIfAbsent(indicator.id(),
                id -> indicator.measure().isSnapshot() ? List.of() : eventFacts.of(indicator));
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
            Counts at = stateAt(indicator, t, area.code());
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
                null,
                beside(indicator, key, area, value, previousValue, target));
    }

    /**
     * COUNTING.md 12, recomputed here: the same period a year back, the final figure of the
     * previous financial year, the six months before, the graded trend and the benchmark.
     */
    private ExpectedFigure.Beside beside(IndicatorDefinition indicator, FigureKey key, Area area, BigDecimal value,
                                         BigDecimal previousValue, BigDecimal target) {
        Comparisons asked = indicator.comparisons();
        PeriodType type = key.periodType();
        LocalDate end = key.periodEnd();
        BigDecimal lastYear = null;
        if (asked.lastYear()) {
            LocalDate yearBack = type == PeriodType.SNAPSHOT ? end.minusYears(1)
                    : YearMonth.from(end).minusMonths(12).atEndOfMonth();
            lastYear = valueUnlessEmpty(indicator, countsOf(indicator, type, yearBack, area));
        }
        BigDecimal outturn = null;
        if (asked.outturn() && type != PeriodType.MONTH) {
            int yearStart = end.getMonthValue() >= 4 ? end.getYear() : end.getYear() - 1;
            outturn = valueUnlessEmpty(indicator, countsOf(indicator, type, LocalDate.of(yearStart, 3, 31), area));
        }
        BigDecimal sixMonths = null;
        if (asked.sixMonths() != Comparisons.SixMonths.NONE && (type == PeriodType.MONTH || type == PeriodType.SNAPSHOT)) {
            sixMonths = sixMonths(indicator, asked.sixMonths(), type, YearMonth.from(end), area);
        }
        Map.Entry<Integer, Benchmark> benchmark = null;
        int periodYear = end.getMonthValue() >= 4 ? end.getYear() : end.getYear() - 1;
        for (Map.Entry<Integer, Benchmark> year : reference.benchmarks().years(indicator.id()).entrySet()) {
            if (year.getKey() <= periodYear) {
                benchmark = year;
            }
        }
        Benchmark b = benchmark == null ? null : benchmark.getValue();
        return new ExpectedFigure.Beside(trend(indicator, value, previousValue, target), lastYear, outturn, sixMonths,
                b == null ? null : b.year(), b == null ? null : b.england(), b == null ? null : b.region(),
                b == null ? null : b.neighbours());
    }

    private BigDecimal sixMonths(IndicatorDefinition indicator, Comparisons.SixMonths kind, PeriodType type,
                                 YearMonth month, Area area) {
        long numerator = 0;
        long denominator = 0;
        boolean any = false;
        for (int back = 1; back <= 6; back++) {
            YearMonth m = month.minusMonths(back);
            Counts counts = type == PeriodType.SNAPSHOT
                    ? countsOf(indicator, PeriodType.SNAPSHOT, m.atEndOfMonth(), area)
                    : countsOf(indicator, PeriodType.MONTH, m.atEndOfMonth(), area);
            numerator += counts.numerator();
            denominator += counts.denominator();
            any |= !counts.isEmpty();
        }
        if (!any) {
            return null;
        }
        Unit unit = indicator.unit();
        BigDecimal months = kind == Comparisons.SixMonths.AVERAGE && (unit == Unit.COUNT || unit == Unit.RATE_PER_10K)
                ? BigDecimal.valueOf(6) : BigDecimal.ONE;
        BigDecimal n = BigDecimal.valueOf(numerator);
        BigDecimal d = unit == Unit.RATE_PER_10K ? BigDecimal.valueOf(population(area)) : BigDecimal.valueOf(denominator);
        int places = indicator.decimals();
        return switch (unit) {
            case COUNT -> n.divide(months, places, java.math.RoundingMode.HALF_UP);
            case PERCENT -> d.signum() == 0 ? null : n.multiply(BigDecimal.valueOf(100)).divide(d, places, java.math.RoundingMode.HALF_UP);
            case RATIO -> d.signum() == 0 ? null : n.divide("weeks".equals(indicator.parameters().in())
                    ? d.multiply(BigDecimal.valueOf(7)) : d, places, java.math.RoundingMode.HALF_UP);
            case RATE_PER_10K -> n.multiply(BigDecimal.valueOf(10_000)).divide(d.multiply(months), places, java.math.RoundingMode.HALF_UP);
            case PERCENT_CHANGE -> throw new IllegalStateException("the catalogue refuses six months of a demand change");
        };
    }

    /** Seed 002's grades, from the catalogue's thresholds (a count's as percentages of the previous value). */
    private static TrendGrade trend(IndicatorDefinition indicator, BigDecimal value, BigDecimal previous, BigDecimal target) {
        if (value == null || previous == null) {
            return null;
        }
        BigDecimal gain;
        switch (indicator.polarity()) {
            case H -> gain = value.subtract(previous);
            case L -> gain = previous.subtract(value);
            case T -> {
                if (target == null) {
                    return null;
                }
                gain = previous.subtract(target).abs().subtract(value.subtract(target).abs());
            }
            default -> {
                return null;
            }
        }
        if (indicator.unit() == Unit.COUNT) {
            if (previous.signum() == 0) {
                return gain.signum() == 0 ? TrendGrade.NO_CHANGE : null;
            }
            gain = gain.multiply(BigDecimal.valueOf(100)).divide(previous.abs(), java.math.MathContext.DECIMAL128);
        }
        BigDecimal noChange = indicator.comparisons().trend().noChange();
        BigDecimal much = indicator.comparisons().trend().much();
        if (gain.abs().compareTo(noChange) <= 0) {
            return TrendGrade.NO_CHANGE;
        }
        boolean large = gain.abs().compareTo(much) >= 0;
        return gain.signum() > 0 ? (large ? TrendGrade.MUCH_BETTER : TrendGrade.A_BIT_BETTER)
                : (large ? TrendGrade.MUCH_WORSE : TrendGrade.A_BIT_WORSE);
    }

    private static BigDecimal valueUnlessEmpty(IndicatorDefinition indicator, Counts counts) {
        return counts.isEmpty() ? null : value(indicator, counts);
    }

    private static BigDecimal value(IndicatorDefinition indicator, Counts counts) {
        // COUNTING.md 13: an average in weeks is the days over seven times the intervals.
        if ("weeks".equals(indicator.parameters().in())) {
            return counts.denominator() == 0 ? null : BigDecimal.valueOf(counts.numerator())
                    .divide(BigDecimal.valueOf(7L * counts.denominator()), indicator.decimals(), java.math.RoundingMode.HALF_UP);
        }
        // COUNTING.md 14.8: cases over FTE in hundredths is a hundred times the cases over the hundredths.
        if (indicator.measure().isCasesOverPosts() && !indicator.parameters().posts().byPosts()) {
            return counts.denominator() == 0 ? null : BigDecimal.valueOf(100 * counts.numerator())
                    .divide(BigDecimal.valueOf(counts.denominator()), indicator.decimals(), java.math.RoundingMode.HALF_UP);
        }
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
