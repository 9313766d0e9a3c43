package org.casepulse.indicators.bands;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One lowest area's published figure of a source indicator for a period, as a team-band-share
 * reads it: the value people see (rounded to the source's decimals) and its revision.
 */
public record TeamFigure(String team, BigDecimal value, int revision) {

    public TeamFigure {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(value, "value");
    }
}
