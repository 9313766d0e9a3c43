package org.casepulse.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.casepulse.events.CaseEvent;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.http.CommentaryView;
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
import org.casepulse.topology.BoundedRocksDbMemory;
import org.casepulse.topology.CasepulseTopology;
import org.casepulse.topics.Topics;
import org.casepulse.topology.RegistryOutage;
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
    /** Exit status when the streams client died (EX_SOFTWARE). */
    static final int EXIT_STATUS = 70;

    private final CasepulseSettings settings;
    private final ReferenceData reference;
    private final Metrics metrics;
    private final Topology topology;
    private KafkaStreams streams;
    private SnapshotView view;
    private CommentaryView commentary;
    private OperationsServer server;
    private final RegistryOutage registryOutage = new RegistryOutage();
    private StreamsHealth health;
    private IntConsumer exitAction = System::exit;

    public CasepulseApplication(CasepulseSettings settings, Metrics metrics) {
        AvroTrust.ensure();
        this.settings = settings;
        this.reference = ReferenceData.fromConfig(settings.asMap());
        this.metrics = metrics;
        this.topology = CasepulseTopology.build(topologySettings(), streamsProperties());
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
        OperationsSettings operations = settings.httpEnabled() ? settings.operations() : null;
        if (settings.createTopics()) {
            createTopics();
        }
        streams = new KafkaStreams(topology, streamsProperties());
        KafkaStreams client = streams;
        health = new StreamsHealth(client::state, registryOutage);
        streams.setUncaughtExceptionHandler(new StreamsFailureHandler(registryOutage, StreamsFailureHandler.FIRST_BACKOFF));
        streams.setGlobalStateRestoreListener(health);
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                streamsDied();
            }
        });
        metrics.bind(streams);
        streams.start();
        if (settings.httpEnabled()) {
            view = SnapshotView.start(settings.passThrough(), settings.topics().snapshots());
            commentary = CommentaryView.start(settings.passThrough(), settings.topics().commentary());
            server = OperationsServer.start(operations, view, commentary, reference,
                    metrics.registry(), health);
            LOG.info("Scorecard at {} (API under /api, metrics at /metrics, health at /health/ready)", server.url());
        }
        LOG.info("Casepulse reading {} at {}, publishing {}, catalogue {} ({} indicators), {} areas",
                settings.topics().caseEvents(), settings.bootstrapServers(), settings.topics().snapshots(),
                reference.catalogue().version(), reference.catalogue().all().size(), reference.areas().all().size());
        return streams;
    }

    /**
     * The streams client died (a fault it cannot get past by itself): nothing more will be
     * counted, so by default the process exits non-zero for the orchestrator to restart it. Off
     * ({@code casepulse.exit-on-streams-error=false}), the process stays up with /health/live at
     * 503 for whoever watches it.
     */
    private void streamsDied() {
        if (!settings.exitOnStreamsError()) {
            LOG.error("Kafka Streams stopped on an error: /health/live reports it; not exiting ({}=false)",
                    CasepulseSettings.EXIT_ON_STREAMS_ERROR.key());
            return;
        }
        LOG.error("Kafka Streams stopped on an error: exiting with status {} so that it is restarted", EXIT_STATUS);
        // Not on the stream thread that reports the state: exiting runs the shutdown hook, which closes the client.
        Thread exit = new Thread(() -> exitAction.accept(EXIT_STATUS), "casepulse-exit");
        exit.setDaemon(false);
        exit.start();
    }

    /** For tests: what to do instead of {@link System#exit} when the streams client dies. */
    void onExit(IntConsumer action) {
        this.exitAction = action;
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
        if (commentary != null) {
            commentary.close();
        }
        if (streams != null) {
            // Leave the group: the next start (or another instance) gets the partitions at once,
            // instead of waiting for this member's session to time out (45 s by default).
            streams.close(CloseOptions.groupMembershipOperation(settings.leaveGroupOnClose()
                    ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
                    : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP).withTimeout(CLOSE_TIMEOUT));
        }
    }

    private TopologySettings topologySettings() {
        Map<String, Object> serdeConfig = settings.passThrough();
        SpecificAvroDeserializer<CaseEvent> events = new SpecificAvroDeserializer<>(CaseEvent.class);
        events.configure(serdeConfig, false);
        SpecificAvroDeserializer<WorkforceEvent> workforce = new SpecificAvroDeserializer<>(WorkforceEvent.class);
        workforce.configure(serdeConfig, false);
        SpecificAvroSerde<IndicatorSnapshotKey> keys = new SpecificAvroSerde<>(IndicatorSnapshotKey.class);
        keys.configure(serdeConfig, true);
        SpecificAvroSerde<IndicatorSnapshot> snapshots = new SpecificAvroSerde<>(IndicatorSnapshot.class);
        snapshots.configure(serdeConfig, false);
        return new TopologySettings(settings.topics(), reference, settings.clock(), settings.cadence(),
                settings.clockInterval(), settings.reportingMonths(), events, keys, snapshots, metrics.pipeline(),
                settings.caseStateMaxBytes(), registryOutage, workforce);
    }

    Properties streamsProperties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(System.getProperty("java.io.tmpdir"), "casepulse-streams").toString());
        properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        properties.put(BoundedRocksDbMemory.MEMORY_KEY, settings.get(CasepulseSettings.ROCKSDB_MEMORY_BYTES));
        properties.putAll(settings.passThrough());
        // Internal topics and stores keep their names across releases only if every one is named.
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        if (settings.staticMembership() && !properties.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            // Static membership: a restart takes its partitions back at once (Kafka Streams adds the thread's number).
            properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.get(StreamsConfig.APPLICATION_ID_CONFIG)
                    + "-" + InstanceId.in(Path.of(String.valueOf(properties.get(StreamsConfig.STATE_DIR_CONFIG)))));
        }
        return properties;
    }

    private void createTopics() {
        Topics topics = settings.topics();
        int partitions = settings.topicPartitions();
        short replication = settings.topicReplicationFactor();
        try (TopicProvisioner provisioner = new TopicProvisioner(settings.passThrough(), Duration.ofSeconds(30))) {
            provisioner.ensureTopics(List.of(
                    new TopicSpec(topics.caseEvents(), partitions, replication, Map.of()),
                    // Dead letters are original records, personal data: deleted after the retention period.
                    new TopicSpec(topics.deadLetters(), partitions, replication,
                            Map.of("retention.ms", String.valueOf(settings.deadLettersRetention().toMillis()))),
                    // Compacted: a dashboard reading from the start gets the current figure of everything.
                    new TopicSpec(topics.snapshots(), partitions, replication, Map.of("cleanup.policy", "compact")),
                    // Compacted, yet every version stays: each version is a key of its own (see CommentaryKey.avsc).
                    new TopicSpec(topics.commentary(), partitions, replication, Map.of("cleanup.policy", "compact")),
                    // Compacted, yet every version stays: each fact is a key of its own (see WorkforceKeys).
                    new TopicSpec(topics.workforce(), partitions, replication, Map.of("cleanup.policy", "compact"))));
        }
    }
}
