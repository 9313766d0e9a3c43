package org.casepulse.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether the application is ready for traffic, and why not: the streams application must be
 * RUNNING (not starting, rebalancing or failed), nothing may hold processing up (a Schema Registry
 * outage, state being restored), and the snapshot view must have caught up, or its answers would
 * be stale or partial.
 *
 * @param status     UP or DOWN
 * @param streams    the streams application's state, or "unknown" when it cannot be told
 * @param view       how far the snapshot view has read
 * @param processing what holds processing up, when something does (absent otherwise)
 */
public record Readiness(String status, String streams, String view,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String processing) {

    /** Nothing holds processing up. */
    public Readiness(String status, String streams, String view) {
        this(status, streams, view, null);
    }

    public static Readiness of(KafkaStreams.State streamsState, ViewProgress progress) {
        return of(streamsState, null, progress);
    }

    public static Readiness of(KafkaStreams.State streamsState, String processing, ViewProgress progress) {
        boolean ready = streamsState == KafkaStreams.State.RUNNING && processing == null && progress.isCaughtUp();
        return new Readiness(ready ? "UP" : "DOWN", streamsState == null ? "unknown" : streamsState.name(),
                progress.describe(), processing);
    }

    @JsonIgnore
    public boolean isReady() {
        return "UP".equals(status);
    }
}
