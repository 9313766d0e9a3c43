package org.casepulse.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
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
import java.util.HashMap;
import java.util.List;
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

    private static final String SASL_SSL_LISTENER = "SASL_SSL";
    private static final String INTERNAL_LISTENER = "INTERNAL";
    /** The one SASL mechanism of the secured listener. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String internalBootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, String internalBootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.internalBootstrapServers = internalBootstrapServers;
    }

    /**
     * The TLS identity of a SASL_SSL listener: a PKCS#12 key store holding the broker's key and
     * certificate (whose names must include the host clients connect to).
     */
    public record SaslSsl(Path keyStore, String password) {}

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
        return start(dataDir, host, port, () -> freePort(host), null);
    }

    /**
     * Starts a broker whose client listener speaks SASL_SSL with {@value #SCRAM_MECHANISM}, as a
     * secured production cluster does; users are added with {@link #createScramUser}. The broker
     * talks to itself, and the admin that creates users, over a plain listener on {@code host}
     * ({@link #internalBootstrapServers}).
     */
    public static EmbeddedKafkaBroker startSaslSsl(Path dataDir, String host, SaslSsl saslSsl) {
        return start(dataDir, host, 0, () -> freePort(host), saslSsl);
    }

    /** The controller port (and the client port when 0 is asked) come from {@code freePorts}. */
    static EmbeddedKafkaBroker start(Path dataDir, String host, int port, IntSupplier freePorts) {
        return start(dataDir, host, port, freePorts, null);
    }

    private static EmbeddedKafkaBroker start(Path dataDir, String host, int port, IntSupplier freePorts, SaslSsl saslSsl) {
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
            int internalPort = saslSsl == null ? brokerPort : freePorts.getAsInt();
            while (saslSsl != null && (internalPort == brokerPort || internalPort == controllerPort)) {
                internalPort = freePorts.getAsInt();
            }
            String bootstrapServers = host + ":" + brokerPort;
            KafkaRaftServer server = null;
            try {
                Map<String, String> config = saslSsl == null ? config(logDir, host, brokerPort, controllerPort)
                        : saslSslConfig(logDir, host, brokerPort, internalPort, controllerPort, saslSsl);
                server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
                server.startup();
                log.info("Kafka broker ready at {}{} with data in {} (started in {} ms)", bootstrapServers,
                        saslSsl == null ? "" : " (SASL_SSL, " + SCRAM_MECHANISM + ")", logDir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                return new EmbeddedKafkaBroker(server, bootstrapServers, host + ":" + internalPort);
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

    /** The plain listener: the same as {@link #bootstrapServers} unless the broker was started with SASL_SSL. */
    public String internalBootstrapServers() {
        return internalBootstrapServers;
    }

    /**
     * Adds (or replaces) a {@value #SCRAM_MECHANISM} user through the controller, over the plain
     * listener. The broker learns of it from the metadata log a moment later.
     */
    public void createScramUser(String user, String password) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrapServers))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
                    .all().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating SCRAM user " + user, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create SCRAM user " + user + ": " + e.getMessage(), e);
        }
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

    /** As {@link #config}, with the client listener on SASL_SSL and a plain one for the broker and the admin. */
    static Map<String, String> saslSslConfig(Path logDir, String host, int brokerPort, int internalPort,
                                             int controllerPort, SaslSsl saslSsl) {
        Map<String, String> config = new HashMap<>(config(logDir, host, brokerPort, controllerPort));
        config.put("listeners", SASL_SSL_LISTENER + "://" + host + ":" + brokerPort
                + "," + INTERNAL_LISTENER + "://" + host + ":" + internalPort
                + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        config.put("listener.security.protocol.map", SASL_SSL_LISTENER + ":SASL_SSL," + INTERNAL_LISTENER
                + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", INTERNAL_LISTENER);
        config.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
        config.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        config.put("listener.name.sasl_ssl.ssl.keystore.location", saslSsl.keyStore().toAbsolutePath().toString());
        config.put("listener.name.sasl_ssl.ssl.keystore.password", saslSsl.password());
        config.put("listener.name.sasl_ssl.ssl.key.password", saslSsl.password());
        return config;
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
