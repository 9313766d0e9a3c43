package org.casepulse.indicators.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.casepulse.calendar.Period;
import org.casepulse.calendar.Periods;
import org.casepulse.indicators.Comparisons;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.Benchmark;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Unit;

/**
 * What a figure carries beside its value when the catalogue asks (COUNTING.md 12): last year's
 * value, the previous financial year's outturn, the six months before, and the benchmarks.
 * Each value is null when not asked for, not defined for the period type, or its counts are empty.
 */
public record Beside(BigDecimal lastYear, BigDecimal outturn, BigDecimal sixMonths, Benchmark benchmark) {

    public static final Beside NONE = new Beside(null, null, null, null);
    static final int SIX = 6;

    /**
     * @param countsOf the counts of any period of the series (periods before the reporting window
     *                 included: the look-back keeps two years of them)
     */
    public static Beside of(IndicatorDefinition indicator, Period period, Function<Period, Counts> countsOf,
                            Benchmark benchmark) {
        Comparisons asked = indicator.comparisons();
        BigDecimal lastYear = asked.lastYear() ? valueOf(indicator, countsOf.apply(lastYear(period))) : null;
        Period outturnPeriod = asked.outturn() ? outturn(period) : null;
        BigDecimal outturn = outturnPeriod == null ? null : valueOf(indicator, countsOf.apply(outturnPeriod));
        BigDecimal sixMonths = null;
        if (asked.sixMonths() != Comparisons.SixMonths.NONE && period.type() != PeriodType.YTD
                && period.type() != PeriodType.R12M) {
            List<Counts> months = new ArrayList<>();
            for (Period month : sixMonthsBefore(period)) {
                months.add(countsOf.apply(month));
            }
            sixMonths = sixMonths(indicator, asked.sixMonths(), months);
        }
        return new Beside(lastYear, outturn, sixMonths, benchmark);
    }

    /**
     * The periods whose counts {@link #of} reads for a figure of {@code period}: a figure can
     * change only when the counts of one of them (or of the period itself) change.
     */
    public static List<Period> periodsRead(IndicatorDefinition indicator, Period period) {
        Comparisons asked = indicator.comparisons();
        List<Period> read = new ArrayList<>();
        if (asked.lastYear()) {
            read.add(lastYear(period));
        }
        Period outturnPeriod = asked.outturn() ? outturn(period) : null;
        if (outturnPeriod != null) {
            read.add(outturnPeriod);
        }
        if (asked.sixMonths() != Comparisons.SixMonths.NONE && period.type() != PeriodType.YTD
                && period.type() != PeriodType.R12M) {
            read.addAll(sixMonthsBefore(period));
        }
        return read;
    }

    /** The same period a year earlier: a snapshot on the same date (28 February for the 29th). */
    public static Period lastYear(Period period) {
        return period.type() == PeriodType.SNAPSHOT
                ? Period.snapshot(period.end().minusYears(1))
                : Period.of(period.type(), period.endMonth().minusYears(1));
    }

    /**
     * The final figure of the financial year before the period's own: the YTD or R12M ending that
     * March, the snapshot on 31 March; null for MONTH (a month has no year-end outturn). The
     * current year's is never forecast: it is not shown until the year ends.
     */
    public static Period outturn(Period period) {
        YearMonth march = YearMonth.from(Periods.financialYearStart(period.endMonth())).withMonth(Month.MARCH.getValue());
        return switch (period.type()) {
            case MONTH -> null;
            case SNAPSHOT -> Period.snapshot(march.atEndOfMonth());
            case YTD, R12M -> Period.of(period.type(), march);
        };
    }

    /** The six calendar months before the period's month: MONTHs, or month-end snapshots for a SNAPSHOT. */
    public static List<Period> sixMonthsBefore(Period period) {
        List<Period> months = new ArrayList<>();
        for (int back = SIX; back >= 1; back--) {
            YearMonth month = period.endMonth().minusMonths(back);
            months.add(period.type() == PeriodType.SNAPSHOT ? Period.snapshot(month.atEndOfMonth()) : Period.month(month));
        }
        return months;
    }

    /**
     * Cumulative: the value of the six months' counts added up (a rate keeps its population as
     * denominator). Average: the same for a proportion (the ratio of the averages is that of the
     * sums); for a count or a rate, a sixth of it. Empty months count as zero; null when all are.
     */
    static BigDecimal sixMonths(IndicatorDefinition indicator, Comparisons.SixMonths kind, List<Counts> months) {
        long numerator = 0;
        long denominator = 0;
        boolean empty = true;
        Unit unit = indicator.unit();
        for (Counts month : months) {
            numerator += month.numerator();
            denominator = unit == Unit.RATE_PER_10K ? Math.max(denominator, month.denominator())
                    : denominator + month.denominator();
            empty &= month.empty();
        }
        if (empty) {
            return null;
        }
        boolean perMonth = kind == Comparisons.SixMonths.AVERAGE && (unit == Unit.COUNT || unit == Unit.RATE_PER_10K);
        if (!perMonth) {
            return indicator.value(numerator, denominator);
        }
        if (unit == Unit.COUNT) {
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(SIX), indicator.decimals(), RoundingMode.HALF_UP);
        }
        return denominator == 0 ? null : BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(denominator * SIX), indicator.decimals(), RoundingMode.HALF_UP);
    }

    private static BigDecimal valueOf(IndicatorDefinition indicator, Counts counts) {
        return counts.empty() ? null : FigureMaker.valueOf(indicator, counts);
    }
}
