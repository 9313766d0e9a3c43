package org.casepulse.topology;

import java.time.Duration;

/**
 * How often each stage moves its pending work on: the ledgers send their summed changes, the
 * series stage publishes the figures they changed.
 *
 * <p>While a stage's input is current it flushes every {@code live} interval and asks for a commit
 * after anything it sent, so that a figure is visible about two flushes after its event. While it
 * catches up (a backfill, a reprocessing, a restart after downtime: it processes records produced
 * more than {@code catchUpLag} ago) it flushes every {@code catchUp} interval: each changed
 * figure is then re-evaluated and sent once per interval instead of at every live flush, and a
 * whole interval's sums cross to the next stage as one record per indicator. That work is what
 * made a backfill slow, not the events themselves.
 *
 * @param live       the interval while the input is current (latency)
 * @param catchUp    the interval while the stage is behind (throughput); at least {@code live}
 * @param catchUpLag how old an input record must be, when processed, for its stage to be behind:
 *                   well above a live hiccup (a collection, a slow commit), or the hiccup would
 *                   slow the flushes and make itself longer (3 s put p99 latency at 5 s)
 */
public record FlushCadence(Duration live, Duration catchUp, Duration catchUpLag) {

    public static final Duration DEFAULT_LIVE = Duration.ofMillis(200);
    public static final Duration DEFAULT_CATCH_UP = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CATCH_UP_LAG = Duration.ofSeconds(10);

    public FlushCadence {
        if (live.isNegative() || live.isZero()) {
            throw new IllegalArgumentException("the live flush interval must be positive, not " + live);
        }
        if (catchUp.compareTo(live) < 0) {
            throw new IllegalArgumentException("the catch-up flush interval (" + catchUp.toMillis()
                    + " ms) must be at least the live one (" + live.toMillis() + " ms)");
        }
    }

    public static FlushCadence defaults() {
        return new FlushCadence(DEFAULT_LIVE, DEFAULT_CATCH_UP, DEFAULT_CATCH_UP_LAG);
    }

    /** One interval whatever the input's age (tests that step the clock by one flush). */
    public static FlushCadence every(Duration interval) {
        return new FlushCadence(interval, interval, DEFAULT_CATCH_UP_LAG);
    }
}
