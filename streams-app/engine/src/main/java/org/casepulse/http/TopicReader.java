package org.casepulse.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic into memory on a thread of its own, for the views every instance keeps
 * (snapshots, commentary): all partitions from the beginning, no consumer group, committed records
 * only, then follows it. Waits for the topic to exist; skips, with a warning, a record it cannot
 * read, one without a key and one its handler refuses ({@link IllegalArgumentException}), so one
 * bad record never stops a view.
 */
final class TopicReader<K, V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TOPIC_RETRY = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final String topic;
    private final KafkaConsumer<K, V> consumer;
    private final Consumer<ConsumerRecord<K, V>> handler;
    private final Runnable caughtUp;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread poller;
    private volatile ViewProgress progress;

    /**
     * @param name     what reads, for the thread's name and the log ({@code snapshot view})
     * @param clientId the consumer's client id, unique in the JVM (Kafka registers one JMX bean per id)
     * @param handler  called on the reader's thread for each record with a key, in offset order per partition
     * @param caughtUp called once, on the reader's thread, when every partition's end at the start is reached
     */
    private TopicReader(String name, Map<String, ?> clientConfig, String clientId, String topic, Deserializer<K> keys,
                        Deserializer<V> values, Consumer<ConsumerRecord<K, V>> handler, Runnable caughtUp) {
        this.name = Objects.requireNonNull(name, "name");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.caughtUp = Objects.requireNonNull(caughtUp, "caughtUp");
        this.consumer = new KafkaConsumer<>(consumerConfig(clientConfig, clientId), keys, values);
        this.progress = ViewProgress.waitingFor(topic);
        this.poller = new Thread(this::run, "casepulse-" + name.replace(' ', '-'));
        this.poller.setDaemon(true);
    }

    /** Starts reading; see the constructor for the parameters. */
    static <K, V> TopicReader<K, V> start(String name, Map<String, ?> clientConfig, String clientId, String topic,
                                          Deserializer<K> keys, Deserializer<V> values,
                                          Consumer<ConsumerRecord<K, V>> handler, Runnable caughtUp) {
        TopicReader<K, V> reader = new TopicReader<>(name, clientConfig, clientId, topic, keys, values, handler, caughtUp);
        reader.poller.start();
        return reader;
    }

    String topic() {
        return topic;
    }

    ViewProgress progress() {
        return progress;
    }

    @Override
    public void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        consumer.wakeup();
        try {
            poller.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (poller.isAlive()) {
            LOG.warn("The {}'s thread did not stop within {}", name, CLOSE_TIMEOUT);
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            LOG.info("{} reading {} ({} partitions) up to offsets {}", capitalised(name), topic, partitions.size(), ends);
            while (!isClosing()) {
                poll();
                if (!progress.isCaughtUp()) {
                    progress = progressTowards(beginnings, ends);
                    if (progress.isCaughtUp()) {
                        caughtUp.run();
                    }
                }
            }
        } catch (WakeupException e) {
            if (!isClosing()) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            if (isClosing()) {
                progress = ViewProgress.closed();
            }
        }
    }

    /** The topic's partitions once it exists; none when closed first. */
    private List<TopicPartition> awaitPartitions() {
        while (!isClosing()) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
                if (!infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
                }
            } catch (TimeoutException e) {
                LOG.debug("No metadata for {} yet: {}", topic, e.getMessage());
            }
            awaitClosing(TOPIC_RETRY);
        }
        return List.of();
    }

    private void poll() {
        try {
            for (ConsumerRecord<K, V> record : consumer.poll(POLL_TIMEOUT)) {
                apply(record);
            }
        } catch (RecordDeserializationException e) {
            // One unreadable record must not stop the view: skip it, as a reader of reports would.
            LOG.warn("Skipping unreadable record of {} at offset {}: {}", e.topicPartition(), e.offset(),
                    e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private void apply(ConsumerRecord<K, V> record) {
        if (record.key() == null) {
            LOG.warn("Skipping record without key of {}-{} at offset {}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        try {
            handler.accept(record);
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping record of {}-{} at offset {}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private ViewProgress progressTowards(Map<TopicPartition, Long> beginnings, Map<TopicPartition, Long> ends) {
        long read = 0;
        long total = 0;
        boolean reached = true;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long beginning = beginnings.getOrDefault(end.getKey(), 0L);
            long position = consumer.position(end.getKey());
            total += end.getValue() - beginning;
            read += Math.min(position, end.getValue()) - beginning;
            reached &= position >= end.getValue();
        }
        return reached ? ViewProgress.caughtUp(total) : ViewProgress.catchingUp(read, total);
    }

    private void fail(RuntimeException e) {
        LOG.error("The {} of {} stopped reading", name, topic, e);
        progress = ViewProgress.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    private void awaitClosing(Duration timeout) {
        try {
            closing.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }

    /** The settings of {@code clientConfig} that a client knowing {@code names} takes (a copy to add to). */
    static Map<String, Object> known(Map<String, ?> clientConfig, Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The caller's client settings that a consumer knows, and those that make this reader what it is. */
    private static Map<String, Object> consumerConfig(Map<String, ?> clientConfig, String clientId) {
        Map<String, Object> config = known(clientConfig, ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
