package org.casepulse.simulation;

/**
 * Stateless random numbers for fault injection: a hash of the seed, the fault and the event, so
 * that whether an event is faulted depends on nothing else (not on the clean history's random
 * draws, not on the other faults' rates).
 */
final class Dice {
    private final long seed;

    Dice(long seed) {
        this.seed = seed;
    }

    /** A number in [0, 1) for this fault, event and draw. */
    double roll(int fault, long event, int draw) {
        long h = mix(seed ^ (fault * 0x9E3779B97F4A7C15L));
        h = mix(h ^ event);
        h = mix(h + draw * 0xBF58476D1CE4E5B9L);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** An int in [low, high]. */
    int between(int fault, long event, int draw, int low, int high) {
        return low + (int) (roll(fault, event, draw) * (high - low + 1));
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
