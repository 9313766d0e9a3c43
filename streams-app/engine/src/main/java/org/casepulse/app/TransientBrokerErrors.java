package org.casepulse.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps the in-JVM broker's known, harmless start-up errors from looking like failures. With
 * transactions v2 the broker logs each producer sequence it had no state for at ERROR with a stack
 * trace, although the client retries and nothing is lost (KAFKA-18202): a newcomer starting the
 * local stack sees a dozen "errors". They are logged at DEBUG instead, one line each; every other
 * error passes as it is.
 */
public final class TransientBrokerErrors extends TurboFilter {
    static final String BROKER_LOGGER = "kafka.server.ReplicaManager";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || !BROKER_LOGGER.equals(logger.getName()) || !isTransientSequenceError(t)) {
            return FilterReply.NEUTRAL;
        }
        logger.debug("{} (transient with transactions v2, retried by the client: KAFKA-18202)", t.getMessage());
        return FilterReply.DENY;
    }

    private static boolean isTransientSequenceError(Throwable t) {
        return t != null && "OutOfOrderSequenceException".equals(t.getClass().getSimpleName())
                && t.getMessage() != null && t.getMessage().contains("transactions v2");
    }
}
