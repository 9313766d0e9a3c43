package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.metrics.Metrics;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11/14: when Kafka Streams shut down on an error, /health/live stayed 200 and the process
 * stayed up, counting nothing. Now liveness fails and the process exits non-zero to be restarted.
 */
@WithRealKafka
class StreamsFailureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void shouldFailLivenessAndExitWhenTheStreamsClientDies(RealKafka kafka, @TempDir Path stateDir) throws Exception {
        AtomicInteger exitStatus = new AtomicInteger(-1);
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            // The input topic does not exist and is not created: a fault the client cannot get past.
            CasepulseSettings settings = CasepulseSettings.defaults()
                    .with(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())
                    .with(CasepulseSettings.SCHEMA_REGISTRY_URL, registry.url())
                    .with(CasepulseSettings.HTTP_AUTH_MODE, "none")
                    .with(StreamsConfig.APPLICATION_ID_CONFIG, kafka.uniqueApplicationId("casepulse"))
                    .with(StreamsConfig.STATE_DIR_CONFIG, stateDir)
                    .with(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1)
                    .with(CasepulseSettings.TOPIC_CASE_EVENTS, kafka.uniqueTopic("missing-events"))
                    .with(CasepulseSettings.TOPIC_SNAPSHOTS, kafka.uniqueTopic("snapshots"))
                    .with(CasepulseSettings.TOPIC_DEAD_LETTERS, kafka.uniqueTopic("dead-letters"))
                    .with(CasepulseSettings.TOPIC_CREATE, false)
                    .with(CasepulseSettings.HTTP_PORT, 0);
            assertThat(settings.exitOnStreamsError()).as("exits by default").isTrue();
            try (CasepulseApplication application = new CasepulseApplication(settings, Metrics.prometheus())) {
                application.onExit(exitStatus::set);
                KafkaStreams streams = application.start();

                await().atMost(TIMEOUT).until(() -> exitStatus.get() == CasepulseApplication.EXIT_STATUS);
                assertThat(streams.state()).isEqualTo(KafkaStreams.State.ERROR);
                HttpResponse<String> live = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(application.server().url() + "/health/live")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(live.statusCode()).isEqualTo(503);
                assertThat(live.body()).contains("\"streams\":\"ERROR\"");
            }
        }
    }
}
