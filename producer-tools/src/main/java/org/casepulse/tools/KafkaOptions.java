package org.casepulse.tools;

import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where Kafka and the Schema Registry are, and the client properties (security) every client and the serde get. */
final class KafkaOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @SettingKey("bootstrap.servers")
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (env CASEPULSE_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @SettingKey("schema.registry.url")
    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema Registry URL(s), comma-separated (env CASEPULSE_SCHEMA_REGISTRY_URL; default: ${DEFAULT-VALUE}).")
    String schemaRegistryUrl;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for Kafka to answer (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    /** Kafka client and serde properties from -X, CASEPULSE_KAFKA_* and the --config file. */
    Map<String, Object> clientProperties() {
        return ((CasepulseTools) command.root().userObject()).clientProperties();
    }
}
