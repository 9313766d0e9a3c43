package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Each {@code from} element, counted when at least one {@code to} element pairs with it (the
 * {@code to}'s latest {@code from} on or before it). The fact stays in the from's month, so a
 * later {@code to} restates it. With {@code lagMonths} L (a cohort lagged, COUNTING.md 13), the fact
 * is in the month L months after the from's, and only a {@code to} dated by that month's end counts.
 */
final class FollowedBy implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        List<CaseElements.Occurrence> froms = CaseElements.of(history, indicator.parameters().from());
        if (froms.isEmpty()) {
            return;
        }
        int lag = indicator.parameters().cohortLag();
        Set<CaseElements.Occurrence> followed = new HashSet<>();
        for (CaseElements.Occurrence to : CaseElements.of(history, indicator.parameters().to())) {
            CaseElements.Occurrence from = CaseElements.pairOf(to, froms);
            if (from != null && (lag == 0 || !to.date().isAfter(cohortEnd(from.date(), lag)))) {
                followed.add(from);
            }
        }
        for (CaseElements.Occurrence from : froms) {
            if (indicator.filter().admitsOn(history, from.date())) {
                facts.add(indicator.id(), from.areaCode(), month(from.date()).plusMonths(lag),
                        oneIf(followed.contains(from)), 1);
            }
        }
    }

    /** The last day of the month {@code lag} months after {@code date}'s. */
    static LocalDate cohortEnd(LocalDate date, int lag) {
        return java.time.YearMonth.from(date).plusMonths(lag).atEndOfMonth();
    }
}
