package org.casepulse.scorecard;

import java.time.LocalDate;
import org.casepulse.snapshots.PeriodType;

/**
 * Which figures a query or a stream wants; a null field matches anything.
 *
 * @param from first period end wanted (inclusive)
 * @param to   last period end wanted (inclusive)
 */
public record FigureFilter(String indicatorId, String areaCode, PeriodType periodType, LocalDate from, LocalDate to) {
    public static final FigureFilter ALL = new FigureFilter(null, null, null, null, null);

    /** @throws IllegalArgumentException when {@code from} is after {@code to} */
    public FigureFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** Whether figures of this indicator, area and period type can match (period ends aside). */
    boolean matchesSeries(FigureKey.SeriesKey series) {
        return (indicatorId == null || indicatorId.equals(series.indicatorId()))
                && (areaCode == null || areaCode.equals(series.areaCode()))
                && (periodType == null || periodType == series.periodType());
    }

    public boolean matches(FigureKey key) {
        return (indicatorId == null || indicatorId.equals(key.indicatorId()))
                && (areaCode == null || areaCode.equals(key.areaCode()))
                && (periodType == null || periodType == key.periodType())
                && (from == null || !key.periodEnd().isBefore(from))
                && (to == null || !key.periodEnd().isAfter(to));
    }
}
