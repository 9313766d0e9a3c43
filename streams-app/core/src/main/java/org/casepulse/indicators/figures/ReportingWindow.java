package org.casepulse.indicators.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.snapshots.PeriodType;

/**
 * The periods published for an indicator on a given day: every month of the last
 * {@code months} months (the current one included) for MONTH, YTD and R12M figures; for
 * SNAPSHOT figures the past month ends of those months and today. {@code lookBackMonths} is how
 * far before the window's first month a figure can reach (IndicatorCatalogue#lookBackMonths).
 */
public record ReportingWindow(LocalDate today, int months, int lookBackMonths) {

    public ReportingWindow {
        if (months < 2) {
            throw new IllegalArgumentException("the reporting window needs at least 2 months, got " + months);
        }
        if (lookBackMonths < IndicatorCatalogue.DEFAULT_LOOK_BACK_MONTHS) {
            throw new IllegalArgumentException("the look-back needs at least " + IndicatorCatalogue.DEFAULT_LOOK_BACK_MONTHS
                    + " months, got " + lookBackMonths);
        }
    }

    public ReportingWindow(LocalDate today, int months) {
        this(today, months, IndicatorCatalogue.DEFAULT_LOOK_BACK_MONTHS);
    }

    public YearMonth firstMonth() {
        return YearMonth.from(today).minusMonths(months - 1L);
    }

    public YearMonth lastMonth() {
        return YearMonth.from(today);
    }

    public boolean contains(Period period) {
        YearMonth month = YearMonth.from(period.end());
        return !month.isBefore(firstMonth()) && !month.isAfter(lastMonth())
                && (period.type() != PeriodType.SNAPSHOT || !period.end().isAfter(today));
    }

    public List<Period> periods(IndicatorDefinition indicator) {
        List<Period> periods = new ArrayList<>();
        for (PeriodType type : indicator.periods()) {
            for (YearMonth month = firstMonth(); !month.isAfter(lastMonth()); month = month.plusMonths(1)) {
                switch (type) {
                    case MONTH -> periods.add(Period.month(month));
                    case YTD -> periods.add(Period.yearToDate(month));
                    case R12M -> periods.add(Period.rolling12Months(month));
                    case SNAPSHOT -> {
                        LocalDate monthEnd = month.atEndOfMonth();
                        if (monthEnd.isBefore(today)) {
                            periods.add(Period.snapshot(monthEnd));
                        }
                    }
                }
            }
            if (type == PeriodType.SNAPSHOT) {
                periods.add(Period.snapshot(today));
            }
        }
        return periods;
    }

    /**
     * The first day any published figure can still depend on: R12M and last year's YTD reach
     * back two years from the window's first month (a two-year demand baseline, three).
     */
    public LocalDate horizon() {
        return firstMonth().minusMonths(lookBackMonths).atDay(1);
    }
}
