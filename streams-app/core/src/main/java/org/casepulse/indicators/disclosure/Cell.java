package org.casepulse.indicators.disclosure;

import java.util.Objects;

/**
 * The counts of one area's figure for one indicator and period, as disclosure control sees them.
 *
 * @param denominator null for count indicators
 */
public record Cell(String areaCode, long numerator, Long denominator) {
    public Cell {
        Objects.requireNonNull(areaCode, "areaCode");
    }
}
