package org.casepulse.scorecard;

import java.time.LocalDate;
import java.util.Objects;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;

/** What a published figure is of: the key of the snapshot topic, as plain Java. */
public record FigureKey(String indicatorId, String areaCode, PeriodType periodType, LocalDate periodEnd) {

    public FigureKey {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(areaCode, "areaCode");
        Objects.requireNonNull(periodType, "periodType");
        Objects.requireNonNull(periodEnd, "periodEnd");
    }

    public static FigureKey of(IndicatorSnapshotKey key) {
        return new FigureKey(key.getIndicatorId(), key.getAreaCode(), key.getPeriodType(), key.getPeriodEnd());
    }

    /** The series the figure belongs to: the same indicator, area and kind of period. */
    SeriesKey series() {
        return new SeriesKey(indicatorId, areaCode, periodType);
    }

    /** One indicator's figures for one area and kind of period, over time. */
    record SeriesKey(String indicatorId, String areaCode, PeriodType periodType) {}
}
