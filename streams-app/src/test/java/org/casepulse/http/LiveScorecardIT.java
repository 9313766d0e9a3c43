package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.app.CasepulseApplication;
import org.casepulse.app.CasepulseSettings;
import org.casepulse.events.CaseEvent;
import org.casepulse.metrics.Metrics;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: case events through the real topology on a real broker, then the operations
 * surface of the same application: the API, the metrics, and the page in headless Chromium,
 * which must show the new figure without a reload when more events arrive.
 */
@WithRealKafka
class LiveScorecardIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ROW = "document.querySelector('tr[data-indicator=\"allocation-within-2wd\"]')";

    private final EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
    private CasepulseSettings settings;
    private CasepulseApplication application;
    private Http http;

    @BeforeEach
    void start(RealKafka kafka, @TempDir Path stateDir) {
        settings = CasepulseSettings.defaults()
                .with(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())
                .with(CasepulseSettings.SCHEMA_REGISTRY_URL, registry.url())
                .with(StreamsConfig.APPLICATION_ID_CONFIG, kafka.uniqueApplicationId("casepulse-live"))
                .with(StreamsConfig.STATE_DIR_CONFIG, stateDir)
                .with(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1)
                .with(CasepulseSettings.TOPIC_CASE_EVENTS, kafka.uniqueTopic("events"))
                .with(CasepulseSettings.TOPIC_SNAPSHOTS, kafka.uniqueTopic("snapshots"))
                .with(CasepulseSettings.TOPIC_DEAD_LETTERS, kafka.uniqueTopic("dead-letters"))
                .with(CasepulseSettings.TOPIC_PARTITIONS, 2)
                .with(CasepulseSettings.AS_OF, "2024-04-20")
                .with(CasepulseSettings.FLUSH_INTERVAL_MS, 200)
                .with(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200)
                .with(CasepulseSettings.HTTP_PORT, 0);
        application = new CasepulseApplication(settings, Metrics.prometheus());
        KafkaStreams streams = application.start();
        await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        http = new Http(application.server().url());
    }

    @AfterEach
    void stop() {
        application.close();
        registry.close();
    }

    @Test
    void shouldServeTheFiguresOfTheRunningTopology(RealKafka kafka) {
        // Referral Tue 2 Apr 2024, allocated Thu 4 Apr: 2 working days, in time.
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        send(kafka, one.referral("N1", "2024-04-02"), one.allocation("N1", "2024-04-04", "w1"));

        JsonNode figures = await("the national year to date").atMost(TIMEOUT).until(
                () -> http.get("/api/snapshots?indicator=allocation-within-2wd&area=NATIONAL&periodType=YTD").json(),
                json -> json.path("figures").size() == 1);
        JsonNode april = figures.path("figures").get(0);
        assertThat(april.path("periodEnd").asText()).isEqualTo("2024-04-30");
        assertThat(april.path("numerator").asLong()).isEqualTo(1);
        assertThat(april.path("value").asDouble()).isEqualTo(100.0);
        assertThat(april.path("rag").asText()).isEqualTo("GREEN");
        assertThat(http.get("/api/snapshots?periodType=WEEK").status()).isEqualTo(400);

        await("ready").atMost(TIMEOUT).until(() -> http.get("/health/ready").status() == 200);
        String metrics = http.get("/metrics", "text/plain").body();
        assertThat(metrics).contains("casepulse_events_processed_total{type=\"ALLOCATION_MADE\"} 1.0");
        assertThat(metrics).containsPattern("casepulse_snapshots_emitted_total [1-9]");
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    @EnabledIf(value = "org.casepulse.http.HeadlessChromium#isInstalled", disabledReason = "No Chromium at "
            + "/usr/bin/chromium (nor at -D" + HeadlessChromium.BINARY_PROPERTY + "): apt-get install -y chromium")
    void shouldMoveTheFigureOnThePageAsEventsFlow(RealKafka kafka, @TempDir Path profile) throws Exception {
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        send(kafka, one.referral("N1", "2024-04-02"), one.allocation("N1", "2024-04-04", "w1"));

        try (HeadlessChromium chromium = HeadlessChromium.launch(profile,
                Files.createDirectories(Path.of("target")).resolve("chromium-live.log"))) {
            chromium.open(application.server().url() + "/", 1600, 1000);
            await("the figure on the page").atMost(TIMEOUT).until(() -> chromium.evaluate(
                    ROW + "?.querySelector('.figure')?.textContent === '100.0%'").asBoolean());
            chromium.evaluate("window.notReloaded = true");

            // A second case, allocated Mon 8 Apr: 4 working days, late. National YTD: 1 of 2.
            CaseEvents two = CaseEvents.forCase("case-2", "child-2");
            send(kafka, two.referral("S4", "2024-04-02"), two.allocation("S4", "2024-04-08", "w2"));

            await("the new figure, without a reload").atMost(TIMEOUT).until(() -> chromium.evaluate(
                    ROW + ".querySelector('.figure').textContent === '50.0%'").asBoolean());
            assertThat(chromium.evaluate("window.notReloaded === true").asBoolean()).isTrue();
            assertThat(chromium.evaluate(ROW + ".querySelector('.rag').textContent").asText()).isEqualTo("RED");
            assertThat(chromium.errors()).as("errors in the page").isEmpty();
        }
    }

    private void send(RealKafka kafka, CaseEvent... events) {
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.url()), false);
        kafka.produce(settings.topics().caseEvents(), new StringSerializer(), serializer,
                java.util.Arrays.stream(events).map(event -> Map.entry(event.getCaseId(), event)).toList());
    }
}
