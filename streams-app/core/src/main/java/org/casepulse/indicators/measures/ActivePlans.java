package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.ChildAttributes;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;

/**
 * Children with an active plan of the type (and, with placementTypes, placed in one of them at
 * T); the numerator those in the subset (COUNTING.md 10). Placement at T: in force, latest start.
 */
final class ActivePlans implements ChildCountedMeasure {

    @Override
    public void thresholds(OpenCase openCase, IndicatorDefinition indicator, Collection<LocalDate> dates) {
        MeasureParameters.Subset subset = indicator.parameters().subset();
        if (subset != null && subset.ageBand() != null) {
            Birthdays.add(openCase.history().child(), subset.ageBand(), dates);
        }
    }

    @Override
    public int stateOn(OpenCase openCase, IndicatorDefinition indicator, LocalDate date) {
        MeasureParameters p = indicator.parameters();
        CaseHistory history = openCase.history();
        boolean active = history.plansOfType(p.planType()).stream().anyMatch(plan -> plan.activeOn(date));
        if (!active) {
            return NOT_QUALIFYING;
        }
        CaseHistory.Span placement = placementOn(history, date);
        if (p.placementTypes() != null
                && (placement == null || !p.placementTypes().contains(placement.start().getPlacementType()))) {
            return NOT_QUALIFYING;
        }
        MeasureParameters.Subset subset = p.subset();
        if (subset == null) {
            return 1;
        }
        ChildAttributes child = history.child();
        boolean in = (subset.ageBand() == null || subset.ageBand().admits(child, date))
                && (!subset.onlyAsylumSeeking() || child.unaccompaniedAsylumSeeking())
                && (subset.placementTypes() == null
                        || (placement != null && subset.placementTypes().contains(placement.start().getPlacementType())))
                && (subset.maxDistanceMiles() == null || (placement != null
                        && placement.start().getDistanceFromHomeMiles() != null
                        && placement.start().getDistanceFromHomeMiles() <= subset.maxDistanceMiles()));
        return in ? 1 : 0;
    }

    /** The placement in force on the date with the latest start (then the smallest placementId), or null. */
    static CaseHistory.Span placementOn(CaseHistory history, LocalDate date) {
        CaseHistory.Span found = null;
        for (CaseHistory.Span span : history.placements()) { // by placementId
            if (span.inForceOn(date) && (found == null || span.startDate().isAfter(found.startDate()))) {
                found = span;
            }
        }
        return found;
    }
}
