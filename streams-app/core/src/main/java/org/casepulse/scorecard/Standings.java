package org.casepulse.scorecard;

import java.util.List;
import java.util.Optional;

/**
 * How a set of peer areas compare on one indicator and period, as the seed reports print it:
 * "Best Performance - S4 (97.8%)", "Service Area Hotspots - N6 (44.8%), C5 (49.1%)".
 *
 * @param best     the best value by polarity; empty for indicators without polarity or values
 * @param hotspots the areas rated RED, worst first
 */
public record Standings(Optional<Figure> best, List<Figure> hotspots) {
    public static final Standings NONE = new Standings(Optional.empty(), List.of());

    public Standings {
        hotspots = List.copyOf(hotspots);
    }
}
