package org.casepulse.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Unit;

/**
 * One indicator of the catalogue: what it counts ({@code measure} and its {@code parameters},
 * defaults filled in), how it is judged, and the periods it is published for.
 *
 * @param target               null when the indicator is not rated against a target
 * @param tolerance            the amber band, in the indicator's unit
 * @param caseType             when present, only cases whose referral carries this case type count
 * @param smallNumberThreshold a denominator below this is published but flagged
 * @param decimals             the value is rounded half up to this many places
 */
public record IndicatorDefinition(String id,
                                  String title,
                                  MeasureKind measure,
                                  MeasureParameters parameters,
                                  Polarity polarity,
                                  Unit unit,
                                  Target target,
                                  BigDecimal tolerance,
                                  List<PeriodType> periods,
                                  Optional<String> caseType,
                                  int smallNumberThreshold,
                                  int decimals,
                                  String description) {

    public IndicatorDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(tolerance, "tolerance");
        periods = List.copyOf(periods);
        Objects.requireNonNull(caseType, "caseType");
        Objects.requireNonNull(description, "description");
    }

    /** The target in force for a period ending on {@code periodEnd}, or null when there is none. */
    public BigDecimal targetFor(LocalDate periodEnd) {
        return target == null ? null : target.forPeriodEnd(periodEnd);
    }

    /** Whether the indicator is published for {@code type}. */
    public boolean publishes(PeriodType type) {
        return periods.contains(type);
    }

    /** Whether a figure with this denominator is flagged: one case would swing it. */
    public boolean isSmallNumber(Long denominator) {
        return denominator != null && denominator < smallNumberThreshold;
    }

    /** The published value of these counts, rounded to this indicator's decimals (null without a denominator). */
    public BigDecimal value(long numerator, Long denominator) {
        return IndicatorValue.of(unit, numerator, denominator, decimals);
    }
}
