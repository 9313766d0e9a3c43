package org.casepulse.indicators.figures;

/** Numerator and denominator of a figure; empty when no fact at all falls in its period. */
public record Counts(long numerator, long denominator, boolean empty) {

    public static final Counts EMPTY = new Counts(0, 0, true);
}
