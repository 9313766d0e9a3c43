package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * Each {@code to} element paired with a {@code from}: the calendar days between them over one, so
 * that a period's figure is the average (in days, or weeks with {@code in: weeks}: COUNTING.md 13).
 * A {@code to} with nothing to pair with gives no fact and counts an anomaly.
 */
final class IntervalAverage implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        List<CaseElements.Occurrence> froms = CaseElements.of(history, indicator.parameters().from());
        for (CaseElements.Occurrence to : CaseElements.of(history, indicator.parameters().to())) {
            CaseElements.Occurrence from = CaseElements.pairOf(to, froms);
            if (from == null) {
                facts.anomaly(Anomaly.UNPAIRED_INTERVAL_END);
                continue;
            }
            if (indicator.filter().admitsOn(history, to.date())) {
                facts.add(indicator.id(), to.areaCode(), month(to.date()),
                        ChronoUnit.DAYS.between(from.date(), to.date()), 1);
            }
        }
    }
}
