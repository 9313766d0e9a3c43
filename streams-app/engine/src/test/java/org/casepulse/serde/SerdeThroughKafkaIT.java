package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;

/** Every event type written with our serializer to a real broker and read back with our deserializer. */
@WithRealKafka
class SerdeThroughKafkaIT {

    @Test
    void shouldCarryEveryEventTypeThroughARealBroker(RealKafka kafka) {
        String topic = kafka.uniqueTopic("case-events");
        kafka.createTopic(topic, 1);
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
            SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
            serializer.configure(config, false);
            List<CaseEvent> sent = Arrays.stream(EventType.values()).map(Samples::event).toList();
            kafka.produce(topic, new StringSerializer(), serializer,
                    sent.stream().map(event -> Map.entry(event.getCaseId(), event)).toList());

            SpecificAvroDeserializer<CaseEvent> deserializer = new SpecificAvroDeserializer<>(CaseEvent.class);
            deserializer.configure(config, false);
            try (TopicReader<String, CaseEvent> reader =
                         new TopicReader<>(kafka.bootstrapServers(), topic, new StringDeserializer(), deserializer)) {
                List<CaseEvent> received = reader.readAtLeast(sent.size(), Duration.ofSeconds(30)).stream()
                        .map(ConsumerRecord::value).toList();
                assertThat(received).containsExactlyElementsOf(sent);
            }
        }
    }
}
