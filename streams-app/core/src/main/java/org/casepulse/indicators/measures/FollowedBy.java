package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Each {@code from} element, counted when at least one {@code to} element pairs with it (the
 * {@code to}'s latest {@code from} on or before it). The fact stays in the from's month, so a
 * later {@code to} restates it.
 */
final class FollowedBy implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        List<CaseElements.Occurrence> froms = CaseElements.of(history, indicator.parameters().from());
        if (froms.isEmpty()) {
            return;
        }
        Set<CaseElements.Occurrence> followed = new HashSet<>();
        for (CaseElements.Occurrence to : CaseElements.of(history, indicator.parameters().to())) {
            CaseElements.Occurrence from = CaseElements.pairOf(to, froms);
            if (from != null) {
                followed.add(from);
            }
        }
        for (CaseElements.Occurrence from : froms) {
            if (indicator.filter().admitsOn(history, from.date())) {
                facts.add(indicator.id(), from.areaCode(), month(from.date()), oneIf(followed.contains(from)), 1);
            }
        }
    }
}
