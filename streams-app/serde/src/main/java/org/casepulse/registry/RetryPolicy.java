package org.casepulse.registry;

import java.time.Duration;

/**
 * How often and how patiently a registry call is retried after a transient fault (no answer, HTTP
 * 5xx or 429): up to {@code maxRetries} more attempts, waiting {@code initialWait} and doubling up
 * to {@code maxWait} between them. Confluent's client defaults: 3 retries, 1 s, 20 s.
 */
public record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(20));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0 || initialWait.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("Retries and waits must not be negative: " + maxRetries + ", "
                    + initialWait + ", " + maxWait);
        }
    }

    /** The wait before retry number {@code retry} (1 for the first): exponential, capped at {@code maxWait}. */
    public Duration waitBefore(int retry) {
        long millis = initialWait.toMillis();
        for (int i = 1; i < retry && millis < maxWait.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
    }
}
