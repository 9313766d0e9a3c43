package org.casepulse.oracle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.TrendGrade;
import org.casepulse.snapshots.Unit;

/**
 * A figure as the reference computation expects it to be published. {@code denominator} is the
 * population a COUNT is drawn from, the under-18 population for a rate, last year's referrals for
 * demand change; {@code value} is already rounded to the indicator's decimals, null when the
 * denominator is 0; {@code previousValue} is null when the previous figure is missing;
 * {@code revision} counts the days after the period whose recorded events changed the counts, null
 * when not computed (it costs a batch computation per recorded day, see {@link Revisions});
 * {@code beside} what the catalogue carries beside the figure (COUNTING.md 12), null when not
 * compared.
 */
public record ExpectedFigure(
        String indicatorId,
        String areaCode,
        AreaLevel areaLevel,
        PeriodType periodType,
        LocalDate periodStart,
        LocalDate periodEnd,
        long numerator,
        Long denominator,
        BigDecimal value,
        Unit unit,
        BigDecimal target,
        Polarity polarity,
        Rag rag,
        BigDecimal previousValue,
        DirectionOfTravel directionOfTravel,
        boolean smallNumbers,
        Integer revision,
        Beside beside) {

    /** The trend grade, the comparisons and the benchmark a figure is expected to carry. */
    public record Beside(TrendGrade trend, BigDecimal lastYear, BigDecimal outturn, BigDecimal sixMonths,
                         String benchmarkYear, BigDecimal england, BigDecimal region, BigDecimal neighbours) {}

    public ExpectedFigure(String indicatorId, String areaCode, AreaLevel areaLevel, PeriodType periodType,
                          LocalDate periodStart, LocalDate periodEnd, long numerator, Long denominator,
                          BigDecimal value, Unit unit, BigDecimal target, Polarity polarity, Rag rag,
                          BigDecimal previousValue, DirectionOfTravel directionOfTravel, boolean smallNumbers,
                          Integer revision) {
        this(indicatorId, areaCode, areaLevel, periodType, periodStart, periodEnd, numerator, denominator, value, unit,
                target, polarity, rag, previousValue, directionOfTravel, smallNumbers, revision, null);
    }

    public ExpectedFigure withRevision(Integer newRevision) {
        return new ExpectedFigure(indicatorId, areaCode, areaLevel, periodType, periodStart, periodEnd, numerator,
                denominator, value, unit, target, polarity, rag, previousValue, directionOfTravel, smallNumbers,
                newRevision, beside);
    }

    public FigureKey key() {
        return new FigureKey(indicatorId, areaCode, periodType, periodEnd);
    }

    /**
     * Field by field, where a published snapshot differs from this figure; empty when it agrees
     * exactly. Doubles are compared by their decimal value ({@code 66.7} equals {@code 66.70});
     * {@code computedAt} is the topology's own business and not compared.
     */
    public List<String> mismatches(IndicatorSnapshot published) {
        List<String> mismatches = new ArrayList<>();
        compare(mismatches, "indicatorId", indicatorId, published.getIndicatorId());
        compare(mismatches, "areaCode", areaCode, published.getAreaCode());
        compare(mismatches, "areaLevel", areaLevel, published.getAreaLevel());
        compare(mismatches, "periodType", periodType, published.getPeriodType());
        compare(mismatches, "periodStart", periodStart, published.getPeriodStart());
        compare(mismatches, "periodEnd", periodEnd, published.getPeriodEnd());
        compare(mismatches, "numerator", numerator, published.getNumerator());
        compare(mismatches, "denominator", denominator, published.getDenominator());
        compare(mismatches, "value", value, decimal(published.getValue()));
        compare(mismatches, "unit", unit, published.getUnit());
        compare(mismatches, "target", target, decimal(published.getTarget()));
        compare(mismatches, "polarity", polarity, published.getPolarity());
        compare(mismatches, "rag", rag, published.getRag());
        compare(mismatches, "previousValue", previousValue, decimal(published.getPreviousValue()));
        compare(mismatches, "directionOfTravel", directionOfTravel, published.getDirectionOfTravel());
        compare(mismatches, "smallNumbers", smallNumbers, published.getSmallNumbers());
        if (revision != null) {
            compare(mismatches, "revision", revision, published.getRevision());
        }
        if (beside != null) {
            compare(mismatches, "trend", beside.trend(), published.getTrend());
            compare(mismatches, "lastYearValue", beside.lastYear(), decimal(published.getLastYearValue()));
            compare(mismatches, "outturnValue", beside.outturn(), decimal(published.getOutturnValue()));
            compare(mismatches, "sixMonthsValue", beside.sixMonths(), decimal(published.getSixMonthsValue()));
            compare(mismatches, "benchmarkYear", beside.benchmarkYear(), published.getBenchmarkYear());
            compare(mismatches, "benchmarkEngland", beside.england(), decimal(published.getBenchmarkEngland()));
            compare(mismatches, "benchmarkRegion", beside.region(), decimal(published.getBenchmarkRegion()));
            compare(mismatches, "benchmarkNeighbours", beside.neighbours(), decimal(published.getBenchmarkNeighbours()));
        }
        return mismatches;
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static void compare(List<String> mismatches, String field, Object expected, Object actual) {
        boolean same = expected instanceof BigDecimal e && actual instanceof BigDecimal a
                ? e.compareTo(a) == 0
                : Objects.equals(expected, actual);
        if (!same) {
            mismatches.add(field + ": expected " + expected + " but was " + actual);
        }
    }
}
