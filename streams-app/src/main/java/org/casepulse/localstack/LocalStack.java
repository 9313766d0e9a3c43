package org.casepulse.localstack;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.app.CasepulseApplication;
import org.casepulse.app.CasepulseSettings;
import org.casepulse.registry.EmbeddedSchemaRegistry;
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

    private LocalStack(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry,
                       CasepulseApplication application, CasepulseSettings settings) {
        this.broker = broker;
        this.registry = registry;
        this.application = application;
        this.settings = settings;
    }

    /**
     * @param host        interface every local server binds to
     * @param kafkaPort   broker port (0: any free port)
     * @param registryPort Schema Registry port (0: any free port)
     */
    public static LocalStack start(Path dataDir, String host, int kafkaPort, int registryPort,
                                   CasepulseSettings base, MeterRegistry meters) {
        createDirectory(dataDir);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), host, kafkaPort);
        EmbeddedSchemaRegistry registry = null;
        try {
            registry = new EmbeddedSchemaRegistry().persistTo(dataDir.resolve("schemas.jsonl")).start(host, registryPort);
            CasepulseSettings settings = base
                    .with(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())
                    .with(CasepulseSettings.SCHEMA_REGISTRY_URL, registry.url())
                    .with(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toString())
                    .with(CasepulseSettings.TOPIC_REPLICATION, 1);
            CasepulseApplication application = new CasepulseApplication(settings, meters);
            application.start();
            LOG.info("Local stack up: Kafka {}, Schema Registry {}, data in {}",
                    broker.bootstrapServers(), registry.url(), dataDir.toAbsolutePath());
            return new LocalStack(broker, registry, application, settings);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            broker.close();
            throw e;
        }
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
