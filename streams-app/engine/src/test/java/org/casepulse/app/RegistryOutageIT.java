package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casepulse.events.CaseEvent;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.RunningCasepulse;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: with the Schema Registry unreachable, every valid record went to the dead-letter
 * topic as undeserializable, offsets were committed and readiness stayed 200. Now processing
 * pauses (nothing dead-lettered, nothing committed past the record), readiness says why, and
 * once the registry is back every record is counted exactly once.
 */
@WithRealKafka
class RegistryOutageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int CASES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldPauseWhileTheRegistryIsDownAndCountEveryRecordOnceItIsBack(RealKafka kafka, @TempDir Path dir) throws Exception {
        Path journal = dir.resolve("registry.journal");
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().persistTo(journal).start("127.0.0.1", 0);
        String registryUrl = registry.url();
        int port = URI.create(registryUrl).getPort();
        try (RunningCasepulse casepulse = RunningCasepulse.start(kafka, registry, dir.resolve("state"), "2024-04-20",
                settings -> settings)) {
            String events = casepulse.settings().topics().caseEvents();
            // The producer registers the schema and keeps its id; the engine has not read a record yet.
            SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
            serializer.configure(Map.of("schema.registry.url", registryUrl), false);
            List<Map.Entry<String, CaseEvent>> records = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                CaseEvents aCase = CaseEvents.forCase("case-" + i, "child-" + i);
                records.add(Map.entry("case-" + i, aCase.referral("N1", "2024-03-01")));
                records.add(Map.entry("case-" + i, aCase.allocation("N1", "2024-03-05", "w" + i)));
            }
            serializer.serialize(events, records.get(0).getValue());
            registry.close();

            kafka.produce(events, new StringSerializer(), serializer, records);

            String health = casepulse.application().server().url() + "/health/ready";
            await().atMost(TIMEOUT).until(() -> {
                JsonNode ready = get(health);
                return ready.path("processing").asText().startsWith("registry unavailable");
            });
            assertThat(status(health)).isEqualTo(503);
            assertThat(recordsIn(kafka, casepulse.settings().topics().deadLetters())).isZero();

            try (EmbeddedSchemaRegistry back = new EmbeddedSchemaRegistry().persistTo(journal).start("127.0.0.1", port)) {
                Map<String, Object> serde = Map.of("schema.registry.url", registryUrl);
                SpecificAvroDeserializer<IndicatorSnapshotKey> keys = new SpecificAvroDeserializer<>(IndicatorSnapshotKey.class);
                keys.configure(serde, true);
                SpecificAvroDeserializer<IndicatorSnapshot> values = new SpecificAvroDeserializer<>(IndicatorSnapshot.class);
                values.configure(serde, false);
                try (TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots = new TopicReader<>(
                        kafka.bootstrapServers(), casepulse.settings().topics().snapshots(), keys, values)) {
                    snapshots.readUntil(read -> latestNationalMarch(read) == CASES, TIMEOUT);
                }
                await().atMost(TIMEOUT).until(() -> status(health) == 200);
                assertThat(recordsIn(kafka, casepulse.settings().topics().deadLetters())).isZero();
                assertThat(get(casepulse.application().server().url() + "/health/live").path("status").asText())
                        .isEqualTo("UP");
            }
        }
    }

    /** The denominator of the latest national March figure of allocation timeliness: cases allocated. */
    private static long latestNationalMarch(List<ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> records) {
        long latest = -1;
        for (ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record : records) {
            IndicatorSnapshotKey key = record.key();
            if (record.value() != null && key.getIndicatorId().equals("allocation-within-2wd")
                    && key.getAreaCode().equals("NATIONAL") && key.getPeriodType() == PeriodType.MONTH
                    && key.getPeriodEnd().toString().equals("2024-03-31")) {
                latest = record.value().getDenominator();
            }
        }
        return latest;
    }

    private static long recordsIn(RealKafka kafka, String topic) throws ExecutionException, InterruptedException {
        var partitions = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return kafka.admin().listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
