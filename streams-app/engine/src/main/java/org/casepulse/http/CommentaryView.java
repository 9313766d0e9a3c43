package org.casepulse.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.casepulse.commentary.CommentaryEntry;
import org.casepulse.commentary.CommentaryKey;
import org.casepulse.scorecard.commentary.Comment;
import org.casepulse.scorecard.commentary.CommentaryBook;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.serde.SpecificAvroSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commentary kept in the compacted commentary topic. Writes go to the topic (acknowledged by every
 * in-sync replica) before they are answered; a consumer of its own reads the whole topic, all
 * partitions from the beginning, no consumer group, as the snapshot view does, so every instance
 * answers with every instance's commentary. Chosen over a Kafka Streams global store because the
 * HTTP surface already owns a plain consumer of this kind and commentary needs no processing.
 */
public final class CommentaryView implements CommentaryStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommentaryView.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TOPIC_RETRY = Duration.ofMillis(500);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger VIEWS = new AtomicInteger();

    private final String topic;
    private final KafkaConsumer<CommentaryKey, CommentaryEntry> consumer;
    private final KafkaProducer<CommentaryKey, CommentaryEntry> producer;
    private final CommentaryBook book = new CommentaryBook();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread poller;
    private volatile boolean caughtUp;

    private CommentaryView(Map<String, ?> clientConfig, String topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
        int id = VIEWS.incrementAndGet();
        SpecificAvroDeserializer<CommentaryKey> keys = new SpecificAvroDeserializer<>(CommentaryKey.class);
        keys.configure(clientConfig, true);
        SpecificAvroDeserializer<CommentaryEntry> values = new SpecificAvroDeserializer<>(CommentaryEntry.class);
        values.configure(clientConfig, false);
        this.consumer = new KafkaConsumer<>(consumerConfig(clientConfig, id), keys, values);
        SpecificAvroSerializer<CommentaryKey> keyWriter = new SpecificAvroSerializer<>();
        keyWriter.configure(clientConfig, true);
        SpecificAvroSerializer<CommentaryEntry> valueWriter = new SpecificAvroSerializer<>();
        valueWriter.configure(clientConfig, false);
        this.producer = new KafkaProducer<>(producerConfig(clientConfig, id), keyWriter, valueWriter);
        this.poller = new Thread(this::run, "casepulse-commentary-view");
        this.poller.setDaemon(true);
    }

    /**
     * Starts reading {@code topic}; {@code clientConfig} holds the Kafka client settings and the
     * serde's ({@code schema.registry.url}).
     */
    public static CommentaryView start(Map<String, ?> clientConfig, String topic) {
        CommentaryView view = new CommentaryView(clientConfig, topic);
        view.poller.start();
        return view;
    }

    @Override
    public CommentaryBook book() {
        return book;
    }

    @Override
    public boolean isCaughtUp() {
        return caughtUp;
    }

    @Override
    public void write(Comment comment) {
        try {
            producer.send(new ProducerRecord<>(topic, comment.toKey(), comment.toValue()))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommentaryUnavailableException("interrupted while writing to " + topic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            throw new CommentaryUnavailableException("could not write to " + topic + ": " + e.getMessage(), e);
        }
        book.apply(comment);
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
        producer.close(CLOSE_TIMEOUT);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!isClosing()) {
                poll();
                if (!caughtUp && reached(ends)) {
                    caughtUp = true;
                    LOG.info("Commentary view caught up with {}: {} versions", topic, book.size());
                }
            }
        } catch (WakeupException e) {
            if (!isClosing()) {
                LOG.error("The commentary view of {} stopped reading", topic, e);
            }
        } catch (RuntimeException e) {
            LOG.error("The commentary view of {} stopped reading", topic, e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

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
            try {
                closing.await(TOPIC_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing.countDown();
            }
        }
        return List.of();
    }

    private void poll() {
        try {
            for (ConsumerRecord<CommentaryKey, CommentaryEntry> record : consumer.poll(POLL_TIMEOUT)) {
                if (record.key() == null || record.value() == null) {
                    LOG.warn("Skipping record without key or value of {}-{} at offset {}", record.topic(),
                            record.partition(), record.offset());
                    continue;
                }
                try {
                    book.apply(Comment.of(record.key(), record.value()));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Skipping record of {}-{} at offset {}: {}", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
            }
        } catch (RecordDeserializationException e) {
            LOG.warn("Skipping unreadable record of {} at offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    private static Map<String, Object> consumerConfig(Map<String, ?> clientConfig, int id) {
        Map<String, Object> config = known(clientConfig, ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "casepulse-commentary-view-" + id);
        return config;
    }

    private static Map<String, Object> producerConfig(Map<String, ?> clientConfig, int id) {
        Map<String, Object> config = known(clientConfig, ProducerConfig.configNames());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A missing topic or an unreachable cluster answers the writer within seconds, not a minute.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "casepulse-commentary-writer-" + id);
        return config;
    }

    private static Map<String, Object> known(Map<String, ?> clientConfig, java.util.Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
