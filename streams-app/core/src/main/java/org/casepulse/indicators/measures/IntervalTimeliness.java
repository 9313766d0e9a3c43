package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import java.time.LocalDate;
import java.util.List;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;

/**
 * Each {@code to} element paired with a {@code from} (the latest on or before it), timely when
 * {@code wd(from, to) <= N}, or {@code to <= from + within}, or {@code to < from + lessThan}.
 * A {@code to} with nothing to pair with gives no fact and counts an anomaly.
 */
final class IntervalTimeliness implements CaseMeasure {

    private final WorkingDayCalendar calendar;

    IntervalTimeliness(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        MeasureParameters p = indicator.parameters();
        List<CaseElements.Occurrence> froms = CaseElements.of(history, p.from());
        for (CaseElements.Occurrence to : CaseElements.of(history, p.to())) {
            CaseElements.Occurrence from = CaseElements.pairOf(to, froms);
            if (from == null) {
                facts.anomaly(Anomaly.UNPAIRED_INTERVAL_END);
                continue;
            }
            if (indicator.filter().admitsOn(history, to.date())) {
                facts.add(indicator.id(), to.areaCode(), month(to.date()), oneIf(timely(p, from.date(), to.date())), 1);
            }
        }
    }

    private boolean timely(MeasureParameters p, LocalDate from, LocalDate to) {
        if (p.withinWorkingDays() != null) {
            return calendar.workingDaysBetween(from, to) <= p.withinWorkingDays();
        }
        if (p.within() != null) {
            return !to.isAfter(from.plus(p.within()));
        }
        return to.isBefore(from.plus(p.lessThan()));
    }
}
