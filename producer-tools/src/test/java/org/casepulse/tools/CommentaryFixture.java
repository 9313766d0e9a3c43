package org.casepulse.tools;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.casepulse.commentary.CommentaryEntry;
import org.casepulse.commentary.CommentaryKey;
import org.casepulse.commentary.CommentaryKind;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.testing.RealKafka;
import org.casepulse.topics.TopicSpec;

/** Puts commentary on a new compacted commentary topic, as the engine's API writes it. */
final class CommentaryFixture {
    static final Instant WRITTEN = Instant.parse("2026-03-16T10:30:00Z");

    private CommentaryFixture() {}

    static Map.Entry<CommentaryKey, CommentaryEntry> comment(String indicator, String area, String month, String kind,
                                                             int version, String text) {
        return new AbstractMap.SimpleEntry<>(key(indicator, area, month, kind, version),
                CommentaryEntry.newBuilder().setText(text).setAuthor("north-manager").setWrittenAt(WRITTEN)
                        .setDeleted(false).build());
    }

    static Map.Entry<CommentaryKey, CommentaryEntry> deletion(String indicator, String area, String month, String kind,
                                                              int version) {
        return new AbstractMap.SimpleEntry<>(key(indicator, area, month, kind, version),
                CommentaryEntry.newBuilder().setText(null).setAuthor("north-manager").setWrittenAt(WRITTEN)
                        .setDeleted(true).build());
    }

    private static CommentaryKey key(String indicator, String area, String month, String kind, int version) {
        return CommentaryKey.newBuilder().setIndicatorId(indicator).setAreaCode(area).setMonth(month)
                .setKind(CommentaryKind.valueOf(kind)).setVersion(version).setWriteId("w" + version + kind).build();
    }

    static String publish(RealKafka kafka, EmbeddedSchemaRegistry registry,
                          List<Map.Entry<CommentaryKey, CommentaryEntry>> records) {
        String topic = kafka.uniqueTopic("commentary");
        kafka.createTopics(new TopicSpec(topic, 2, (short) 1, Map.of()).compacted());
        Map<String, String> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        SpecificAvroSerializer<CommentaryKey> keys = new SpecificAvroSerializer<>();
        keys.configure(serde, true);
        SpecificAvroSerializer<CommentaryEntry> values = new SpecificAvroSerializer<>();
        values.configure(serde, false);
        kafka.produce(topic, keys, values, records);
        return topic;
    }
}
