package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casepulse.events.CaseEvent;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;

@WithRealKafka
class GenerateToKafkaIT {

    @Test
    void shouldSendEveryRecordKeyedByCaseWithMalformedOnesAsRawBytes(RealKafka kafka) {
        String topic = kafka.uniqueTopic("case-events");
        kafka.createTopic(topic, 4);
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            Cli.Result result = Cli.exec("generate", "--seed", "5", "--from", "2025-04-01", "--to", "2025-04-15",
                    "--referrals-per-day", "30", "--malformed", "0.05", "--topic", topic,
                    "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url());

            assertThat(result.err()).isEmpty();
            assertThat(result.status()).isZero();
            Matcher summary = Pattern.compile("^([\\d,]+) records \\(([\\d,]+) malformed\\) sent to Kafka at "
                    + Pattern.quote(kafka.bootstrapServers()) + ", topic " + Pattern.quote(topic) + " in ").matcher(result.out());
            assertThat(summary.find()).as(result.out()).isTrue();
            int records = Integer.parseInt(summary.group(1).replace(",", ""));
            int malformed = Integer.parseInt(summary.group(2).replace(",", ""));
            assertThat(malformed).isPositive();

            SpecificAvroDeserializer<CaseEvent> avro = new SpecificAvroDeserializer<>(CaseEvent.class);
            avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
            try (TopicReader<String, byte[]> reader = new TopicReader<>(kafka.bootstrapServers(), topic,
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                List<ConsumerRecord<String, byte[]>> read = reader.readAtLeast(records, Duration.ofSeconds(60));
                assertThat(read).hasSize(records);
                List<ConsumerRecord<String, byte[]>> avroRecords = read.stream().filter(r -> r.value()[0] == 0).toList();
                assertThat(avroRecords).allSatisfy(r -> {
                    CaseEvent event = avro.deserialize(topic, r.value());
                    assertThat(r.key()).isEqualTo(event.getCaseId());
                    assertThat(r.timestamp()).isEqualTo(event.getRecordedAt().toEpochMilli());
                });
                // Cut-off JSON lines travel as their text: no Avro deserializer takes them.
                assertThat(read).anySatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .startsWith("{\"eventId\":\"evt-"));
            }
        }
    }
}
