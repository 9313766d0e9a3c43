package org.casepulse.indicators.measures;

import java.time.LocalDate;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * The numerator of audits-per-worker (COUNTING.md 14.9), as day deltas: each audit completed on
 * {@code a} counts at its area while {@code T - W < a <= T}, so it adds 1 on {@code a} and takes
 * it off on the first day past the window. The denominator, staff in post, comes from the staff ledger.
 */
final class AuditsInWindow implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        for (CaseElements.Occurrence occurrence : CaseElements.of(history, indicator.parameters().element())) {
            if (indicator.filter().admitsOn(history, occurrence.date())) {
                LocalDate completed = occurrence.date();
                facts.add(indicator.id(), occurrence.areaCode(), completed, 1, 0);
                facts.add(indicator.id(), occurrence.areaCode(), leaves(completed, indicator.parameters().within()), -1, 0);
            }
        }
    }

    /**
     * The first T with {@code T - W >= a}: {@code a + W}, or a day or two later at month ends (an
     * audit of 30 November is in the three months to 29 February: 29 February less three months is
     * 29 November).
     */
    static LocalDate leaves(LocalDate completed, java.time.Period within) {
        LocalDate until = completed.plus(within);
        while (until.minus(within).isBefore(completed)) {
            until = until.plusDays(1);
        }
        return until;
    }
}
