package org.casepulse.topology;

import java.util.ArrayList;
import java.util.List;
import org.casepulse.indicators.Fact;
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

    static List<Contribution> toState(List<Fact> facts) {
        List<Contribution> stored = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            stored.add(new Contribution(f.indicatorId(), f.areaCode(), f.workerId(), f.bucket(), f.numerator(), f.denominator()));
        }
        return stored;
    }
}
