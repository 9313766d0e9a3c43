package org.casepulse.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.ShareVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

import static java.util.Map.entry;

/**
 * A real single-node Kafka broker (KRaft, one process acting as broker and controller) running
 * inside this JVM. All its data lives under the given directory, so starting again on the same
 * directory finds the topics and records of the previous run.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** A subdirectory, because Kafka takes every directory in a log dir for a partition. */
    private static final String LOG_DIR_NAME = "kafka-logs";
    private static final int START_ATTEMPTS = 3;
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on localhost, on any free port. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, "localhost", 0);
    }

    /**
     * Starts a broker whose data lives under {@code dataDir}, formatting it on first use.
     *
     * @param port the client port, or 0 for any free port
     */
    public static EmbeddedKafkaBroker start(Path dataDir, String host, int port) {
        return start(dataDir, host, port, () -> freePort(host));
    }

    /** The controller port (and the client port when 0 is asked) come from {@code freePorts}. */
    static EmbeddedKafkaBroker start(Path dataDir, String host, int port, IntSupplier freePorts) {
        if (port != 0) {
            requirePortFree(host, port);
        }
        long startNanos = System.nanoTime();
        Path logDir = dataDir.toAbsolutePath().resolve(LOG_DIR_NAME);
        formatIfNew(logDir);
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port != 0 ? port : freePorts.getAsInt();
            int controllerPort = freePorts.getAsInt();
            while (controllerPort == brokerPort) {
                controllerPort = freePorts.getAsInt();
            }
            String bootstrapServers = host + ":" + brokerPort;
            KafkaRaftServer server = null;
            try {
                server = new KafkaRaftServer(new KafkaConfig(config(logDir, host, brokerPort, controllerPort), false), Time.SYSTEM);
                server.startup();
                log.info("Kafka broker ready at {} with data in {} (started in {} ms)",
                        bootstrapServers, logDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                return new EmbeddedKafkaBroker(server, bootstrapServers);
            } catch (Exception e) {
                if (server != null) {
                    shutDown(server);
                }
                // A port found free may be taken by someone else before Kafka binds it: try other ports.
                if (attempt < START_ATTEMPTS && isBindFailure(e)) {
                    log.warn("Kafka broker could not bind its ports ({}); retrying on other ports", e.getMessage());
                } else {
                    throw new IllegalStateException("Kafka broker failed to start at " + bootstrapServers
                            + " with data in " + logDir + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The address clients connect to, {@code host:port}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker, waiting at most 30 s for it to finish. */
    @Override
    public void close() {
        shutDown(server);
    }

    static Map<String, String> config(Path logDir, String host, int brokerPort, int controllerPort) {
        return Map.ofEntries(
                entry("process.roles", "broker,controller"),
                entry("node.id", String.valueOf(NODE_ID)),
                entry("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort),
                entry("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort
                        + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort),
                entry("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                entry("controller.listener.names", CONTROLLER_LISTENER),
                entry("inter.broker.listener.name", BROKER_LISTENER),
                entry("log.dirs", logDir.toString()),
                // One broker: internal topics can have one replica only (exactly_once_v2 hangs otherwise).
                entry("offsets.topic.replication.factor", "1"),
                entry("offsets.topic.num.partitions", "4"),
                entry("transaction.state.log.replication.factor", "1"),
                entry("transaction.state.log.min.isr", "1"),
                entry("transaction.state.log.num.partitions", "4"),
                entry("default.replication.factor", "1"),
                entry("num.partitions", "1"),
                entry("group.initial.rebalance.delay.ms", "0"),
                entry("group.streams.initial.rebalance.delay.ms", "0"),
                // Topics are declared by the application (TopicProvisioner), never created by a typo.
                entry("auto.create.topics.enable", "false"),
                // Retention by size only: replayed case events carry old timestamps that time-based
                // retention would delete at once.
                entry("log.retention.ms", "-1"),
                entry("log.retention.bytes", String.valueOf(512L * 1024 * 1024)),
                entry("log.segment.bytes", String.valueOf(16 * 1024 * 1024)),
                entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024)),
                // A small local box: fewer threads than a production broker.
                entry("num.network.threads", "2"),
                entry("num.io.threads", "2"),
                entry("background.threads", "2"),
                entry("group.coordinator.threads", "1"));
    }

    private static void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setFeatureLevel(ShareVersion.FEATURE_NAME, ShareVersion.SV_0.featureLevel())
                    .run();
            log.info("Formatted a new Kafka data directory {}", logDir);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka data directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, task -> {
            Thread thread = new Thread(task, "embedded-kafka-shutdown");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            stopped.get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Kafka broker did not stop within {}; leaving it to the JVM's exit", SHUTDOWN_TIMEOUT);
        } catch (ExecutionException e) {
            log.warn("Kafka broker failed while stopping", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void requirePortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + host + " is not free for the Kafka broker: " + e.getMessage(), e);
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }
}
