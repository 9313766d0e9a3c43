package org.casepulse.indicators.figures;

import java.math.BigDecimal;
import java.time.Instant;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.Rating;
import org.casepulse.reference.Area;
import org.casepulse.reference.Benchmark;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.Unit;

/**
 * Makes the published figure from counts: value, target in force, RAG, previous value, direction
 * of travel and its graded trend; and what the catalogue puts beside it ({@link Beside}).
 */
public final class FigureMaker {

    private FigureMaker() {}

    public static IndicatorSnapshot make(IndicatorDefinition indicator, Area area, Period period, Counts counts,
                                         Counts previous, int revision, Instant computedAt) {
        return make(indicator, area, period, counts, previous, revision, computedAt, Beside.NONE);
    }

    public static IndicatorSnapshot make(IndicatorDefinition indicator, Area area, Period period, Counts counts,
                                         Counts previous, int revision, Instant computedAt, Beside beside) {
        BigDecimal value = valueOf(indicator, counts);
        BigDecimal previousValue = previous == null || previous.empty() ? null : valueOf(indicator, previous);
        BigDecimal target = indicator.target() == null ? null : indicator.target().forPeriodEnd(period.end());
        Rag rag = Rating.rag(indicator.polarity(), value, target, indicator.tolerance());
        DirectionOfTravel direction = Rating.direction(indicator.polarity(), value, previousValue, target);
        Benchmark benchmark = beside.benchmark();
        return IndicatorSnapshot.newBuilder()
                .setIndicatorId(indicator.id())
                .setAreaCode(area.code())
                .setAreaLevel(area.level())
                .setPeriodType(period.type())
                .setPeriodStart(period.start())
                .setPeriodEnd(period.end())
                .setNumerator(counts.numerator())
                .setDenominator(counts.denominator())
                .setValue(toDouble(value))
                .setUnit(indicator.unit())
                .setTarget(toDouble(target))
                .setPolarity(indicator.polarity())
                .setRag(rag)
                .setPreviousValue(toDouble(previousValue))
                .setDirectionOfTravel(direction)
                .setSmallNumbers(isSmallNumber(indicator, counts))
                .setRevision(revision)
                .setComputedAt(computedAt)
                .setTrend(indicator.comparisons().trend().grade(indicator.unit(), indicator.polarity(), value,
                        previousValue, target))
                .setLastYearValue(toDouble(beside.lastYear()))
                .setOutturnValue(toDouble(beside.outturn()))
                .setSixMonthsValue(toDouble(beside.sixMonths()))
                .setBenchmarkYear(benchmark == null ? null : benchmark.year())
                .setBenchmarkEngland(benchmark == null ? null : toDouble(benchmark.england()))
                .setBenchmarkRegion(benchmark == null ? null : toDouble(benchmark.region()))
                .setBenchmarkNeighbours(benchmark == null ? null : toDouble(benchmark.neighbours()))
                .build();
    }

    public static BigDecimal valueOf(IndicatorDefinition indicator, Counts counts) {
        return indicator.value(counts.numerator(), counts.denominator());
    }

    /** One case swings a percentage or ratio over a small denominator; counts are not flagged. */
    static boolean isSmallNumber(IndicatorDefinition indicator, Counts counts) {
        Unit unit = indicator.unit();
        boolean swings = unit == Unit.PERCENT || unit == Unit.RATIO || unit == Unit.PERCENT_CHANGE;
        return swings && counts.denominator() < indicator.smallNumberThreshold();
    }

    /** The same figure, whenever and however often it was computed. */
    public static boolean sameFigure(IndicatorSnapshot a, IndicatorSnapshot b) {
        return a.getNumerator() == b.getNumerator()
                && java.util.Objects.equals(a.getDenominator(), b.getDenominator())
                && java.util.Objects.equals(a.getValue(), b.getValue())
                && java.util.Objects.equals(a.getTarget(), b.getTarget())
                && a.getRag() == b.getRag()
                && java.util.Objects.equals(a.getPreviousValue(), b.getPreviousValue())
                && a.getDirectionOfTravel() == b.getDirectionOfTravel()
                && a.getSmallNumbers() == b.getSmallNumbers()
                && a.getAreaLevel() == b.getAreaLevel()
                && a.getPeriodStart().equals(b.getPeriodStart())
                && a.getUnit() == b.getUnit()
                && a.getPolarity() == b.getPolarity()
                && a.getRevision() == b.getRevision()
                && a.getTrend() == b.getTrend()
                && java.util.Objects.equals(a.getLastYearValue(), b.getLastYearValue())
                && java.util.Objects.equals(a.getOutturnValue(), b.getOutturnValue())
                && java.util.Objects.equals(a.getSixMonthsValue(), b.getSixMonthsValue())
                && java.util.Objects.equals(a.getBenchmarkYear(), b.getBenchmarkYear())
                && java.util.Objects.equals(a.getBenchmarkEngland(), b.getBenchmarkEngland())
                && java.util.Objects.equals(a.getBenchmarkRegion(), b.getBenchmarkRegion())
                && java.util.Objects.equals(a.getBenchmarkNeighbours(), b.getBenchmarkNeighbours());
    }

    private static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
