package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.figures.RecordedDays;
import org.casepulse.state.Contribution;

/** Converts facts to and from their stored form. */
final class FactRecords {

    private FactRecords() {}

    static List<Fact> fromState(List<Contribution> stored) {
        List<Fact> facts = new ArrayList<>(stored.size());
        for (Contribution c : stored) {
            facts.add(new Fact(c.getIndicatorId(), c.getAreaCode(), c.getWorkerId(), c.getBucket(), c.getNumerator(), c.getDenominator()));
        }
        return facts;
    }

    /** @param recordedOn the recorded day the changes are attributed to (null: known from the start) */
    static void toState(List<Fact> facts, LocalDate recordedOn, List<Contribution> stored) {
        for (Fact f : facts) {
            stored.add(new Contribution(f.indicatorId(), f.areaCode(), f.workerId(), f.bucket(), f.numerator(),
                    f.denominator(), RecordedDays.lateOrNull(f.bucket(), recordedOn)));
        }
    }
}
