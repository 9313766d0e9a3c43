package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.RunningCasepulse;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.casepulse.topology.DeadLetterHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application through a real broker against the embedded registry: configured for
 * exactly-once, it turns events into figures and dead-letters what it cannot read. (What a crash
 * mid-transaction does is shown by the scale-out and registry-outage tests, which kill or fail an
 * instance mid-stream and compare the figures with an uninterrupted run.)
 */
@WithRealKafka
class CasepulseApplicationIT {

    @Test
    void shouldBeConfiguredForExactlyOnceAndTurnEventsIntoSnapshotsAndDeadLetterABadRecord(RealKafka kafka, @TempDir Path stateDir) {
        try (RunningCasepulse casepulse = RunningCasepulse.start(kafka, stateDir, "2024-04-20")) {
            assertThat(casepulse.application().streamsProperties().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                    .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
            CaseEvents one = CaseEvents.forCase("case-1", "child-1");
            CaseEvents two = CaseEvents.forCase("case-2", "child-2");
            casepulse.send(one.referral("N1", "2024-03-01"), one.allocation("N1", "2024-03-05", "w1"),
                    two.referral("C2", "2024-03-01"), two.allocation("C2", "2024-03-06", "w2"));
            kafka.produce(casepulse.settings().topics().caseEvents(), new StringSerializer(), new ByteArraySerializer(),
                    List.of(Map.entry("case-3", "not avro".getBytes(StandardCharsets.UTF_8))));

            Map<String, Object> serde = Map.of("schema.registry.url", casepulse.schemaRegistryUrl());
            SpecificAvroDeserializer<IndicatorSnapshotKey> keys = new SpecificAvroDeserializer<>(IndicatorSnapshotKey.class);
            keys.configure(serde, true);
            SpecificAvroDeserializer<IndicatorSnapshot> values = new SpecificAvroDeserializer<>(IndicatorSnapshot.class);
            values.configure(serde, false);
            try (TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots = new TopicReader<>(
                    kafka.bootstrapServers(), casepulse.settings().topics().snapshots(), keys, values)) {
                IndicatorSnapshot national = snapshots.readUntil(
                                records -> records.stream().anyMatch(CasepulseApplicationIT::isNationalMarchWithBothCases),
                                Duration.ofSeconds(60))
                        .stream().filter(CasepulseApplicationIT::isNationalMarchWithBothCases).findFirst().orElseThrow().value();
                assertThat(national.getNumerator()).isEqualTo(1);
                assertThat(national.getValue()).isEqualTo(50.0);
            }

            try (TopicReader<String, byte[]> deadLetters = new TopicReader<>(kafka.bootstrapServers(),
                    casepulse.settings().topics().deadLetters(), new StringDeserializer(), new ByteArrayDeserializer())) {
                ConsumerRecord<String, byte[]> refused = deadLetters.readAtLeast(1, Duration.ofSeconds(30)).get(0);
                assertThat(refused.key()).isEqualTo("case-3");
                assertThat(new String(refused.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
                assertThat(DeadLetterHeaders.read(refused.headers(), DeadLetterHeaders.REASON)).isEqualTo("undeserializable");
            }
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
