package org.casepulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.app.CasepulseSettings;
import org.casepulse.events.CaseEvent;
import org.casepulse.metrics.Metrics;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job's local stack: everything in one process, data in one directory, carrying on after a restart. */
class LocalStackIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void shouldCarryOnFromTheSameDataDirectoryAfterARestart(@TempDir Path dataDir) throws Exception {
        CasepulseSettings settings = CasepulseSettings.defaults()
                .with(CasepulseSettings.AS_OF, "2024-04-20")
                .with(CasepulseSettings.HTTP_PORT, 0)
                .with(CasepulseSettings.FLUSH_INTERVAL_MS, 200)
                .with("num.stream.threads", 1);
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        CaseEvents two = CaseEvents.forCase("case-2", "child-2");

        try (LocalStack stack = start(dataDir, settings)) {
            assertThat(stack.settings().get(CasepulseSettings.STANDBY_REPLICAS)).as("one instance, no standbys").isZero();
            CaseEvent referral = one.referral("N1", "2024-04-02");
            send(stack, referral, one.allocation("N1", "2024-04-04", "w1"));
            assertThat(readEvents(stack, 2).get(0)).as("read back with our serde").isEqualTo(referral);
            awaitNationalAllocations(stack, 1);
            // The demo typed its commentary for last month through the API: the report reads like seed 003.
            await().atMost(TIMEOUT).until(() -> get(stack, "/api/commentary?area=NATIONAL&month=2024-03")
                    .contains("\"count\":" + DemoCommentary.ENTRIES.size()));
            assertThat(get(stack, "/report?month=2024-03")).contains("Duty rotas doubled",
                    "href=\"#notes\">Data-quality notes</a> (1)", "had not been recorded on the system");
        }

        try (LocalStack stack = start(dataDir, settings)) {
            send(stack, two.referral("S4", "2024-04-02"), two.allocation("S4", "2024-04-08", "w2"));
            assertThat(readEvents(stack, 4)).as("the first run's records still read with the restarted registry").hasSize(4);
            IndicatorSnapshot national = awaitNationalAllocations(stack, 2);
            assertThat(national.getNumerator()).as("the first case survived the restart").isEqualTo(1);
            await().atMost(TIMEOUT).until(() -> get(stack, "/api/commentary?area=NATIONAL&month=2024-03&history=true")
                    .contains("\"count\":" + DemoCommentary.ENTRIES.size()));
            assertThat(DemoCommentary.type(stack.application().server().url(), java.time.YearMonth.of(2024, 3)))
                    .as("typed once: a second run finds the entries there").isZero();
        }
    }

    private static String get(LocalStack stack, String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.application().server().url() + path))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static LocalStack start(Path dataDir, CasepulseSettings settings) {
        LocalStack stack = LocalStack.start(dataDir, "127.0.0.1", 0, 0, settings, Metrics.prometheus(), DemoFeed.disabled());
        KafkaStreams streams = stack.application().streams();
        await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return stack;
    }

    private static void send(LocalStack stack, CaseEvent... events) throws Exception {
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(), serializer)) {
            for (CaseEvent event : events) {
                producer.send(new ProducerRecord<>(stack.settings().topics().caseEvents(), event.getCaseId(), event)).get();
            }
        }
    }

    private static List<CaseEvent> readEvents(LocalStack stack, int count) {
        SpecificAvroDeserializer<CaseEvent> deserializer = new SpecificAvroDeserializer<>(CaseEvent.class);
        deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (TopicReader<String, CaseEvent> reader = new TopicReader<>(stack.bootstrapServers(),
                stack.settings().topics().caseEvents(), new StringDeserializer(), deserializer)) {
            return reader.readAtLeast(count, TIMEOUT).stream().map(ConsumerRecord::value)
                    .sorted(java.util.Comparator.comparing(CaseEvent::getRecordedAt).thenComparing(CaseEvent::getEventId))
                    .toList();
        }
    }

    private static IndicatorSnapshot awaitNationalAllocations(LocalStack stack, long cases) {
        Map<String, Object> serde = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        SpecificAvroDeserializer<IndicatorSnapshotKey> keys = new SpecificAvroDeserializer<>(IndicatorSnapshotKey.class);
        keys.configure(serde, true);
        SpecificAvroDeserializer<IndicatorSnapshot> values = new SpecificAvroDeserializer<>(IndicatorSnapshot.class);
        values.configure(serde, false);
        try (TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> reader = new TopicReader<>(stack.bootstrapServers(),
                stack.settings().topics().snapshots(), keys, values)) {
            return reader.readUntil(records -> records.stream().anyMatch(r -> isNationalYtd(r, cases)), TIMEOUT)
                    .stream().filter(r -> isNationalYtd(r, cases)).findFirst().orElseThrow().value();
        }
    }

    private static boolean isNationalYtd(ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record, long cases) {
        return record.value() != null
                && record.key().getIndicatorId().equals("allocation-within-2wd")
                && record.key().getAreaCode().equals("NATIONAL")
                && record.key().getPeriodType() == PeriodType.YTD
                && record.value().getDenominator() == cases;
    }
}
