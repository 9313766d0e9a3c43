package org.casepulse.tools;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Where Kafka and the Schema Registry are. */
final class KafkaOptions {
    @Env("CASEPULSE_BOOTSTRAP_SERVERS")
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (env CASEPULSE_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Env("CASEPULSE_SCHEMA_REGISTRY_URL")
    @Option(names = "--schema-registry-url", paramLabel = "URL", defaultValue = "http://localhost:8081",
            description = "Schema Registry URL(s), comma-separated (env CASEPULSE_SCHEMA_REGISTRY_URL; default: ${DEFAULT-VALUE}).")
    String schemaRegistryUrl;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for Kafka to answer (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }
}
