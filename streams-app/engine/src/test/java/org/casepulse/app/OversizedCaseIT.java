package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.events.CaseEvent;
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
 * Issue 11, failure 1, on a real broker: three valid events of about 400 KB on one case made
 * that case's stored state pass the producer's 1 MB limit; Kafka Streams shut down for good and
 * later records were not counted, after a restart too. Now the oversized events are dead-lettered
 * with their reason, the engine keeps running, and later records on the same partitions count.
 * (Run against the code before the fix, commit ad17f35^, this test failed: see the commit message.)
 */
@WithRealKafka
class OversizedCaseIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int LARGE = 400 * 1024;
    private static final String REASON = "casepulse.dlq.reason";

    @Test
    void shouldDeadLetterOversizedEventsAndCarryOnCounting(RealKafka kafka, @TempDir Path dir) {
        try (RunningCasepulse casepulse = RunningCasepulse.start(kafka, dir.resolve("state"), "2024-04-20")) {
            CaseEvents big = CaseEvents.forCase("case-big", "child-big");
            String filler = "x".repeat(LARGE);
            List<CaseEvent> oversized = List.of(
                    CaseEvent.newBuilder(big.referral("N1", "2024-03-01")).setCaseType(filler).build(),
                    CaseEvent.newBuilder(big.allocation("N1", "2024-03-04", "w-big")).setWorkerId(filler).build(),
                    CaseEvent.newBuilder(big.assessmentStarted("N1", "2024-03-05", "a-big")).setAssessmentId(filler).build());
            send(kafka, casepulse, oversized);

            // Later cases on both partitions: each must still be counted.
            List<CaseEvent> later = new ArrayList<>();
            int laterCases = 10;
            for (int i = 0; i < laterCases; i++) {
                CaseEvents aCase = CaseEvents.forCase("case-later-" + i, "child-later-" + i);
                later.add(aCase.referral("N2", "2024-03-01"));
                later.add(aCase.allocation("N2", "2024-03-04", "w" + i));
            }
            send(kafka, casepulse, later);

            try (TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots = casepulse.snapshots(kafka)) {
                snapshots.readUntil(read -> allocatedInMarch(read, "N2") == laterCases, TIMEOUT);
            }
            // Values as bytes: a failure message then names records, not 400 KB of their text.
            try (TopicReader<String, byte[]> deadLetters = new TopicReader<>(kafka.bootstrapServers(),
                    casepulse.settings().topics().deadLetters(), new StringDeserializer(), new ByteArrayDeserializer())) {
                List<ConsumerRecord<String, byte[]>> dead = deadLetters.readAtLeast(oversized.size(), TIMEOUT);
                assertThat(dead).hasSize(oversized.size()).allSatisfy(record -> {
                    assertThat(record.key()).isEqualTo("case-big");
                    assertThat(reason(record)).isIn("record-too-large", "field-too-long", "case-state-limit");
                });
            }
            assertThat(casepulse.application().streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static void send(RealKafka kafka, RunningCasepulse casepulse, List<CaseEvent> events) {
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", casepulse.schemaRegistryUrl()), false);
        kafka.produce(casepulse.settings().topics().caseEvents(), new StringSerializer(), serializer,
                events.stream().map(event -> Map.entry(event.getCaseId(), event)).toList());
    }


    /** The denominator (cases allocated) of the area's latest March figure of allocation timeliness. */
    private static long allocatedInMarch(List<ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> records, String area) {
        long latest = -1;
        for (ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record : records) {
            IndicatorSnapshotKey key = record.key();
            if (record.value() != null && key.getIndicatorId().equals("allocation-within-2wd")
                    && key.getAreaCode().equals(area) && key.getPeriodType() == PeriodType.MONTH
                    && key.getPeriodEnd().toString().equals("2024-03-31")) {
                latest = record.value().getDenominator();
            }
        }
        return latest;
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(REASON);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
