package org.casepulse.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether the application is ready for traffic, and why not: the streams application must be
 * RUNNING (not starting, rebalancing or failed) and the snapshot view caught up, or its answers
 * would be stale or partial.
 *
 * @param status UP or DOWN
 * @param streams the streams application's state, or "unknown" when it cannot be told
 * @param view    how far the snapshot view has read
 */
public record Readiness(String status, String streams, String view) {

    public static Readiness of(KafkaStreams.State streamsState, ViewProgress progress) {
        boolean ready = streamsState == KafkaStreams.State.RUNNING && progress.isCaughtUp();
        return new Readiness(ready ? "UP" : "DOWN", streamsState == null ? "unknown" : streamsState.name(),
                progress.describe());
    }

    @JsonIgnore
    public boolean isReady() {
        return "UP".equals(status);
    }
}
