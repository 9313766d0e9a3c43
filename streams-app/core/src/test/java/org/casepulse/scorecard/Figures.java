package org.casepulse.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.Unit;

/** Hand-made snapshots for tests: a percentage figure with target 65, polarity H, unless changed. */
public final class Figures {
    public static final Instant COMPUTED_AT = Instant.parse("2025-11-03T09:15:30.250Z");

    private Figures() {}

    public static IndicatorSnapshot.Builder percent(String indicator, String area, AreaLevel level, PeriodType type,
                                             LocalDate periodEnd, double value, Rag rag) {
        long denominator = 200;
        return IndicatorSnapshot.newBuilder()
                .setIndicatorId(indicator)
                .setAreaCode(area)
                .setAreaLevel(level)
                .setPeriodType(type)
                .setPeriodStart(periodStart(type, periodEnd))
                .setPeriodEnd(periodEnd)
                .setNumerator(Math.round(value * denominator / 100))
                .setDenominator(denominator)
                .setValue(value)
                .setUnit(Unit.PERCENT)
                .setTarget(65.0)
                .setPolarity(Polarity.H)
                .setRag(rag)
                .setPreviousValue(null)
                .setDirectionOfTravel(DirectionOfTravel.NOT_COMPARABLE)
                .setSmallNumbers(false)
                .setRevision(0)
                .setComputedAt(COMPUTED_AT);
    }

    public static IndicatorSnapshotKey keyOf(IndicatorSnapshot figure) {
        return new IndicatorSnapshotKey(figure.getIndicatorId(), figure.getAreaCode(), figure.getPeriodType(),
                figure.getPeriodEnd());
    }

    public static Figure figure(IndicatorSnapshot.Builder builder) {
        return Figure.of(builder.build());
    }

    private static LocalDate periodStart(PeriodType type, LocalDate end) {
        YearMonth month = YearMonth.from(end);
        return switch (type) {
            case MONTH -> month.atDay(1);
            case YTD -> YearMonth.of(month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1, 4).atDay(1);
            case R12M -> month.minusMonths(11).atDay(1);
            case SNAPSHOT -> end;
        };
    }
}
