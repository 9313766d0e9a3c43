package org.casepulse.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.Unit;

/**
 * A figure as the reference computation expects it to be published. {@code denominator} is the
 * population a COUNT is drawn from, the under-18 population for a rate, last year's referrals for
 * demand change; {@code value} is already rounded to the indicator's decimals, null when the
 * denominator is 0; {@code previousValue} is null when the previous figure is missing.
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
        boolean smallNumbers) {

    public FigureKey key() {
        return new FigureKey(indicatorId, areaCode, periodType, periodEnd);
    }
}
