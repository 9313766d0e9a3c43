package org.casepulse.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.casepulse.broker.EmbeddedKafkaBroker;
import org.casepulse.topics.TopicProvisioner;
import org.casepulse.topics.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Kafka broker for tests, in Docker or in this JVM; tests see no difference. Get one with
 * {@link WithRealKafka}; it is shared, so give topics and application ids unique names.
 */
public final class RealKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RealKafka.class);

    /** System property naming the image of the Docker broker. */
    public static final String IMAGE_PROPERTY = "casepulse.test.kafka.image";
    private static final String DEFAULT_IMAGE = "apache/kafka:4.1.0";
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final String description;
    private final String bootstrapServers;
    private final Runnable stopBroker;
    private final TopicProvisioner provisioner;
    private final Admin admin;

    private RealKafka(String description, String bootstrapServers, Runnable stopBroker) {
        this.description = description;
        this.bootstrapServers = bootstrapServers;
        this.stopBroker = stopBroker;
        this.provisioner = new TopicProvisioner(bootstrapServers, TOPIC_TIMEOUT);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        log.info("Tests use the {}", this);
    }

    static RealKafka embedded() {
        Path dataDir = newTempDirectory();
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(dataDir);
        } catch (RuntimeException e) {
            deleteRecursively(dataDir);
            throw e;
        }
        return new RealKafka("in-JVM KRaft broker", broker.bootstrapServers(), () -> {
            broker.close();
            deleteRecursively(dataDir);
        });
    }

    static RealKafka docker() {
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image))
                // Same rule as the in-JVM broker: a topic exists only once it is declared.
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        return new RealKafka("Kafka container " + image, container.getBootstrapServers(), container::stop);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** An Admin client on this broker, shared: do not close it. */
    public Admin admin() {
        return admin;
    }

    /** Creates a topic with one replica, waiting until it is ready. */
    public void createTopic(String name, int partitions) {
        createTopics(TopicSpec.of(name, partitions));
    }

    /** Creates the topics that do not exist yet, waiting until all are ready. */
    public void createTopics(TopicSpec... topics) {
        provisioner.ensureTopics(topics);
    }

    /** Sends string records in order and waits until the broker has acknowledged every one. */
    public void produceStrings(String topic, List<Map.Entry<String, String>> records) {
        produce(topic, new StringSerializer(), new StringSerializer(), records);
    }

    /** Sends records (key, value) in order and waits until the broker has acknowledged every one. */
    public <K, V> void produce(String topic, Serializer<K> keys, Serializer<V> values, List<Map.Entry<K, V>> records) {
        KafkaProducer<K, V> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), keys, values);
        try {
            List<Future<RecordMetadata>> acks = records.stream()
                    .map(record -> producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())))
                    .toList();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce to " + topic + " on " + this, e);
        } finally {
            producer.close(CLIENT_TIMEOUT);
        }
    }

    /** A topic name no other test of this JVM uses, for example {@code events-3f2a9c1b}. */
    public String uniqueTopic(String prefix) {
        return uniqueName(prefix);
    }

    /** A Kafka Streams application id (and consumer group) no other test of this JVM uses. */
    public String uniqueApplicationId(String prefix) {
        return uniqueName(prefix);
    }

    @Override
    public void close() {
        log.info("Stopping the {}", this);
        admin.close(Duration.ofSeconds(5));
        provisioner.close();
        stopBroker.run();
    }

    @Override
    public String toString() {
        return description + " at " + bootstrapServers;
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void deleteRecursively(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newTempDirectory() {
        try {
            // Surefire points java.io.tmpdir at target/tmp, which may not exist yet.
            Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            return Files.createTempDirectory(tmp, "casepulse-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
