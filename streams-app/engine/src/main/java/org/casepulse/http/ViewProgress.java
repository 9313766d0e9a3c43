package org.casepulse.http;

/**
 * How far the {@link SnapshotView} has read the snapshot topic. Caught up means it has read up to
 * the end offsets it saw when it started; from then on it stays caught up while it keeps reading.
 *
 * @param read   offsets read so far of those there were at start-up (an approximation of records:
 *               a compacted topic has gaps, a transactional one has markers)
 * @param total  offsets there were at start-up
 * @param detail the topic while waiting for it; the error when failed
 */
public record ViewProgress(Phase phase, long read, long total, String detail) {

    public enum Phase { WAITING_FOR_TOPIC, CATCHING_UP, CAUGHT_UP, FAILED, CLOSED }

    static ViewProgress waitingFor(String topic) {
        return new ViewProgress(Phase.WAITING_FOR_TOPIC, 0, 0, topic);
    }

    static ViewProgress catchingUp(long read, long total) {
        return new ViewProgress(Phase.CATCHING_UP, read, total, "");
    }

    static ViewProgress caughtUp(long total) {
        return new ViewProgress(Phase.CAUGHT_UP, total, total, "");
    }

    static ViewProgress failed(String error) {
        return new ViewProgress(Phase.FAILED, 0, 0, error);
    }

    static ViewProgress closed() {
        return new ViewProgress(Phase.CLOSED, 0, 0, "");
    }

    public boolean isCaughtUp() {
        return phase == Phase.CAUGHT_UP;
    }

    /** For people: "catching up: 120 of 5400 records", "caught up". */
    public String describe() {
        return switch (phase) {
            case WAITING_FOR_TOPIC -> "waiting for topic " + detail;
            case CATCHING_UP -> "catching up: " + read + " of " + total + " records";
            case CAUGHT_UP -> "caught up";
            case FAILED -> "failed: " + detail;
            case CLOSED -> "closed";
        };
    }
}
