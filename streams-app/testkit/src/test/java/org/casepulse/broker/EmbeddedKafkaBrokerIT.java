package org.casepulse.broker;

import kafka.server.KafkaConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casepulse.testing.TopicReader;
import org.casepulse.topics.TopicProvisioner;
import org.casepulse.topics.TopicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaBrokerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldKeepRecordsWhenRestartedOnTheSameDataDirectory(@TempDir Path dataDir) throws Exception {
        String topic = "kept-records";
        int firstPort;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            firstPort = port(broker);
            try (TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers(), TIMEOUT)) {
                provisioner.ensureTopics(TopicSpec.of(topic, 1));
            }
            send(broker, topic, "first-run");
        }
        assertThat(acceptsConnections(firstPort)).as("port of the stopped broker still open").isFalse();
        assertThat(dataDir.resolve("kafka-logs/meta.properties")).exists();

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(dataDir);
             TopicReader<String, String> reader = TopicReader.ofStrings(restarted.bootstrapServers(), topic)) {
            assertThat(reader.readAtLeast(1, TIMEOUT))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("first-run");
        }
    }

    @Test
    void shouldRetryOnOtherPortsWhenAChosenPortIsTakenBeforeKafkaBindsIt(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicBoolean handedOutTakenPort = new AtomicBoolean();
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, "localhost", 0,
                    () -> handedOutTakenPort.getAndSet(true) ? freePort() : taken.getLocalPort());
                 TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers(), TIMEOUT)) {
                provisioner.ensureTopics(TopicSpec.of("after-retry", 1));
                assertThat(port(broker)).isNotEqualTo(taken.getLocalPort());
            }
        }
    }

    @Test
    void shouldRefuseAClientPortThatIsInUse(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, "localhost", taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort());
        }
    }

    @Test
    void shouldConfigureTheBrokerWithSettingsKafkaKnows() {
        Map<String, String> config = EmbeddedKafkaBroker.config(Path.of("data"), "localhost", 9092, 9093);

        assertThat(CollectionConverters.asJava(KafkaConfig.configNames())).containsAll(config.keySet());
    }

    private static void send(EmbeddedKafkaBroker broker, String topic, String value) throws Exception {
        KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        try {
            producer.send(new ProducerRecord<>(topic, value, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            producer.close(TIMEOUT);
        }
    }

    private static int port(EmbeddedKafkaBroker broker) {
        String bootstrap = broker.bootstrapServers();
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    private static boolean acceptsConnections(int port) {
        try {
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
