package org.casepulse.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * in-sync replica) before they are answered; a consumer of its own ({@link TopicReader}, as the snapshot
 * view's) reads the whole topic, all partitions from the beginning, no consumer group, so every instance
 * answers with every instance's commentary. Chosen over a Kafka Streams global store because the
 * HTTP surface already owns a plain consumer of this kind and commentary needs no processing.
 */
public final class CommentaryView implements CommentaryStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommentaryView.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger VIEWS = new AtomicInteger();

    private final String topic;
    private final KafkaProducer<CommentaryKey, CommentaryEntry> producer;
    private final CommentaryBook book = new CommentaryBook();
    private volatile boolean caughtUp;
    private final TopicReader<CommentaryKey, CommentaryEntry> reader;

    /** Starts the reader last: its thread may call back as soon as it starts. */
    private CommentaryView(Map<String, ?> clientConfig, String topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
        int id = VIEWS.incrementAndGet();
        SpecificAvroSerializer<CommentaryKey> keyWriter = new SpecificAvroSerializer<>();
        keyWriter.configure(clientConfig, true);
        SpecificAvroSerializer<CommentaryEntry> valueWriter = new SpecificAvroSerializer<>();
        valueWriter.configure(clientConfig, false);
        this.producer = new KafkaProducer<>(producerConfig(clientConfig, id), keyWriter, valueWriter);
        SpecificAvroDeserializer<CommentaryKey> keys = new SpecificAvroDeserializer<>(CommentaryKey.class);
        keys.configure(clientConfig, true);
        SpecificAvroDeserializer<CommentaryEntry> values = new SpecificAvroDeserializer<>(CommentaryEntry.class);
        values.configure(clientConfig, false);
        this.reader = TopicReader.start("commentary view", clientConfig, "casepulse-commentary-view-" + id, topic,
                keys, values, this::apply, () -> {
                    caughtUp = true;
                    LOG.info("Commentary view caught up with {}: {} versions", topic, book.size());
                });
    }

    /**
     * Starts reading {@code topic}; {@code clientConfig} holds the Kafka client settings and the
     * serde's ({@code schema.registry.url}).
     */
    public static CommentaryView start(Map<String, ?> clientConfig, String topic) {
        return new CommentaryView(clientConfig, topic);
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
        reader.close();
        producer.close(CLOSE_TIMEOUT);
    }

    /** Every version is kept: a deletion is a version without text, never a tombstone. */
    private void apply(ConsumerRecord<CommentaryKey, CommentaryEntry> record) {
        if (record.value() == null) {
            LOG.warn("Skipping record without value of {}-{} at offset {}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        book.apply(Comment.of(record.key(), record.value()));
    }

    private static Map<String, Object> producerConfig(Map<String, ?> clientConfig, int id) {
        Map<String, Object> config = TopicReader.known(clientConfig, ProducerConfig.configNames());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A missing topic or an unreachable cluster answers the writer within seconds, not a minute.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "casepulse-commentary-writer-" + id);
        return config;
    }
}
