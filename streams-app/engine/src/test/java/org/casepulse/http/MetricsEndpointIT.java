package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.casepulse.events.EventType;
import org.casepulse.metrics.Metrics;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.ReferenceData;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: the JVM's, the Kafka Streams client's and Casepulse's own, in Prometheus' text format. */
@WithRealKafka
class MetricsEndpointIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int RECORDS = 25;

    @Test
    void shouldExportJvmStreamsAndPipelineMetrics(RealKafka kafka, @TempDir Path stateDir) throws Exception {
        String input = kafka.uniqueTopic("metrics-in");
        String output = kafka.uniqueTopic("metrics-out");
        kafka.createTopic(input, 1);
        kafka.createTopic(output, 1);
        try (Metrics metrics = Metrics.prometheus();
             KafkaStreams streams = passThrough(kafka, input, output, stateDir);
             SnapshotTopic topic = SnapshotTopic.create(kafka, 1);
             SnapshotView view = topic.startView();
             OperationsServer server = OperationsServer.start(OperationsSettings.of("127.0.0.1", 0), view,
                     ReferenceData.defaults(), metrics.registry(), streams::state)) {
            streams.start();
            await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            kafka.produceStrings(input, IntStream.range(0, RECORDS).mapToObj(i -> Map.entry("k" + i, "v" + i)).toList());
            try (TopicReader<String, String> reader = TopicReader.ofStrings(kafka.bootstrapServers(), output)) {
                reader.readAtLeast(RECORDS, TIMEOUT);
            }
            metrics.bind(streams);
            PipelineMetrics pipeline = metrics.pipeline();
            pipeline.processed(EventType.REFERRAL_RECEIVED);
            pipeline.processed(EventType.REFERRAL_RECEIVED);
            pipeline.processed(EventType.ALLOCATION_MADE);
            pipeline.deadLettered("INVALID_EVENT");
            pipeline.amended();
            pipeline.retracted();
            pipeline.duplicateIgnored();
            pipeline.anomaly("ALLOCATION_BEFORE_REFERRAL");
            pipeline.snapshotEmitted(false);
            pipeline.snapshotEmitted(true);
            pipeline.snapshotWithdrawn();
            pipeline.snapshotLag(Duration.ofMillis(1500));

            Http.Answer answer = new Http(server.url()).get("/metrics", "text/plain");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("text/plain; version=0.0.4");
            String scrape = answer.body();
            assertThat(value(scrape, "casepulse_events_processed_total{type=\"REFERRAL_RECEIVED\"}")).isEqualTo(2);
            assertThat(value(scrape, "casepulse_events_processed_total{type=\"ALLOCATION_MADE\"}")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_events_dead_lettered_total{reason=\"INVALID_EVENT\"}")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_events_dead_lettered_total{reason=\"case-state-limit\"}"))
                    .as("every reason has a series from the start").isZero();
            assertThat(value(scrape, "casepulse_case_anomalies_total{kind=\"calendar-gap\"}")).isZero();
            assertThat(value(scrape, "casepulse_events_amended_total")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_events_retractions_total")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_events_duplicates_total")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_case_anomalies_total{kind=\"ALLOCATION_BEFORE_REFERRAL\"}")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_snapshots_emitted_total")).isEqualTo(2);
            assertThat(value(scrape, "casepulse_snapshots_restated_total")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_snapshots_withdrawn_total")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_snapshot_lag_seconds_count")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_snapshot_lag_seconds_sum")).isEqualTo(1.5);
            assertThat(value(scrape, "casepulse_view_caught_up")).isEqualTo(1);
            assertThat(value(scrape, "casepulse_view_figures")).isZero();

            assertThat(value(scrape, "jvm_memory_used_bytes{area=\"heap\"")).isPositive();
            assertThat(value(scrape, "jvm_threads_live_threads")).isPositive();
            assertThat(value(scrape, "jvm_classes_loaded_classes")).isPositive();
            assertThat(value(scrape, "system_cpu_count")).isPositive();
            assertThat(value(scrape, "process_uptime_seconds")).isPositive();
            assertThat(scrape).contains("jvm_gc_");

            assertThat(value(scrape, "kafka_stream_task_dropped_records_total{")).as("the one to alert on").isZero();
            assertThat(value(scrape, "kafka_stream_thread_process_total{")).as("records processed")
                    .isGreaterThanOrEqualTo(RECORDS);
        }
    }

    private static KafkaStreams passThrough(RealKafka kafka, String input, String output, Path stateDir) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.uniqueApplicationId("metrics"));
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return new KafkaStreams(builder.build(), config);
    }

    /**
     * The value of the first series named {@code prefix}, which may give the first of its labels:
     * {@code jvm_memory_used_bytes{area="heap"} matches any heap pool.
     */
    private static double value(String scrape, String prefix) {
        Matcher line = Pattern.compile("^" + Pattern.quote(prefix) + "(?:[^}\\n]*\\})?\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        assertThat(line.find()).as("a series %s in%n%s", prefix, String.join("\n", scrape.lines()
                .filter(l -> !l.startsWith("#")).limit(300).toList())).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
