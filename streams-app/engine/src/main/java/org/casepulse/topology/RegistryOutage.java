package org.casepulse.topology;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Schema Registry is failing, as the engine saw it. A registry that cannot be reached,
 * times out or answers 5xx is a transient fault, not the record's: the serde throws a
 * {@link RetriableException} (SchemaRegistryUnavailableException), admission lets it fail the
 * task so the exactly-once transaction aborts and nothing past the record is committed, and the
 * stream thread is replaced after a backoff. The outage begins at the first such failure (logged
 * once at WARN, readiness reports it) and ends when a record is read again.
 */
public final class RegistryOutage {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryOutage.class);
    private static final int CAUSES_SEARCHED = 10;

    /** When the current outage began and what it looked like; null while the registry answers. */
    public record Episode(Instant since, String problem) {}

    private final AtomicReference<Episode> current = new AtomicReference<>();

    /** True when {@code failure}, or one of its causes, says to retry later rather than refuse the record. */
    public static boolean isTransient(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSES_SEARCHED; depth++, cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** Records a failure; the first of an outage is logged at WARN, the rest are not. */
    public void failed(Throwable failure) {
        Episode started = new Episode(Instant.now(), DeadLetterHeaders.describe(rootTransient(failure)));
        if (current.compareAndSet(null, started)) {
            LOG.warn("Schema Registry unavailable: processing paused, records will be read again once it answers ({})",
                    started.problem());
        }
    }

    /** A record was read: the outage, if there was one, is over. Cheap: called for every record. */
    void recovered() {
        if (current.get() != null) {
            Episode ended = current.getAndSet(null);
            if (ended != null) {
                LOG.warn("Schema Registry answers again: processing resumed after an outage that began at {}", ended.since());
            }
        }
    }

    /** The outage in progress, if any. */
    public Episode current() {
        return current.get();
    }

    private static Throwable rootTransient(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSES_SEARCHED; depth++, cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return cause;
            }
        }
        return failure;
    }
}
