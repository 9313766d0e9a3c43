package org.casepulse.oracle;

import org.casepulse.reference.ReferenceData;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;
import org.casepulse.snapshots.PeriodType;

/** The reference computation's figures for a hand-written history, looked up by name in the tests. */
final class ComputedFigures {
    static final int REPORTING_MONTHS = 13;

    private final Map<FigureKey, ExpectedFigure> figures;

    private ComputedFigures(Map<FigureKey, ExpectedFigure> figures) {
        this.figures = figures;
    }

    static ComputedFigures of(String today, CaseEvent... received) {
        return of(ReferenceData.defaults(), today, received);
    }

    /**
     * The reference computation's figures; the same history also goes through the real topology,
     * which must publish exactly these figures, so every hand-worked scenario checks both.
     */
    static ComputedFigures of(ReferenceData reference, String today, CaseEvent... received) {
        List<CaseEvent> events = List.of(received);
        LocalDate day = LocalDate.parse(today);
        Map<FigureKey, ExpectedFigure> expected = ReferenceComputation.computeWithRevisions(events, reference, day,
                REPORTING_MONTHS);
        List<String> differences = TopologyAgreement.differences(events, expected, reference, day, REPORTING_MONTHS);
        if (!differences.isEmpty()) {
            throw new AssertionError("the topology disagrees with the reference computation on this history:\n  "
                    + String.join("\n  ", differences));
        }
        return new ComputedFigures(expected);
    }

    /** The shipped calendar and areas with a catalogue of just these indicators. */
    static ReferenceData withIndicators(IndicatorDefinition... indicators) {
        ReferenceData defaults = ReferenceData.defaults();
        return new ReferenceData(defaults.calendar(), new IndicatorCatalogue("test", List.of(indicators)),
                defaults.areas());
    }

    /** A shipped indicator under another id, with its measure's parameters changed. */
    static IndicatorDefinition variant(String shippedId, String id, UnaryOperator<MeasureParameters> change) {
        IndicatorDefinition d = IndicatorCatalogue.defaults().indicator(shippedId);
        return new IndicatorDefinition(id, d.title(), d.measure(), change.apply(d.parameters()), d.polarity(),
                d.unit(), d.target(), d.tolerance(), d.periods(), d.caseType(), d.smallNumberThreshold(),
                d.decimals(), d.description());
    }

    Map<FigureKey, ExpectedFigure> all() {
        return figures;
    }

    /**
     * The figure, if published. {@code period} is a month ({@code 2024-03}: the MONTH, YTD or R12M
     * ending 31 March 2024) or, for SNAPSHOT, a date.
     */
    private Optional<ExpectedFigure> find(String indicatorId, String areaCode, PeriodType type, String period) {
        LocalDate periodEnd = period.length() == 7 ? YearMonth.parse(period).atEndOfMonth() : LocalDate.parse(period);
        return Optional.ofNullable(figures.get(new FigureKey(indicatorId, areaCode, type, periodEnd)));
    }

    ExpectedFigure get(String indicatorId, String areaCode, PeriodType type, String period) {
        return find(indicatorId, areaCode, type, period).orElseThrow(() -> new AssertionError(
                "no figure " + indicatorId + " " + areaCode + " " + type + " " + period));
    }

    /** "numerator/denominator", or "empty" when the figure is not published. */
    String counts(String indicatorId, String areaCode, PeriodType type, String period) {
        return find(indicatorId, areaCode, type, period)
                .map(figure -> figure.numerator() + "/" + figure.denominator())
                .orElse("empty");
    }
}
