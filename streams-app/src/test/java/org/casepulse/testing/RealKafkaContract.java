package org.casepulse.testing;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.casepulse.localstack.TopicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the application needs from a broker, run against each kind of real broker by a subclass
 * that forces it: plain produce and consume in a consumer group, and a Kafka Streams
 * application with exactly_once_v2 (which hangs on a single broker without the right settings).
 */
abstract class RealKafkaContract {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldDeliverProducedRecordsToAConsumerGroup(RealKafka kafka) throws Exception {
        String topic = kafka.uniqueTopic("greetings");
        kafka.createTopic(topic, 2);
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "hello-" + i).toList();

        produce(kafka, topic, sent);

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueApplicationId("greeting-readers"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        List<String> received = new ArrayList<>();
        try {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> received.add(record.value()));
                return received.size() >= sent.size();
            });
            consumer.commitSync(TIMEOUT);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void shouldRunAnExactlyOnceStreamsApplication(RealKafka kafka, @TempDir Path stateDir) throws Exception {
        String input = kafka.uniqueTopic("passthrough-in");
        String output = kafka.uniqueTopic("passthrough-out");
        kafka.createTopics(TopicSpec.of(input, 2), TopicSpec.of(output, 2));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        KafkaStreams streams = new KafkaStreams(builder.build(), new StreamsConfig(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, kafka.uniqueApplicationId("passthrough"),
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString())));
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "case-event-" + i).toList();
        boolean closed;
        try {
            streams.start();
            await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            produce(kafka, input, sent);

            try (TopicReader<String, String> reader = TopicReader.ofStrings(kafka.bootstrapServers(), output)) {
                assertThat(reader.readAtLeast(sent.size(), TIMEOUT))
                        .extracting(ConsumerRecord::value)
                        .containsExactlyInAnyOrderElementsOf(sent);
            }
        } finally {
            closed = streams.close(CLOSE_TIMEOUT);
        }
        assertThat(closed).as("Kafka Streams closed within %s", CLOSE_TIMEOUT).isTrue();
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    }

    private static void produce(RealKafka kafka, String topic, List<String> values) throws Exception {
        KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            values.forEach(value -> acks.add(producer.send(new ProducerRecord<>(topic, value, value))));
            for (Future<RecordMetadata> ack : acks) {
                ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
    }
}
