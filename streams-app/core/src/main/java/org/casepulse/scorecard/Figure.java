package org.casepulse.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.TrendGrade;
import org.casepulse.snapshots.Unit;

/**
 * One published indicator figure, as the operations surface holds and serves it: an immutable
 * copy of an {@link IndicatorSnapshot} (counts only, never a child, case or worker identifier).
 *
 * @param denominator null for COUNT indicators
 * @param value       null when there is no denominator
 * @param revision    how many times the figure was restated after its period ended
 * @param trend       the direction of travel graded by size (null when not graded)
 * @param lastYearValue, outturnValue, sixMonthsValue, benchmarkYear, benchmarkEngland, benchmarkRegion,
 *        benchmarkNeighbours what the catalogue and the benchmarks file put beside the figure (null when absent)
 */
public record Figure(String indicatorId,
                     String areaCode,
                     AreaLevel areaLevel,
                     PeriodType periodType,
                     LocalDate periodStart,
                     LocalDate periodEnd,
                     long numerator,
                     Long denominator,
                     Double value,
                     Unit unit,
                     Double target,
                     Polarity polarity,
                     Rag rag,
                     Double previousValue,
                     DirectionOfTravel directionOfTravel,
                     boolean smallNumbers,
                     int revision,
                     Instant computedAt,
                     TrendGrade trend,
                     Double lastYearValue,
                     Double outturnValue,
                     Double sixMonthsValue,
                     String benchmarkYear,
                     Double benchmarkEngland,
                     Double benchmarkRegion,
                     Double benchmarkNeighbours) {

    public static Figure of(IndicatorSnapshot snapshot) {
        return new Figure(snapshot.getIndicatorId(), snapshot.getAreaCode(), snapshot.getAreaLevel(),
                snapshot.getPeriodType(), snapshot.getPeriodStart(), snapshot.getPeriodEnd(),
                snapshot.getNumerator(), snapshot.getDenominator(), snapshot.getValue(), snapshot.getUnit(),
                snapshot.getTarget(), snapshot.getPolarity(), snapshot.getRag(), snapshot.getPreviousValue(),
                snapshot.getDirectionOfTravel(), snapshot.getSmallNumbers(), snapshot.getRevision(),
                snapshot.getComputedAt(), snapshot.getTrend(), snapshot.getLastYearValue(), snapshot.getOutturnValue(),
                snapshot.getSixMonthsValue(), snapshot.getBenchmarkYear(), snapshot.getBenchmarkEngland(),
                snapshot.getBenchmarkRegion(), snapshot.getBenchmarkNeighbours());
    }

    public FigureKey key() {
        return new FigureKey(indicatorId, areaCode, periodType, periodEnd);
    }
}
