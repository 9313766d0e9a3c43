package org.casepulse.http;

import org.casepulse.scorecard.Figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casepulse.scorecard.Figures.percent;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;

/** Liveness and readiness: ready only when the streams application runs and the view has caught up. */
@WithRealKafka
class HealthIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void shouldBecomeReadyOnlyOnceStreamsRunAndTheViewHasCaughtUp(RealKafka kafka) {
        AtomicReference<KafkaStreams.State> streams = new AtomicReference<>(KafkaStreams.State.REBALANCING);
        try (SnapshotTopic topic = SnapshotTopic.named(kafka);
             SnapshotView view = topic.startView();
             OperationsServer server = OperationsServer.start(OperationsSettings.of("127.0.0.1", 0), view,
                     ReferenceData.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), streams::get)) {
            Http http = new Http(server.url());

            assertThat(http.get("/health/live").status()).isEqualTo(200);
            assertDown(http, "REBALANCING", "waiting for topic " + topic.name());

            streams.set(KafkaStreams.State.RUNNING);
            assertDown(http, "RUNNING", "waiting for topic " + topic.name());

            kafka.createTopic(topic.name(), 2);
            topic.publish(List.of(
                    percent("allocation-within-2wd", "N1", AreaLevel.SERVICE_AREA, PeriodType.YTD,
                            LocalDate.of(2025, 10, 31), 70.0, Rag.GREEN).build(),
                    percent("allocation-within-2wd", "N2", AreaLevel.SERVICE_AREA, PeriodType.YTD,
                            LocalDate.of(2025, 10, 31), 71.0, Rag.GREEN).build()));
            await().atMost(TIMEOUT).until(() -> http.get("/health/ready").status() == 200);
            JsonNode ready = http.get("/health/ready").json();
            assertThat(ready.get("status").asText()).isEqualTo("UP");
            assertThat(ready.get("streams").asText()).isEqualTo("RUNNING");
            assertThat(ready.get("view").asText()).isEqualTo("caught up");
            assertThat(ready.size()).as("status, streams and view only").isEqualTo(3);

            streams.set(KafkaStreams.State.PENDING_ERROR);
            assertThat(http.get("/health/live").status()).as("a dying client is not live").isEqualTo(503);
            streams.set(KafkaStreams.State.ERROR);
            assertDown(http, "ERROR", "caught up");
            Http.Answer live = http.get("/health/live");
            assertThat(live.status()).as("a dead client never recovers by itself: restart").isEqualTo(503);
            assertThat(live.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(live.json().get("streams").asText()).isEqualTo("ERROR");
        }
    }

    @Test
    void shouldBeLiveButNotReadyWhileSomethingHoldsProcessingUp(RealKafka kafka) {
        AtomicReference<String> processing = new AtomicReference<>("registry unavailable since 2026-03-02T10:00:00Z");
        EngineHealth health = new EngineHealth() {
            @Override
            public KafkaStreams.State streamsState() {
                return KafkaStreams.State.RUNNING;
            }

            @Override
            public String processing() {
                return processing.get();
            }
        };
        try (SnapshotTopic topic = SnapshotTopic.create(kafka, 1);
             SnapshotView view = topic.startView();
             OperationsServer server = OperationsServer.start(OperationsSettings.of("127.0.0.1", 0), view,
                     ReferenceData.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), health)) {
            Http http = new Http(server.url());
            await().atMost(TIMEOUT).until(view::isCaughtUp);

            assertDown(http, "RUNNING", "caught up");
            assertThat(http.get("/health/ready").json().get("processing").asText())
                    .startsWith("registry unavailable");
            assertThat(http.get("/health/live").status()).isEqualTo(200);

            processing.set("restoring state: 1200 of 5400 records");
            assertThat(http.get("/health/ready").json().get("processing").asText())
                    .isEqualTo("restoring state: 1200 of 5400 records");

            processing.set(null);
            assertThat(http.get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void shouldBeNotReadyWhenTheStreamsStateCannotBeTold(RealKafka kafka) {
        try (SnapshotTopic topic = SnapshotTopic.create(kafka, 1);
             SnapshotView view = topic.startView();
             OperationsServer server = OperationsServer.start(OperationsSettings.of("127.0.0.1", 0), view,
                     ReferenceData.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> {
                         throw new IllegalStateException("streams not created yet");
                     })) {
            Http http = new Http(server.url());
            await().atMost(TIMEOUT).until(view::isCaughtUp);

            assertDown(http, "unknown", "caught up");
        }
    }

    @Test
    void shouldDescribeHowFarTheViewHasRead() {
        assertThat(ViewProgress.catchingUp(120, 5400).describe()).isEqualTo("catching up: 120 of 5400 records");
        assertThat(ViewProgress.failed("TopicAuthorizationException: denied").describe())
                .isEqualTo("failed: TopicAuthorizationException: denied");
        assertThat(Readiness.of(KafkaStreams.State.RUNNING, ViewProgress.catchingUp(120, 5400)))
                .isEqualTo(new Readiness("DOWN", "RUNNING", "catching up: 120 of 5400 records"));
    }

    private static void assertDown(Http http, String streams, String view) {
        Http.Answer answer = http.get("/health/ready");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(answer.json().get("streams").asText()).isEqualTo(streams);
        assertThat(answer.json().get("view").asText()).isEqualTo(view);
    }
}
