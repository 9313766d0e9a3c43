package org.casepulse.scorecard;

import java.util.Objects;

/**
 * A change to the published figures: a new or restated figure, or the withdrawal of one.
 *
 * @param figure the figure now published, or null when the figure was withdrawn
 */
public record FigureChange(FigureKey key, Figure figure) {

    public FigureChange {
        Objects.requireNonNull(key, "key");
    }

    public static FigureChange published(Figure figure) {
        return new FigureChange(figure.key(), figure);
    }

    public static FigureChange withdrawn(FigureKey key) {
        return new FigureChange(key, null);
    }

    public boolean isWithdrawal() {
        return figure == null;
    }
}
