package org.casepulse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.CaseEventJsonl;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.simulation.Defect;
import org.casepulse.simulation.SimulatedRecord;
import org.casepulse.simulation.Simulation;
import org.casepulse.simulation.SimulationSettings;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithRealKafka
class CaseEventPublisherIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldSendEventsAsAvroAndMalformedRecordsAsAFaultyProducerWould(RealKafka kafka) {
        String topic = kafka.uniqueTopic("case-events");
        kafka.createTopic(topic, 3);
        List<CaseEvent> events = new Simulation(SimulationSettings.defaults(LocalDate.parse("2025-03-10"))
                .withPeriod(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-10")).withReferralsPerWorkingDay(5),
                AreaHierarchy.defaults(), WorkingDayCalendar.englandAndWales()).events().limit(20).toList();
        CaseEvent unknownArea = CaseEvent.newBuilder(events.get(0)).setEventId("evt-bad-1").setAreaCode("Q9").build();
        String cutLine = CaseEventJsonl.toLine(events.get(1)).substring(0, 40);
        List<SimulatedRecord> records = new ArrayList<>();
        events.forEach(event -> records.add(new SimulatedRecord.Good(event)));
        records.add(new SimulatedRecord.Bad(Defect.UNKNOWN_AREA, unknownArea.getCaseId(),
                CaseEventJsonl.toLine(unknownArea), unknownArea, 1_000L));
        records.add(new SimulatedRecord.Bad(Defect.BAD_JSON, events.get(1).getCaseId(), cutLine, null, 2_000L));

        try (CaseEventPublisher publisher = CaseEventPublisher.connect(
                PublisherSettings.of(kafka.bootstrapServers(), registry.url()).withTopic(topic))) {
            records.forEach(publisher::send);
            publisher.flush();
            assertThat(publisher.acknowledged()).isEqualTo(22);
            assertThat(publisher.failed()).isZero();
        }

        SpecificAvroDeserializer<CaseEvent> avro = new SpecificAvroDeserializer<>(CaseEvent.class);
        avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        try (TopicReader<String, byte[]> reader = new TopicReader<>(kafka.bootstrapServers(), topic,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> read = reader.readAtLeast(22, TIMEOUT);
            assertThat(read).hasSize(22);
            for (CaseEvent event : events) {
                ConsumerRecord<String, byte[]> sent = read.stream()
                        .filter(r -> r.value()[0] == 0 && avro.deserialize(topic, r.value()).equals(event))
                        .findFirst().orElseThrow();
                assertThat(sent.key()).isEqualTo(event.getCaseId());
                assertThat(sent.timestamp()).isEqualTo(event.getRecordedAt().toEpochMilli());
            }
            assertThat(read).anySatisfy(r -> {
                assertThat(r.timestamp()).isEqualTo(1_000L);
                assertThat(avro.deserialize(topic, r.value()).getAreaCode()).isEqualTo("Q9");
            });
            assertThat(read).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo(events.get(1).getCaseId());
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(cutLine);
            });
            // A case's records share a partition, so they are read in the order they were sent.
            Map<String, List<String>> readOrder = read.stream().filter(r -> r.value()[0] == 0)
                    .map(r -> avro.deserialize(topic, r.value()))
                    .filter(event -> !event.getAreaCode().equals("Q9"))
                    .collect(Collectors.groupingBy(CaseEvent::getCaseId,
                            Collectors.mapping(CaseEvent::getEventId, Collectors.toList())));
            Map<String, List<String>> sendOrder = events.stream().collect(Collectors.groupingBy(CaseEvent::getCaseId,
                    Collectors.mapping(CaseEvent::getEventId, Collectors.toList())));
            assertThat(readOrder).isEqualTo(sendOrder);
        }
        assertThat(registry.requests()).contains("POST /subjects/" + topic + "-value/versions");
    }

    @Test
    void shouldNameKafkaWhenItDoesNotAnswer() {
        PublisherSettings settings = PublisherSettings.of("localhost:1", registry.url()).withTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> CaseEventPublisher.connect(settings))
                .isInstanceOf(PublishException.class)
                .hasMessage("Kafka at localhost:1 did not answer within 2 s (is it running, and is the address right?)");
    }

    @Test
    void shouldNameAMissingTopic(RealKafka kafka) {
        PublisherSettings settings = PublisherSettings.of(kafka.bootstrapServers(), registry.url()).withTopic("no-such-topic");
        assertThatThrownBy(() -> CaseEventPublisher.connect(settings))
                .isInstanceOf(PublishException.class)
                .hasMessageStartingWith("Kafka at " + kafka.bootstrapServers() + " has no topic no-such-topic");
    }

    @Test
    void shouldNameTheRegistryWhenItDoesNotAnswer(RealKafka kafka) {
        String topic = kafka.uniqueTopic("case-events");
        kafka.createTopic(topic, 1);
        PublisherSettings settings = PublisherSettings.of(kafka.bootstrapServers(), "http://127.0.0.1:1").withTopic(topic);
        assertThatThrownBy(() -> CaseEventPublisher.connect(settings))
                .isInstanceOf(PublishException.class)
                .hasMessageStartingWith("Schema Registry unreachable at http://127.0.0.1:1");
    }
}
