package org.casepulse.indicators.measures;

import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/** Computes the facts one case contributes to one indicator (COUNTING.md section 2). */
public interface CaseMeasure {

    void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts);

    /** The first day of the month of {@code date}: event facts are bucketed by month. */
    static java.time.LocalDate month(java.time.LocalDate date) {
        return date.withDayOfMonth(1);
    }

    static long oneIf(boolean condition) {
        return condition ? 1 : 0;
    }
}
