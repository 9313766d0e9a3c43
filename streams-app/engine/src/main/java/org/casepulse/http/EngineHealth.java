package org.casepulse.http;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/** What the health endpoints need to know of the engine behind them. */
public interface EngineHealth {

    /** The streams client's state; may throw when it cannot be told (not created yet). */
    KafkaStreams.State streamsState();

    /**
     * Why processing is held up although the client runs, or null when it is not: the Schema
     * Registry is unavailable, or state is being restored ("restoring state: 1200 of 5400 records").
     */
    String processing();

    /** Only the streams client's state. */
    static EngineHealth of(Supplier<KafkaStreams.State> streamsState) {
        return new EngineHealth() {
            @Override
            public KafkaStreams.State streamsState() {
                return streamsState.get();
            }

            @Override
            public String processing() {
                return null;
            }
        };
    }

    /** A client in ERROR (or on its way there) never processes again: the process must be restarted. */
    static boolean isDead(KafkaStreams.State state) {
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
    }
}
