package org.casepulse.publish;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.casepulse.topics.Topics;

/**
 * Where a {@link CaseEventPublisher} sends.
 *
 * @param bootstrapServers  Kafka's {@code host:port[,host:port]}
 * @param schemaRegistryUrl the Schema Registry base URL(s), comma-separated
 * @param topic             the case events topic
 * @param timeout           how long to wait for Kafka to answer when connecting, and for a send to
 *                          be accepted when Kafka is slow
 * @param clientConfig      extra Kafka producer and serde settings (security, {@code basic.auth.*}),
 *                          applied over the publisher's own
 */
public record PublisherSettings(String bootstrapServers, String schemaRegistryUrl, String topic, Duration timeout,
                                Map<String, Object> clientConfig) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public PublisherSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timeout, "timeout");
        clientConfig = Map.copyOf(clientConfig);
    }

    /** The default topic and timeout, no extra settings. */
    public static PublisherSettings of(String bootstrapServers, String schemaRegistryUrl) {
        return new PublisherSettings(bootstrapServers, schemaRegistryUrl, Topics.CASE_EVENTS, DEFAULT_TIMEOUT, Map.of());
    }

    public PublisherSettings withTopic(String newTopic) {
        return new PublisherSettings(bootstrapServers, schemaRegistryUrl, newTopic, timeout, clientConfig);
    }

    public PublisherSettings withTimeout(Duration newTimeout) {
        return new PublisherSettings(bootstrapServers, schemaRegistryUrl, topic, newTimeout, clientConfig);
    }
}
