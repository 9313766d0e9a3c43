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
 * @param label                the seed report's own label (such as {@code NI 62}), or null
 * @param seedRefs             the SEED-INDICATORS.md rows this entry implements (may be empty)
 * @param section              where the page, tail and export group the entry (such as
 *                             {@code child protection}); {@link #NO_SECTION} when the file gives none
 * @param filter               which cases count (COUNTING.md 8.1); includes {@code caseType}
 * @param comparisons          what is carried beside the figure (last year, outturn, six months, trend grading)
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
                                  String description,
                                  String label,
                                  List<String> seedRefs,
                                  String section,
                                  CaseFilter filter,
                                  Comparisons comparisons) {

    /** The section of an entry the catalogue places in none. */
    public static final String NO_SECTION = "other";

    /** An entry without a seed label, seed rows or section (as catalogues before issue 12 had). */
    public IndicatorDefinition(String id, String title, MeasureKind measure, MeasureParameters parameters,
                               Polarity polarity, Unit unit, Target target, BigDecimal tolerance,
                               List<PeriodType> periods, Optional<String> caseType, int smallNumberThreshold,
                               int decimals, String description) {
        this(id, title, measure, parameters, polarity, unit, target, tolerance, periods, caseType,
                smallNumberThreshold, decimals, description, null, List.of(), NO_SECTION,
                CaseFilter.ofCaseType(caseType));
    }

    /** An entry without comparisons: nothing beside the figure, the trend graded by the unit's defaults. */
    public IndicatorDefinition(String id, String title, MeasureKind measure, MeasureParameters parameters,
                               Polarity polarity, Unit unit, Target target, BigDecimal tolerance,
                               List<PeriodType> periods, Optional<String> caseType, int smallNumberThreshold,
                               int decimals, String description, String label, List<String> seedRefs,
                               String section, CaseFilter filter) {
        this(id, title, measure, parameters, polarity, unit, target, tolerance, periods, caseType,
                smallNumberThreshold, decimals, description, label, seedRefs, section, filter, Comparisons.none(unit));
    }

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
        seedRefs = List.copyOf(seedRefs);
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(comparisons, "comparisons");
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
        if (measure.isCasesOverPosts() && !parameters.posts().byPosts()) {
            // cases over FTE published in hundredths (COUNTING.md 14.2): 1,335 cases over 8,530 is 15.6 per FTE
            return IndicatorValue.of(unit, numerator * 100, denominator, decimals);
        }
        return IndicatorValue.of(unit, numerator, denominator, decimals, parameters.daysPerUnit());
    }
}
