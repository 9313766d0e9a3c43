package org.casepulse.testing;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic from its beginning (committed records only, as a downstream consumer of an
 * exactly-once application would) until what was read satisfies a condition, or fails the test
 * at the deadline. Uses no consumer group, so it leaves no trace on the broker.
 */
public final class TopicReader<K, V> implements AutoCloseable {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final String topic;
    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), keys, values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            throw new IllegalStateException("Topic " + topic + " does not exist on " + bootstrapServers);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    public static TopicReader<String, String> ofStrings(String bootstrapServers, String topic) {
        return new TopicReader<>(bootstrapServers, topic, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads until the records read so far (from the beginning) satisfy the condition; returns them. */
    public List<ConsumerRecord<K, V>> readUntil(Predicate<? super List<ConsumerRecord<K, V>>> condition, Duration timeout) {
        List<ConsumerRecord<K, V>> view = Collections.unmodifiableList(records);
        try {
            Awaitility.await("records of topic " + topic)
                    .atMost(timeout)
                    .pollInSameThread() // KafkaConsumer must stay on one thread
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        consumer.poll(POLL_TIMEOUT).forEach(records::add);
                        return condition.test(view);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Topic " + topic + ": the " + records.size() + " records read within " + timeout
                    + " do not satisfy the condition; read: " + records, e);
        }
        return List.copyOf(records);
    }

    /** Reads until at least {@code count} records were read; returns all records read. */
    public List<ConsumerRecord<K, V>> readAtLeast(int count, Duration timeout) {
        return readUntil(read -> read.size() >= count, timeout);
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
