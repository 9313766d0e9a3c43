package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * A snapshot measure that counts children, each once (COUNTING.md 8.2). Each case says, date by
 * date, whether it qualifies to represent its child and what it would count; where the child's
 * cases meet, {@link ChildFacts} picks the representative (latest referral, then greatest caseId).
 */
interface ChildCountedMeasure {

    /** The state of a case that does not qualify on a date. */
    int NOT_QUALIFYING = -1;

    /** Dates, besides the case's event dates, on which the case's state may change. */
    void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates);

    /** On a date the case is open and passes the filters: the numerator (0 or 1), or {@link #NOT_QUALIFYING}. */
    int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date);
}
