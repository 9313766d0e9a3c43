package org.casepulse.indicators.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import org.casepulse.calendar.Period;
import org.casepulse.calendar.Periods;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.snapshots.PeriodType;

/**
 * One indicator in one area: the facts of every case summed into cells. Event measures keep a
 * cell per month; snapshot measures keep day deltas, and the count on a day is their sum up to it.
 * Apart, sparsely, the part of each cell's changes recorded on each day after the cell's month
 * ended ({@link #late()}, by recorded day then bucket): a figure's revision is the number of
 * days after its period's end whose changes, summed over the period, move its counts.
 */
public final class IndicatorSeries {

    private final IndicatorDefinition indicator;
    private final long population;
    private final NavigableMap<LocalDate, long[]> cells;
    private final NavigableMap<LocalDate, NavigableMap<LocalDate, long[]>> late = new TreeMap<>();
    /**
     * Running sums of the cells in day order (index 0 is before the first cell), built when a
     * state on a date is first asked for after a change: a snapshot series holds a delta per day,
     * and a publication asks for the state on dozens of dates. Null when the cells changed since.
     */
    private long[] sumDays;
    private long[] sumNumerators;
    private long[] sumDenominators;

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

    /** The late changes: recorded day, then bucket, to (numerator, denominator). */
    public NavigableMap<LocalDate, NavigableMap<LocalDate, long[]>> late() {
        return late;
    }

    public boolean isSnapshot() {
        return indicator.measure().isSnapshot();
    }

    public void apply(LocalDate bucket, long numerator, long denominator) {
        apply(cells, bucket, numerator, denominator);
        if (sumDays != null) {
            // A change on a day the sums know of moves the sums from it on; a new day needs them rebuilt.
            int found = java.util.Arrays.binarySearch(sumDays, bucket.toEpochDay());
            if (found < 0) {
                sumDays = null;
            } else {
                for (int i = found + 1; i < sumNumerators.length; i++) {
                    sumNumerators[i] += numerator;
                    sumDenominators[i] += denominator;
                }
            }
        }
    }

    private static void apply(NavigableMap<LocalDate, long[]> target, LocalDate bucket, long numerator, long denominator) {
        long[] cell = target.computeIfAbsent(bucket, b -> new long[2]);
        cell[0] += numerator;
        cell[1] += denominator;
        if (cell[0] == 0 && cell[1] == 0) {
            target.remove(bucket);
        }
    }

    /**
     * Records the part of a change (already applied to the cell) recorded on {@code recordedOn},
     * after the end of the bucket's month.
     */
    public void applyLate(LocalDate bucket, LocalDate recordedOn, long numerator, long denominator) {
        NavigableMap<LocalDate, long[]> day = late.computeIfAbsent(recordedOn, d -> new TreeMap<>());
        apply(day, bucket, numerator, denominator);
        if (day.isEmpty()) {
            late.remove(recordedOn);
        }
    }

    /**
     * Forgets what no published figure can need any more: month cells before {@code horizon}
     * are dropped; day deltas before it are folded into one delta on the horizon, which leaves
     * every count from the horizon on unchanged. Late changes are treated alike.
     */
    public void forgetBefore(LocalDate horizon) {
        if (!cells.isEmpty() && cells.firstKey().isBefore(horizon)) {
            forgetBefore(cells, horizon);
            sumDays = null;
        }
        for (LocalDate day : List.copyOf(late.keySet())) {
            NavigableMap<LocalDate, long[]> changes = late.get(day);
            forgetBefore(changes, horizon);
            if (changes.isEmpty()) {
                late.remove(day);
            }
        }
    }

    /** Drops the late changes recorded on or before {@code day}: no published figure counts them any more. */
    public void forgetLateThrough(LocalDate day) {
        late.headMap(day, true).clear();
    }

    private void forgetBefore(NavigableMap<LocalDate, long[]> target, LocalDate horizon) {
        NavigableMap<LocalDate, long[]> old = target.headMap(horizon, false);
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
            apply(target, horizon, numerator, denominator);
        }
    }

    /**
     * How many days after the period's end the figure's counts were changed by what was recorded
     * that day (COUNTING.md 6): the changes of a day are summed over the period first, so a day
     * that moved a case from one month of the period to another does not count. Today's snapshot
     * belongs to a month still open: only days after that month count, as for the month's figures.
     */
    public int revision(Period period, LocalDate today) {
        int revision = 0;
        LocalDate ended = YearMonth.from(period.end()).atEndOfMonth();
        for (NavigableMap<LocalDate, long[]> day : late.tailMap(ended, false).values()) {
            Counts change = counts(day, period, 0, today);
            if (change.numerator() != 0 || change.denominator() != 0) {
                revision++;
            }
        }
        return revision;
    }

    /**
     * Whether the counts of {@code period} (and its revision) read a cell at any of the
     * {@code buckets}: if not, changes to those cells leave them as they were. A day delta counts
     * on every day from its own; a month cell in the months the period sums (with a demand
     * baseline, the same months of the baseline years: all months between are taken, a superset).
     */
    public boolean reads(Period period, NavigableSet<LocalDate> buckets) {
        if (buckets.isEmpty()) {
            return false;
        }
        if (isSnapshot()) {
            return !buckets.first().isAfter(period.end());
        }
        YearMonth from = YearMonth.from(period.start());
        if (indicator.measure() == org.casepulse.indicators.MeasureKind.DEMAND_CHANGE) {
            from = YearMonth.from(Periods.financialYearStart(period.endMonth()))
                    .minusYears(indicator.parameters().yearsOfBaseline());
        }
        LocalDate first = buckets.ceiling(from.atDay(1));
        return first != null && !first.isAfter(period.endMonth().atEndOfMonth());
    }

    /**
     * The counts of a period; empty when every fact in it is zero (COUNTING.md section 5). A
     * state kept as day deltas gives SNAPSHOT its state on the date, and MONTH or YTD the sums of
     * its states on the last day of each month of the period, or {@code today} for the month in
     * progress (COUNTING.md 8.6).
     */
    public Counts counts(Period period, LocalDate today) {
        return counts(cells, period, population, today);
    }

    /**
     * The counts of a period from {@code source}: the cells, or one day's late changes (with a
     * population of 0, so that a rate's constant denominator is no change). Every count is a sum
     * of the source's deltas, so a day's late changes give that day's change of the counts.
     */
    private Counts counts(NavigableMap<LocalDate, long[]> source, Period period, long population, LocalDate today) {
        if (isSnapshot()) {
            if (period.type() != PeriodType.SNAPSHOT) {
                return source == cells ? sumOfStatesOn(lastDaysOfMonths(period, today))
                        : sumOfStatesOn(source, lastDaysOfMonths(period, today));
            }
            Counts counts = source == cells ? stateOn(period.end()) : countsOn(source, period.end());
            // A snapshot rate is the numerator over the area's under-18 population (COUNTING.md 10).
            return indicator.unit() == org.casepulse.snapshots.Unit.RATE_PER_10K
                    ? new Counts(counts.numerator(), population, counts.empty()) : counts;
        }
        YearMonth month = YearMonth.from(period.end());
        return switch (indicator.measure()) {
            case REFERRAL_RATE, EVENT_RATE -> {
                long referrals = sum(source, YearMonth.from(period.start()), month).numerator();
                yield new Counts(referrals, population, referrals == 0);
            }
            case DEMAND_CHANGE -> demandChange(source, month);
            default -> sum(source, YearMonth.from(period.start()), month);
        };
    }

    /**
     * Referrals of the year to date against the same months of the previous year; with two
     * baseline years, twice this year's against the two previous years' together, so that
     * PERCENT_CHANGE of the two is the change against their mean with whole counts (COUNTING.md 8.9).
     */
    private Counts demandChange(NavigableMap<LocalDate, long[]> source, YearMonth month) {
        YearMonth from = YearMonth.from(Periods.financialYearStart(month));
        int years = indicator.parameters().yearsOfBaseline();
        long thisYear = sum(source, from, month).numerator();
        long baseline = 0;
        for (int back = 1; back <= years; back++) {
            baseline += sum(source, from.minusYears(back), month.minusYears(back)).numerator();
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

    /** The states of the cells on each of {@code days} added up, from the running sums. */
    private Counts sumOfStatesOn(List<LocalDate> days) {
        long numerator = 0;
        long denominator = 0;
        boolean empty = true;
        for (LocalDate day : days) {
            int index = runningSumIndex(day);
            numerator += sumNumerators[index];
            denominator += sumDenominators[index];
            empty &= sumNumerators[index] == 0 && sumDenominators[index] == 0;
        }
        return new Counts(numerator, denominator, empty);
    }

    /** The state of the cells on {@code day}: the sum of their deltas up to it. */
    private Counts stateOn(LocalDate day) {
        int index = runningSumIndex(day);
        long numerator = sumNumerators[index];
        long denominator = sumDenominators[index];
        return new Counts(numerator, denominator, numerator == 0 && denominator == 0);
    }

    /** The index of the running sums that includes every cell on or before {@code day}. */
    private int runningSumIndex(LocalDate day) {
        if (sumDays == null) {
            int size = cells.size();
            sumDays = new long[size];
            sumNumerators = new long[size + 1];
            sumDenominators = new long[size + 1];
            int i = 0;
            for (Map.Entry<LocalDate, long[]> cell : cells.entrySet()) {
                sumDays[i] = cell.getKey().toEpochDay();
                sumNumerators[i + 1] = sumNumerators[i] + cell.getValue()[0];
                sumDenominators[i + 1] = sumDenominators[i] + cell.getValue()[1];
                i++;
            }
        }
        int found = java.util.Arrays.binarySearch(sumDays, day.toEpochDay());
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The states on each of {@code days} (ascending) added up, in one pass over the deltas. */
    private static Counts sumOfStatesOn(NavigableMap<LocalDate, long[]> source, List<LocalDate> days) {
        long numerator = 0;
        long denominator = 0;
        long sumOfNumerators = 0;
        long sumOfDenominators = 0;
        boolean empty = true;
        Iterator<Map.Entry<LocalDate, long[]>> deltas = source.entrySet().iterator();
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

    private static Counts countsOn(NavigableMap<LocalDate, long[]> source, LocalDate day) {
        long numerator = 0;
        long denominator = 0;
        for (long[] delta : source.headMap(day, true).values()) {
            numerator += delta[0];
            denominator += delta[1];
        }
        return new Counts(numerator, denominator, numerator == 0 && denominator == 0);
    }

    private static Counts sum(NavigableMap<LocalDate, long[]> source, YearMonth from, YearMonth to) {
        long numerator = 0;
        long denominator = 0;
        boolean empty = true;
        for (Map.Entry<LocalDate, long[]> cell : source.subMap(from.atDay(1), true, to.atDay(1), true).entrySet()) {
            numerator += cell.getValue()[0];
            denominator += cell.getValue()[1];
            empty &= cell.getValue()[0] == 0 && cell.getValue()[1] == 0;
        }
        return new Counts(numerator, denominator, empty);
    }
}
