package org.casepulse.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.casepulse.events.CaseEvent;
import org.casepulse.http.OperationsServer;
import org.casepulse.http.OperationsSettings;
import org.casepulse.http.SnapshotView;
import org.casepulse.topics.TopicProvisioner;
import org.casepulse.topics.TopicSpec;
import org.casepulse.metrics.Metrics;
import org.casepulse.reference.ReferenceData;
import org.casepulse.serde.AvroTrust;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.serde.SpecificAvroSerde;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.topology.CasepulseTopology;
import org.casepulse.topics.Topics;
import org.casepulse.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams application: reference data, serdes, topics, the Kafka Streams client and the
 * operations surface (scorecard page, API, metrics, health), built from one
 * {@link CasepulseSettings}. Safe defaults: exactly-once, explicit names for every internal topic
 * and store, and a client that shuts down (rather than limps on) after an unexpected error.
 */
public final class CasepulseApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CasepulseApplication.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final CasepulseSettings settings;
    private final ReferenceData reference;
    private final Metrics metrics;
    private final Topology topology;
    private KafkaStreams streams;
    private SnapshotView view;
    private OperationsServer server;

    public CasepulseApplication(CasepulseSettings settings, Metrics metrics) {
        AvroTrust.ensure();
        this.settings = settings;
        this.reference = ReferenceData.fromConfig(settings.asMap());
        this.metrics = metrics;
        this.topology = CasepulseTopology.build(topologySettings());
    }

    public ReferenceData reference() {
        return reference;
    }

    public Topology topology() {
        return topology;
    }

    /** Creates the public topics if asked to, starts processing, then serves the operations surface. */
    public KafkaStreams start() {
        // Checked first: a surface that would refuse to start (no users, no issuer) stops us before any processing.
        OperationsSettings operations = settings.httpEnabled() ? OperationsSettings.fromConfig(settings.asMap()) : null;
        if (settings.createTopics()) {
            createTopics();
        }
        streams = new KafkaStreams(topology, streamsProperties());
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("Stopping: unexpected error in the topology", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
        metrics.bind(streams);
        streams.start();
        if (settings.httpEnabled()) {
            view = SnapshotView.start(settings.passThrough(), settings.topics().snapshots());
            server = OperationsServer.start(operations, view, reference, metrics.registry(), streams::state);
            LOG.info("Scorecard at {} (API under /api, metrics at /metrics, health at /health/ready)", server.url());
        }
        LOG.info("Casepulse reading {} at {}, publishing {}, catalogue {} ({} indicators), {} areas",
                settings.topics().caseEvents(), settings.bootstrapServers(), settings.topics().snapshots(),
                reference.catalogue().version(), reference.catalogue().all().size(), reference.areas().all().size());
        return streams;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The operations server, once started. */
    public OperationsServer server() {
        return server;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (view != null) {
            view.close();
        }
        if (streams != null) {
            streams.close(CLOSE_TIMEOUT);
        }
    }

    private TopologySettings topologySettings() {
        Map<String, Object> serdeConfig = settings.passThrough();
        SpecificAvroDeserializer<CaseEvent> events = new SpecificAvroDeserializer<>(CaseEvent.class);
        events.configure(serdeConfig, false);
        SpecificAvroSerde<IndicatorSnapshotKey> keys = new SpecificAvroSerde<>(IndicatorSnapshotKey.class);
        keys.configure(serdeConfig, true);
        SpecificAvroSerde<IndicatorSnapshot> snapshots = new SpecificAvroSerde<>(IndicatorSnapshot.class);
        snapshots.configure(serdeConfig, false);
        return new TopologySettings(settings.topics(), reference, settings.clock(), settings.flushInterval(),
                settings.clockInterval(), settings.reportingMonths(), events, keys, snapshots, metrics.pipeline());
    }

    Properties streamsProperties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(System.getProperty("java.io.tmpdir"), "casepulse-streams").toString());
        properties.putAll(settings.passThrough());
        // Internal topics and stores keep their names across releases only if every one is named.
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return properties;
    }

    private void createTopics() {
        Topics topics = settings.topics();
        int partitions = settings.topicPartitions();
        short replication = settings.topicReplicationFactor();
        try (TopicProvisioner provisioner = new TopicProvisioner(settings.passThrough(), Duration.ofSeconds(30))) {
            provisioner.ensureTopics(List.of(
                    new TopicSpec(topics.caseEvents(), partitions, replication, Map.of()),
                    new TopicSpec(topics.deadLetters(), partitions, replication, Map.of()),
                    // Compacted: a dashboard reading from the start gets the current figure of everything.
                    new TopicSpec(topics.snapshots(), partitions, replication, Map.of("cleanup.policy", "compact"))));
        }
    }
}
