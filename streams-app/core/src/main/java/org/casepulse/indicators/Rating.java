package org.casepulse.indicators;

import java.math.BigDecimal;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;

/** RAG rating against target and tolerance, and direction of travel, judged by polarity. */
public final class Rating {
    private Rating() {}

    /**
     * H: green at or above target, amber within tolerance below it, red beyond. L: mirrored.
     * T: green within tolerance of target either side, amber within twice the tolerance, red beyond.
     * NONE polarity, no target or no value: NOT_RATED. A null tolerance counts as 0.
     */
    public static Rag rag(Polarity polarity, BigDecimal value, BigDecimal target, BigDecimal tolerance) {
        if (polarity == Polarity.NONE || value == null || target == null) {
            return Rag.NOT_RATED;
        }
        BigDecimal allowance = tolerance == null ? BigDecimal.ZERO : tolerance;
        return switch (polarity) {
            case H -> banded(target.subtract(value), allowance);
            case L -> banded(value.subtract(target), allowance);
            case T -> {
                BigDecimal distance = value.subtract(target).abs();
                if (distance.compareTo(allowance) <= 0) {
                    yield Rag.GREEN;
                }
                yield distance.compareTo(allowance.add(allowance)) <= 0 ? Rag.AMBER : Rag.RED;
            }
            case NONE -> Rag.NOT_RATED;
        };
    }

    /**
     * Against the previous value of the same kind of period. No current or previous value:
     * NOT_COMPARABLE; equal values: NO_CHANGE. H: higher is improving; L: lower is improving;
     * T: closer to the target is improving (equally close is no change; no target is not
     * comparable). NONE polarity: UP or DOWN.
     */
    public static DirectionOfTravel direction(Polarity polarity, BigDecimal current, BigDecimal previous,
                                              BigDecimal target) {
        if (current == null || previous == null) {
            return DirectionOfTravel.NOT_COMPARABLE;
        }
        int change = current.compareTo(previous);
        if (change == 0) {
            return DirectionOfTravel.NO_CHANGE;
        }
        return switch (polarity) {
            case H -> change > 0 ? DirectionOfTravel.IMPROVING : DirectionOfTravel.WORSENING;
            case L -> change < 0 ? DirectionOfTravel.IMPROVING : DirectionOfTravel.WORSENING;
            case T -> {
                if (target == null) {
                    yield DirectionOfTravel.NOT_COMPARABLE;
                }
                int closer = previous.subtract(target).abs().compareTo(current.subtract(target).abs());
                yield closer > 0 ? DirectionOfTravel.IMPROVING
                        : closer < 0 ? DirectionOfTravel.WORSENING : DirectionOfTravel.NO_CHANGE;
            }
            case NONE -> change > 0 ? DirectionOfTravel.UP : DirectionOfTravel.DOWN;
        };
    }

    /** {@code shortfall} is how far the value falls short of target in the bad direction. */
    private static Rag banded(BigDecimal shortfall, BigDecimal tolerance) {
        if (shortfall.signum() <= 0) {
            return Rag.GREEN;
        }
        return shortfall.compareTo(tolerance) <= 0 ? Rag.AMBER : Rag.RED;
    }
}
