package org.casepulse.scorecard;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.indicators.Comparisons;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.Target;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Unit;

/**
 * An indicator of the catalogue as the API shows it.
 *
 * @param target          the target all year; null when there is none or it is phased
 * @param targetByQuarter the target of each financial quarter (Q1 April-June); null without a target
 * @param label           the seed report's own label (such as {@code NI 62}); null when it has none
 * @param seedRefs        the SEED-INDICATORS.md rows the indicator implements
 * @param section         the scorecard section the indicator is shown in
 * @param targetByYear    targets by financial year (such as 2016/17); empty when none
 * @param targetBy        dated targets by due date; empty when none
 * @param comparisons     what the catalogue puts beside each figure
 */
public record IndicatorJson(String id,
                            String title,
                            String measure,
                            Polarity polarity,
                            Unit unit,
                            BigDecimal target,
                            Map<String, BigDecimal> targetByQuarter,
                            BigDecimal tolerance,
                            List<PeriodType> periods,
                            int decimals,
                            int smallNumberThreshold,
                            String description,
                            String label,
                            List<String> seedRefs,
                            String section,
                            Map<String, Object> targetByYear,
                            Map<String, BigDecimal> targetBy,
                            Comparisons comparisons) {

    public static IndicatorJson of(IndicatorDefinition indicator) {
        Target target = indicator.target();
        return new IndicatorJson(indicator.id(), indicator.title(), indicator.measure().yamlName(),
                indicator.polarity(), indicator.unit(),
                target == null || target.isPhased() ? null : target.q1(),
                target == null || !target.hasStanding() ? null : quarters(target),
                indicator.tolerance(), indicator.periods(), indicator.decimals(), indicator.smallNumberThreshold(),
                indicator.description(), indicator.label(), indicator.seedRefs(), indicator.section(),
                target == null ? Map.of() : years(target), target == null ? Map.of() : dated(target),
                indicator.comparisons());
    }

    /** Targets by financial year ("2016/17"): a number, or the quarters when phased. */
    private static Map<String, Object> years(Target target) {
        Map<String, Object> years = new LinkedHashMap<>();
        target.years().forEach((year, value) -> years.put(Target.yearName(year),
                value.isPhased() ? quarters(value) : value.q1()));
        return years;
    }

    /** Dated targets by due date (YYYY-MM-DD). */
    private static Map<String, BigDecimal> dated(Target target) {
        Map<String, BigDecimal> dated = new LinkedHashMap<>();
        target.dated().forEach((date, value) -> dated.put(date.toString(), value));
        return dated;
    }

    private static Map<String, BigDecimal> quarters(Target target) {
        Map<String, BigDecimal> quarters = new LinkedHashMap<>();
        for (int quarter = 1; quarter <= 4; quarter++) {
            quarters.put("Q" + quarter, target.forQuarter(quarter));
        }
        return quarters;
    }
}
