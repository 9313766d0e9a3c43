package org.casepulse.tools;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.testing.RealKafka;
import org.casepulse.tools.scorecard.KnownSnapshots;

/** Puts {@link KnownSnapshots} on a new snapshot topic, as the engine would publish them, plus one unreadable record. */
final class SnapshotTopicFixture {
    private SnapshotTopicFixture() {}

    static String publishKnownSnapshots(RealKafka kafka, EmbeddedSchemaRegistry registry) {
        String topic = kafka.uniqueTopic("snapshots");
        kafka.createTopic(topic, 2);
        publish(kafka, registry, topic, KnownSnapshots.records());
        kafka.produceStrings(topic, List.of(Map.entry("not avro", "not a snapshot")));
        return topic;
    }

    static void publish(RealKafka kafka, EmbeddedSchemaRegistry registry, String topic,
                        List<KnownSnapshots.Published> published) {
        Map<String, String> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        SpecificAvroSerializer<IndicatorSnapshotKey> keys = new SpecificAvroSerializer<>();
        keys.configure(serde, true);
        SpecificAvroSerializer<IndicatorSnapshot> values = new SpecificAvroSerializer<>();
        values.configure(serde, false);
        List<Map.Entry<IndicatorSnapshotKey, IndicatorSnapshot>> records = published.stream()
                .<Map.Entry<IndicatorSnapshotKey, IndicatorSnapshot>>map(r -> new AbstractMap.SimpleEntry<>(r.key(), r.value()))
                .toList();
        kafka.produce(topic, keys, values, records);
    }
}
