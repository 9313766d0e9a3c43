package org.casepulse.testing;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.app.CasepulseApplication;
import org.casepulse.app.CasepulseSettings;
import org.casepulse.events.CaseEvent;
import org.casepulse.metrics.Metrics;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;

/**
 * The whole application running against the test's real broker and an embedded registry, with
 * topics and application id of its own, started and RUNNING: for end-to-end tests.
 */
public final class RunningCasepulse implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final RealKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final CasepulseSettings settings;
    private final CasepulseApplication application;

    private RunningCasepulse(RealKafka kafka, EmbeddedSchemaRegistry registry, CasepulseSettings settings,
                             CasepulseApplication application) {
        this.kafka = kafka;
        this.registry = registry;
        this.settings = settings;
        this.application = application;
    }

    public static RunningCasepulse start(RealKafka kafka, Path stateDir, String asOf) {
        return start(kafka, stateDir, asOf, UnaryOperator.identity());
    }

    /** Starts with "today" fixed at {@code asOf}, quick flushes and commits, the HTTP port on any free port. */
    public static RunningCasepulse start(RealKafka kafka, Path stateDir, String asOf, UnaryOperator<CasepulseSettings> tweak) {
        return start(kafka, new EmbeddedSchemaRegistry().start("127.0.0.1", 0), stateDir, asOf, tweak);
    }

    /** As {@link #start(RealKafka, Path, String, UnaryOperator)}, against a registry the caller started (and closes). */
    public static RunningCasepulse start(RealKafka kafka, EmbeddedSchemaRegistry registry, Path stateDir, String asOf,
                                         UnaryOperator<CasepulseSettings> tweak) {
        CasepulseSettings settings = tweak.apply(CasepulseSettings.defaults()
                .with(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())
                .with(CasepulseSettings.SCHEMA_REGISTRY_URL, registry.url())
                .with(StreamsConfig.APPLICATION_ID_CONFIG, kafka.uniqueApplicationId("casepulse"))
                .with(StreamsConfig.STATE_DIR_CONFIG, stateDir)
                .with(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1)
                .with(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200)
                .with(CasepulseSettings.TOPIC_CASE_EVENTS, kafka.uniqueTopic("events"))
                .with(CasepulseSettings.TOPIC_SNAPSHOTS, kafka.uniqueTopic("snapshots"))
                .with(CasepulseSettings.TOPIC_DEAD_LETTERS, kafka.uniqueTopic("dead-letters"))
                .with(CasepulseSettings.TOPIC_WORKFORCE, kafka.uniqueTopic("workforce"))
                .with(CasepulseSettings.TOPIC_PARTITIONS, 2)
                .with(CasepulseSettings.AS_OF, asOf)
                .with(CasepulseSettings.FLUSH_INTERVAL_MS, 200)
                .with(CasepulseSettings.HTTP_PORT, 0)
                .with(CasepulseSettings.HTTP_AUTH_MODE, "none")
                // Tests observe a failed client; they must not exit the JVM.
                .with(CasepulseSettings.EXIT_ON_STREAMS_ERROR, false));
        CasepulseApplication application = new CasepulseApplication(settings, Metrics.prometheus());
        KafkaStreams streams = application.start();
        await().atMost(START_TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return new RunningCasepulse(kafka, registry, settings, application);
    }

    public CasepulseSettings settings() {
        return settings;
    }

    public CasepulseApplication application() {
        return application;
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** Sends events to the input topic with our serde, keyed by case. */
    public void send(CaseEvent... events) {
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.url()), false);
        kafka.produce(settings.topics().caseEvents(), new StringSerializer(), serializer,
                Arrays.stream(events).map(event -> Map.entry(event.getCaseId(), event)).toList());
    }

    /** A reader of the snapshots this application publishes, from the start of its output topic. */
    public TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots(RealKafka kafka) {
        Map<String, Object> serde = Map.of("schema.registry.url", schemaRegistryUrl());
        SpecificAvroDeserializer<IndicatorSnapshotKey> keys = new SpecificAvroDeserializer<>(IndicatorSnapshotKey.class);
        keys.configure(serde, true);
        SpecificAvroDeserializer<IndicatorSnapshot> values = new SpecificAvroDeserializer<>(IndicatorSnapshot.class);
        values.configure(serde, false);
        return new TopicReader<>(kafka.bootstrapServers(), settings().topics().snapshots(), keys, values);
    }

    @Override
    public void close() {
        application.close();
        registry.close();
    }
}
