package org.casepulse.testing;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.casepulse.topics.TopicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    void shouldDeliverProducedRecordsToAConsumerGroupAndKeepItsOffsets(RealKafka kafka) throws Exception {
        String topic = kafka.uniqueTopic("greetings");
        kafka.createTopic(topic, 2);
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "hello-" + i).toList();

        kafka.produceStrings(topic, keyedByValue(sent));

        String group = kafka.uniqueApplicationId("greeting-readers");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
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
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(committed.values()).extracting(OffsetAndMetadata::offset)
                .as("committed offsets of both partitions").hasSize(2)
                .satisfies(offsets -> assertThat(offsets.stream().mapToLong(Long::longValue).sum()).isEqualTo(sent.size()));
    }

    @Test
    void shouldRunAnExactlyOnceStreamsApplication(RealKafka kafka, @TempDir Path stateDir) {
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

            kafka.produceStrings(input, keyedByValue(sent));

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

    private static List<Map.Entry<String, String>> keyedByValue(List<String> values) {
        return values.stream().map(value -> Map.entry(value, value)).toList();
    }
}
