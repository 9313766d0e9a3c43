package org.casepulse.simulation;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces sending at a steady number of records a second, measured from the first record paced,
 * so that a slow moment is caught up rather than lost. Not thread-safe.
 */
public final class Pacer {
    private final double perSecond;
    private long startNanos;
    private long paced;

    private Pacer(double perSecond) {
        this.perSecond = perSecond;
    }

    /** No pacing: as fast as the receiver takes records. */
    public static Pacer unlimited() {
        return new Pacer(0);
    }

    /** @throws IllegalArgumentException unless {@code recordsPerSecond} is positive */
    public static Pacer perSecond(double recordsPerSecond) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of records a second, got "
                    + recordsPerSecond);
        }
        return new Pacer(recordsPerSecond);
    }

    public boolean isUnlimited() {
        return perSecond == 0;
    }

    /**
     * Waits until the next record is due.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public void awaitNext() throws InterruptedException {
        if (isUnlimited()) {
            return;
        }
        if (paced == 0) {
            startNanos = System.nanoTime();
        }
        long due = startNanos + (long) (paced * 1e9 / perSecond);
        paced++;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(this, Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while pacing records");
            }
        }
    }
}
