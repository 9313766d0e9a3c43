package org.casepulse.app;

import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.casepulse.topology.RegistryOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream thread's failure means. A transient fault outside the record (the Schema Registry
 * unreachable, timing out, answering 5xx) aborted the task's transaction, so nothing past the
 * record was committed: the thread is replaced after a backoff (doubling up to a ceiling, so it
 * does not spin) and reads the record again. Anything else is a fault the engine cannot get past
 * by itself: the client shuts down (and, by default, the process exits, see
 * {@code casepulse.exit-on-streams-error}) rather than limp on.
 */
final class StreamsFailureHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsFailureHandler.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RegistryOutage registry;
    private final Duration firstBackoff;
    private Duration backoff;

    StreamsFailureHandler(RegistryOutage registry, Duration firstBackoff) {
        this.registry = registry;
        this.firstBackoff = firstBackoff;
        this.backoff = firstBackoff;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        if (!RegistryOutage.isTransient(exception)) {
            LOG.error("Stopping: unexpected error in the topology", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (registry.current() == null) {
            backoff = firstBackoff;
        }
        registry.failed(exception);
        LOG.debug("Stream thread failed on a transient fault; replacing it in {}", backoff, exception);
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
