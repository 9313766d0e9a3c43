package org.casepulse.topics;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithRealKafka
class TopicProvisionerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldCreateMissingTopicsAndLeaveExistingOnesAsTheyAre(RealKafka kafka) throws Exception {
        String existing = kafka.uniqueTopic("existing");
        String added = kafka.uniqueTopic("added");
        try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), TIMEOUT)) {
            provisioner.ensureTopics(TopicSpec.of(existing, 3));

            provisioner.ensureTopics(TopicSpec.of(existing, 5), TopicSpec.of(added, 2));
        }

        Map<String, TopicDescription> topics = kafka.admin().describeTopics(List.of(existing, added))
                .allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(topics.get(existing).partitions()).hasSize(3);
        assertThat(topics.get(added).partitions()).hasSize(2);
    }

    @Test
    void shouldApplyTopicConfigsSuchAsCompaction(RealKafka kafka) throws Exception {
        String snapshots = kafka.uniqueTopic("snapshots");
        try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), TIMEOUT)) {
            provisioner.ensureTopics(TopicSpec.of(snapshots, 1).compacted().withConfig("min.cleanable.dirty.ratio", "0.1"));
        }

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, snapshots);
        Config config = kafka.admin().describeConfigs(List.of(resource)).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config.get("min.cleanable.dirty.ratio").value()).isEqualTo("0.1");
    }

    @Test
    void shouldNameTheBootstrapAddressWhenTheClusterIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String bootstrap = "localhost:" + closedPort;

        try (TopicProvisioner provisioner = new TopicProvisioner(bootstrap, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> provisioner.ensureTopics(TopicSpec.of("never-created", 1)))
                    .isInstanceOf(KafkaUnreachableException.class)
                    .hasMessageContaining(bootstrap);
        }
    }
}
