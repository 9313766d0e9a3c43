package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.events.CaseEvent;
import org.casepulse.metrics.Metrics;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.casepulse.topology.DeadLetterHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole application through a real broker, with exactly-once processing, against the embedded registry. */
@WithRealKafka
class CasepulseApplicationIT {

    private final EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
    private CasepulseSettings settings;
    private CasepulseApplication application;

    @BeforeEach
    void start(RealKafka kafka, @TempDir Path stateDir) {
        settings = CasepulseSettings.defaults()
                .with(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())
                .with(CasepulseSettings.SCHEMA_REGISTRY_URL, registry.url())
                .with(StreamsConfig.APPLICATION_ID_CONFIG, kafka.uniqueApplicationId("casepulse-it"))
                .with(StreamsConfig.STATE_DIR_CONFIG, stateDir)
                .with(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1)
                .with(CasepulseSettings.TOPIC_CASE_EVENTS, kafka.uniqueTopic("events"))
                .with(CasepulseSettings.TOPIC_SNAPSHOTS, kafka.uniqueTopic("snapshots"))
                .with(CasepulseSettings.TOPIC_DEAD_LETTERS, kafka.uniqueTopic("dead-letters"))
                .with(CasepulseSettings.TOPIC_PARTITIONS, 2)
                .with(CasepulseSettings.AS_OF, "2024-04-20")
                .with(CasepulseSettings.FLUSH_INTERVAL_MS, 100)
                .with(CasepulseSettings.HTTP_PORT, 0);
        application = new CasepulseApplication(settings, Metrics.prometheus());
        KafkaStreams streams = application.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    @AfterEach
    void stop() {
        application.close();
        registry.close();
    }

    @Test
    void shouldTurnEventsIntoSnapshotsExactlyOnceAndDeadLetterABadRecord(RealKafka kafka) {
        assertThat(application.streamsProperties().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        CaseEvents two = CaseEvents.forCase("case-2", "child-2");
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.url()), false);
        String events = settings.topics().caseEvents();
        kafka.produce(events, new StringSerializer(), serializer, List.of(
                Map.entry("case-1", one.referral("N1", "2024-03-01")),
                Map.entry("case-1", one.allocation("N1", "2024-03-05", "w1")),
                Map.entry("case-2", two.referral("C2", "2024-03-01")),
                Map.entry("case-2", two.allocation("C2", "2024-03-06", "w2"))));
        kafka.produce(events, new StringSerializer(), new ByteArraySerializer(),
                List.of(Map.entry("case-3", "not avro".getBytes(StandardCharsets.UTF_8))));

        SpecificAvroDeserializer<IndicatorSnapshotKey> keys = new SpecificAvroDeserializer<>(IndicatorSnapshotKey.class);
        keys.configure(Map.of("schema.registry.url", registry.url()), true);
        SpecificAvroDeserializer<IndicatorSnapshot> values = new SpecificAvroDeserializer<>(IndicatorSnapshot.class);
        values.configure(Map.of("schema.registry.url", registry.url()), false);
        try (TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots =
                     new TopicReader<>(kafka.bootstrapServers(), settings.topics().snapshots(), keys, values)) {
            List<ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> read = snapshots.readUntil(
                    records -> records.stream().anyMatch(CasepulseApplicationIT::isNationalMarchWithBothCases),
                    Duration.ofSeconds(60));
            IndicatorSnapshot national = read.stream().filter(CasepulseApplicationIT::isNationalMarchWithBothCases)
                    .findFirst().orElseThrow().value();
            assertThat(national.getNumerator()).isEqualTo(1);
            assertThat(national.getValue()).isEqualTo(50.0);
        }

        try (TopicReader<String, byte[]> deadLetters = new TopicReader<>(kafka.bootstrapServers(),
                settings.topics().deadLetters(), new StringDeserializer(), new ByteArrayDeserializer())) {
            ConsumerRecord<String, byte[]> refused = deadLetters.readAtLeast(1, Duration.ofSeconds(30)).get(0);
            assertThat(refused.key()).isEqualTo("case-3");
            assertThat(new String(refused.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
            assertThat(DeadLetterHeaders.read(refused.headers(), DeadLetterHeaders.REASON)).isEqualTo("undeserializable");
        }
    }

    private static boolean isNationalMarchWithBothCases(ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record) {
        IndicatorSnapshotKey key = record.key();
        return record.value() != null
                && key.getIndicatorId().equals("allocation-within-2wd")
                && key.getAreaCode().equals("NATIONAL")
                && key.getPeriodType() == PeriodType.MONTH
                && key.getPeriodEnd().toString().equals("2024-03-31")
                && record.value().getDenominator() == 2;
    }
}
