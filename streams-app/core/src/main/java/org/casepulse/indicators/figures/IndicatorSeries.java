package org.casepulse.indicators.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.casepulse.calendar.Period;
import org.casepulse.calendar.Periods;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.snapshots.PeriodType;

/**
 * One indicator in one area: the facts of every case summed into cells. Event measures keep a
 * cell per month; snapshot measures keep day deltas, and the count on a day is their sum up to it.
 */
public final class IndicatorSeries {

    private final IndicatorDefinition indicator;
    private final long population;
    private final NavigableMap<LocalDate, long[]> cells;

    private IndicatorSeries(IndicatorDefinition indicator, long population, NavigableMap<LocalDate, long[]> cells) {
        this.indicator = indicator;
        this.population = population;
        this.cells = cells;
    }

    public static IndicatorSeries of(IndicatorDefinition indicator, long population,
                                     List<LocalDate> buckets, List<Long> numerators, List<Long> denominators) {
        NavigableMap<LocalDate, long[]> cells = new TreeMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            cells.put(buckets.get(i), new long[] {numerators.get(i), denominators.get(i)});
        }
        return new IndicatorSeries(indicator, population, cells);
    }

    public IndicatorDefinition indicator() {
        return indicator;
    }

    public NavigableMap<LocalDate, long[]> cells() {
        return cells;
    }

    public boolean isSnapshot() {
        return indicator.measure().isSnapshot();
    }

    public void apply(LocalDate bucket, long numerator, long denominator) {
        long[] cell = cells.computeIfAbsent(bucket, b -> new long[2]);
        cell[0] += numerator;
        cell[1] += denominator;
        if (cell[0] == 0 && cell[1] == 0) {
            cells.remove(bucket);
        }
    }

    /**
     * Forgets what no published figure can need any more: month cells before {@code horizon}
     * are dropped; day deltas before it are folded into one delta on the horizon, which leaves
     * every count from the horizon on unchanged.
     */
    public void forgetBefore(LocalDate horizon) {
        NavigableMap<LocalDate, long[]> old = cells.headMap(horizon, false);
        if (old.isEmpty()) {
            return;
        }
        long numerator = 0;
        long denominator = 0;
        for (long[] cell : old.values()) {
            numerator += cell[0];
            denominator += cell[1];
        }
        old.clear();
        if (isSnapshot()) {
            apply(horizon, numerator, denominator);
        }
    }

    /**
     * The counts of a period; empty when every fact in it is zero (COUNTING.md section 5). A
     * state kept as day deltas gives SNAPSHOT its state on the date, and MONTH or YTD the sums of
     * its states on the last day of each month of the period, or {@code today} for the month in
     * progress (COUNTING.md 8.6).
     */
    public Counts counts(Period period, LocalDate today) {
        if (isSnapshot()) {
            if (period.type() != PeriodType.SNAPSHOT) {
                return sumOfStatesOn(lastDaysOfMonths(period, today));
            }
            Counts counts = countsOn(period.end());
            // A snapshot rate is the numerator over the area's under-18 population (COUNTING.md 10).
            return indicator.unit() == org.casepulse.snapshots.Unit.RATE_PER_10K
                    ? new Counts(counts.numerator(), population, counts.empty()) : counts;
        }
        YearMonth month = YearMonth.from(period.end());
        return switch (indicator.measure()) {
            case REFERRAL_RATE, EVENT_RATE -> {
                long referrals = sumOfNumerators(YearMonth.from(period.start()), month);
                yield new Counts(referrals, population, referrals == 0);
            }
            case DEMAND_CHANGE -> demandChange(month);
            default -> sum(YearMonth.from(period.start()), month);
        };
    }

    /**
     * Referrals of the year to date against the same months of the previous year; with two
     * baseline years, twice this year's against the two previous years' together, so that
     * PERCENT_CHANGE of the two is the change against their mean with whole counts (COUNTING.md 8.9).
     */
    private Counts demandChange(YearMonth month) {
        YearMonth from = YearMonth.from(Periods.financialYearStart(month));
        int years = indicator.parameters().yearsOfBaseline();
        long thisYear = sumOfNumerators(from, month);
        long baseline = 0;
        for (int back = 1; back <= years; back++) {
            baseline += sumOfNumerators(from.minusYears(back), month.minusYears(back));
        }
        return new Counts(years * thisYear, baseline, thisYear == 0 && baseline == 0);
    }

    /** The last day of each month of the period, or today for the month in progress; none after today. */
    static List<LocalDate> lastDaysOfMonths(Period period, LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (YearMonth month : period.monthsIn()) {
            if (month.atDay(1).isAfter(today)) {
                break;
            }
            LocalDate last = month.atEndOfMonth();
            days.add(last.isAfter(today) ? today : last);
        }
        return days;
    }

    /** The states on each of {@code days} (ascending) added up, in one pass over the deltas. */
    private Counts sumOfStatesOn(List<LocalDate> days) {
        long numerator = 0;
        long denominator = 0;
        long sumOfNumerators = 0;
        long sumOfDenominators = 0;
        boolean empty = true;
        Iterator<Map.Entry<LocalDate, long[]>> deltas = cells.entrySet().iterator();
        Map.Entry<LocalDate, long[]> next = deltas.hasNext() ? deltas.next() : null;
        for (LocalDate day : days) {
            while (next != null && !next.getKey().isAfter(day)) {
                numerator += next.getValue()[0];
                denominator += next.getValue()[1];
                next = deltas.hasNext() ? deltas.next() : null;
            }
            sumOfNumerators += numerator;
            sumOfDenominators += denominator;
            empty &= numerator == 0 && denominator == 0;
        }
        return new Counts(sumOfNumerators, sumOfDenominators, empty);
    }

    private Counts countsOn(LocalDate day) {
        long numerator = 0;
        long denominator = 0;
        for (long[] delta : cells.headMap(day, true).values()) {
            numerator += delta[0];
            denominator += delta[1];
        }
        return new Counts(numerator, denominator, numerator == 0 && denominator == 0);
    }

    private Counts sum(YearMonth from, YearMonth to) {
        long numerator = 0;
        long denominator = 0;
        boolean empty = true;
        for (Map.Entry<LocalDate, long[]> cell : cells.subMap(from.atDay(1), true, to.atDay(1), true).entrySet()) {
            numerator += cell.getValue()[0];
            denominator += cell.getValue()[1];
            empty &= cell.getValue()[0] == 0 && cell.getValue()[1] == 0;
        }
        return new Counts(numerator, denominator, empty);
    }

    private long sumOfNumerators(YearMonth from, YearMonth to) {
        return sum(from, to).numerator();
    }
}
