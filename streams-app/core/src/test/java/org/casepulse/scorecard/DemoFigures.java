package org.casepulse.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.figures.Counts;
import org.casepulse.indicators.figures.FigureMaker;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Unit;

/**
 * Plausible figures for every indicator, area and period of a 12-month reporting window, as the
 * engine would publish them: made-up monthly counts per lowest area (each area better or worse
 * than the others, drifting over the months), summed up the hierarchy and over each period, then
 * turned into figures by the engine's own {@link FigureMaker}. Deterministic for a seed.
 */
public final class DemoFigures {
    private final ReferenceData reference;
    private final long seed;

    public DemoFigures(ReferenceData reference, long seed) {
        this.reference = reference;
        this.seed = seed;
    }

    /** Every figure of the reporting window ending {@code today}. */
    public List<IndicatorSnapshot> all(LocalDate today, Instant computedAt) {
        ReportingWindow window = new ReportingWindow(today, 12);
        List<IndicatorSnapshot> figures = new ArrayList<>();
        for (IndicatorDefinition indicator : reference.catalogue().indicators()) {
            for (Area area : reference.areas().all()) {
                for (Period period : window.periods(indicator)) {
                    Period previous = period.previous();
                    figures.add(FigureMaker.make(indicator, area, period, counts(indicator, area, period),
                            window.contains(previous) ? counts(indicator, area, previous) : null, 0, computedAt));
                }
            }
        }
        return figures;
    }

    /** The figure for one indicator, area and period. */
    public IndicatorSnapshot figure(IndicatorDefinition indicator, Area area, Period period, Instant computedAt) {
        return FigureMaker.make(indicator, area, period, counts(indicator, area, period),
                counts(indicator, area, period.previous()), 0, computedAt);
    }

    private Counts counts(IndicatorDefinition indicator, Area area, Period period) {
        long numerator = 0;
        long denominator = 0;
        for (Area lowest : reference.areas().lowest()) {
            if (reference.areas().lineage(lowest.code()).contains(area)) {
                long[] counts = lowestCounts(indicator, lowest, period);
                numerator += counts[0];
                denominator += counts[1];
            }
        }
        return new Counts(numerator, denominator, false);
    }

    private long[] lowestCounts(IndicatorDefinition indicator, Area area, Period period) {
        double perTenK = area.population() / 10_000.0;
        if (indicator.unit() == Unit.RATE_PER_10K) {
            // A snapshot rate (children on plans, in care) has no months: about 40 per 10,000.
            long numerator = period.type() == PeriodType.SNAPSHOT
                    ? Math.round(perTenK * 40 * (0.8 + 0.4 * unit(indicator.id(), area.code(), "rate")))
                    : referrals(area, period.monthsIn());
            return new long[] {numerator, area.population()};
        }
        if (indicator.unit() == Unit.PERCENT_CHANGE) {
            List<YearMonth> lastYear = period.monthsIn().stream().map(month -> month.minusYears(1)).toList();
            return new long[] {referrals(area, period.monthsIn()), referrals(area, lastYear)};
        }
        if (period.type() == PeriodType.SNAPSHOT) {
            int month = monthIndex(YearMonth.from(period.end()));
            return switch (indicator.unit()) {
                case COUNT -> new long[] {Math.round(Math.max(0, perTenK * 0.06 * (1 + skill(indicator, area))
                        * (1 + 0.4 * Math.sin(month / 2.0)) + noise(indicator, area, month) * 2)), 0};
                case RATIO -> {
                    long workers = Math.round(perTenK * 1.1);
                    yield new long[] {Math.round(workers * (15.5 + 3 * skill(indicator, area)
                            + noise(indicator, area, month))), workers};
                }
                default -> proportion(indicator, area, month, perTenK * 9);
            };
        }
        long numerator = 0;
        long denominator = 0;
        for (YearMonth month : period.monthsIn()) {
            // Plans that end or repeat are few: a service area's count is small early in the year.
            double base = indicator.id().startsWith("cp-plan") || indicator.id().startsWith("repeat") ? 0.03 : 1.6;
            long[] counts = proportion(indicator, area, monthIndex(month), perTenK * base);
            numerator += counts[0];
            denominator += counts[1];
        }
        return new long[] {numerator, denominator};
    }

    private long[] proportion(IndicatorDefinition indicator, Area area, int month, double base) {
        long denominator = Math.max(0, Math.round(base * (0.75 + 0.5 * unit(indicator.id(), area.code(), month, "den"))));
        double centre = indicator.target() == null ? 40 : indicator.target().q1().doubleValue();
        double lean = indicator.polarity() == Polarity.H ? 2 : indicator.polarity() == Polarity.L ? -2 : 0;
        double rate = centre + lean + 9 * skill(indicator, area) + 3 * Math.sin(month / 2.5)
                + 4 * noise(indicator, area, month);
        double share = Math.min(1, Math.max(0, rate / 100));
        return new long[] {Math.round(denominator * share), denominator};
    }

    private long referrals(Area area, List<YearMonth> months) {
        double perTenK = area.population() / 10_000.0;
        return months.stream().mapToLong(month -> Math.round(perTenK * 45
                * (0.85 + 0.3 * unit("referrals", area.code(), monthIndex(month), "n")))).sum();
    }

    /** How much better (positive) or worse an area does on an indicator, -1 to 1. */
    private double skill(IndicatorDefinition indicator, Area area) {
        double skill = 2 * unit(indicator.id(), area.code(), "skill") - 1;
        return indicator.polarity() == Polarity.L ? -skill : skill;
    }

    private double noise(IndicatorDefinition indicator, Area area, int month) {
        return 2 * unit(indicator.id(), area.code(), month, "noise") - 1;
    }

    private static int monthIndex(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue();
    }

    private double unit(Object... keys) {
        return new SplittableRandom(seed * 31 + Objects.hash(keys)).nextDouble();
    }
}
