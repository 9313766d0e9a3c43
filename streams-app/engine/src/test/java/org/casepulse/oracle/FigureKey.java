package org.casepulse.oracle;

import java.time.LocalDate;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;

/** Identifies one figure, as the key of the compacted snapshot topic does. */
public record FigureKey(String indicatorId, String areaCode, PeriodType periodType, LocalDate periodEnd) {

    public static FigureKey of(IndicatorSnapshotKey key) {
        return new FigureKey(key.getIndicatorId(), key.getAreaCode(), key.getPeriodType(), key.getPeriodEnd());
    }

    public static FigureKey of(IndicatorSnapshot snapshot) {
        return new FigureKey(snapshot.getIndicatorId(), snapshot.getAreaCode(), snapshot.getPeriodType(),
                snapshot.getPeriodEnd());
    }
}
