package org.casepulse.http;

import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.testing.RealKafka;

/**
 * The operations server over a snapshot topic of its own on the real broker, as the engine runs it
 * (shipped reference data, the streams client RUNNING, a 300 ms stream heartbeat), with an HTTP
 * client of it. Closing stops the server, then the view, then the topic's clients.
 */
record ServedSnapshots(SnapshotTopic topic, SnapshotView view, OperationsServer server, Http http)
        implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Publishes {@code figures} first, so that the server starts on a view that has read them all. */
    static ServedSnapshots start(RealKafka kafka, int partitions, List<IndicatorSnapshot> figures) {
        SnapshotTopic topic = SnapshotTopic.create(kafka, partitions);
        if (!figures.isEmpty()) {
            topic.publish(figures);
        }
        SnapshotView view = topic.startView();
        await().atMost(TIMEOUT).until(view::isCaughtUp);
        OperationsServer server = OperationsServer.start(new OperationsSettings("127.0.0.1", 0, Duration.ofMillis(300)),
                view, ReferenceData.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> KafkaStreams.State.RUNNING);
        return new ServedSnapshots(topic, view, server, new Http(server.url()));
    }

    @Override
    public void close() {
        server.close();
        view.close();
        topic.close();
    }
}
