package org.casepulse.localstack;

import org.casepulse.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.app.CasepulseApplication;
import org.casepulse.app.CasepulseSettings;
import org.casepulse.metrics.Metrics;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.simulation.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything on one machine, in one process: a KRaft broker and a Schema Registry, then the
 * streams application against them. All data lives under one directory the user chooses, so a
 * second run on the same directory carries on where the first stopped.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;
    private final CasepulseApplication application;
    private final CasepulseSettings settings;
    private final LiveFeed feed;

    private LocalStack(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry,
                       CasepulseApplication application, CasepulseSettings settings, LiveFeed feed) {
        this.broker = broker;
        this.registry = registry;
        this.application = application;
        this.settings = settings;
        this.feed = feed;
    }

    /**
     * @param host        interface every local server binds to
     * @param kafkaPort   broker port (0: any free port)
     * @param registryPort Schema Registry port (0: any free port)
     * @param demo        the generator feeding the stack, if enabled
     */
    public static LocalStack start(Path dataDir, String host, int kafkaPort, int registryPort,
                                   CasepulseSettings base, Metrics meters, DemoFeed demo) {
        createDirectory(dataDir);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), host, kafkaPort);
        EmbeddedSchemaRegistry registry = null;
        CasepulseApplication application = null;
        try {
            registry = new EmbeddedSchemaRegistry().persistTo(dataDir.resolve("schemas.jsonl")).start(host, registryPort);
            CasepulseSettings settings = demoAccess(base)
                    .with(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())
                    .with(CasepulseSettings.SCHEMA_REGISTRY_URL, registry.url())
                    .with(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toString())
                    .with(CasepulseSettings.TOPIC_REPLICATION, 1)
                    // One instance: a standby has nowhere to go, and Streams warns of each it cannot assign.
                    .with(CasepulseSettings.STANDBY_REPLICAS, 0);
            application = new CasepulseApplication(settings, meters);
            application.start();
            LiveFeed feed = demo.start(broker.bootstrapServers(), registry.url(), settings.topics().caseEvents(),
                    application.reference(), settings.clock());
            demo.publishWorkforce(broker.bootstrapServers(), registry.url(), settings.topics().workforce(),
                    application.reference(), settings.clock());
            LOG.info("Local stack up: Kafka {}, Schema Registry {}, data in {}",
                    broker.bootstrapServers(), registry.url(), dataDir.toAbsolutePath());
            if (application.server() != null) {
                LOG.info("Open the scorecard: {}", application.server().url());
                if ("none".equals(settings.find(CasepulseSettings.HTTP_AUTH_MODE).orElse(null))) {
                    DemoCommentary.typeInBackground(application.server().url(),
                            java.time.YearMonth.from(settings.clock().today()).minusMonths(1));
                }
            }
            return new LocalStack(broker, registry, application, settings, feed);
        } catch (RuntimeException e) {
            if (application != null) {
                application.close();
            }
            if (registry != null) {
                registry.close();
            }
            broker.close();
            throw e;
        }
    }

    /**
     * The demo's page needs no login, so it listens on the loopback interface only; configuring
     * users or an issuer (or the mode) keeps authentication, and the chosen host, as configured.
     */
    static CasepulseSettings demoAccess(CasepulseSettings base) {
        if (base.find(CasepulseSettings.HTTP_AUTH_MODE).isPresent() || base.find(CasepulseSettings.HTTP_AUTH_USERS).isPresent()
                || base.find(CasepulseSettings.HTTP_AUTH_OIDC_ISSUER).isPresent()) {
            return base;
        }
        LOG.info("Local demo: the operations page has authentication off and listens on 127.0.0.1 only "
                + "(configure {} or {} to log in)", CasepulseSettings.HTTP_AUTH_USERS, CasepulseSettings.HTTP_AUTH_OIDC_ISSUER);
        return base.with(CasepulseSettings.HTTP_AUTH_MODE, "none").with(CasepulseSettings.HTTP_HOST, "127.0.0.1");
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public CasepulseApplication application() {
        return application;
    }

    public CasepulseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.stop();
        }
        application.close();
        registry.close();
        broker.close();
        LOG.info("Local stack stopped");
    }

    private static void createDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
    }
}
