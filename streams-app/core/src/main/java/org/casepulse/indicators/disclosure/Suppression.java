package org.casepulse.indicators.disclosure;

/**
 * Which parts of a figure are withheld (published as {@code c}).
 *
 * @param numerator   the count, or a rate's numerator
 * @param denominator a rate's denominator
 */
public record Suppression(boolean numerator, boolean denominator) {
    public static final Suppression NONE = new Suppression(false, false);

    /** Whether anything derived from the counts (value, rating, change since last period) is withheld too. */
    public boolean value() {
        return numerator || denominator;
    }

    public boolean any() {
        return value();
    }
}
