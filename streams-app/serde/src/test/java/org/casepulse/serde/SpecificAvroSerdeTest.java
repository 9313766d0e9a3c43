package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.serde.Samples.TOPIC;

import java.util.Map;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Utils;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.registry.RestSchemaRegistryClient;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpecificAvroSerdeTest {
    private EmbeddedSchemaRegistry registry;

    @BeforeEach
    void start() {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldRoundTripEveryEventType(EventType type) {
        SpecificAvroSerde<CaseEvent> serde = configured(new SpecificAvroSerde<>(CaseEvent.class), false);
        CaseEvent event = Samples.event(type);

        byte[] bytes = serde.serializer().serialize(TOPIC, event);

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(event);
    }

    @Test
    void shouldRoundTripSnapshotsAndTheirKeysUnderKeyAndValueSubjects() {
        SpecificAvroSerde<IndicatorSnapshotKey> keySerde = configured(new SpecificAvroSerde<>(IndicatorSnapshotKey.class), true);
        SpecificAvroSerde<IndicatorSnapshot> valueSerde = configured(new SpecificAvroSerde<>(IndicatorSnapshot.class), false);
        String topic = "casepulse.indicator-snapshots.v1";

        byte[] key = keySerde.serializer().serialize(topic, Samples.snapshotKey());
        byte[] value = valueSerde.serializer().serialize(topic, Samples.snapshot());

        assertThat(keySerde.deserializer().deserialize(topic, key)).isEqualTo(Samples.snapshotKey());
        assertThat(valueSerde.deserializer().deserialize(topic, value)).isEqualTo(Samples.snapshot());
        assertThat(registry.requests()).containsExactly(
                "POST /subjects/" + topic + "-key/versions", "POST /subjects/" + topic + "-value/versions");
    }

    @Test
    void shouldMapNullToNullBothWays() {
        SpecificAvroSerde<CaseEvent> serde = configured(new SpecificAvroSerde<>(), false);

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void shouldWorkWhenKafkaInstantiatesItByClassNameWithConfluentKeys() throws Exception {
        @SuppressWarnings("unchecked")
        Serde<CaseEvent> serde = Utils.newInstance(SpecificAvroSerde.class.getName(), Serde.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true",
                AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        CaseEvent event = Samples.event(EventType.PLAN_STARTED);

        CaseEvent read = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, event));

        assertThat(read).as("reader class resolved from the writer schema's name").isEqualTo(event);
    }

    @Test
    void shouldCallTheRegistryOnceNotPerRecord() {
        SpecificAvroSerde<CaseEvent> serde = configured(new SpecificAvroSerde<>(), false);
        for (int i = 0; i < 1_000; i++) {
            CaseEvent event = Samples.event(EventType.values()[i % EventType.values().length]);
            assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, event))).isEqualTo(event);
        }
        assertThat(registry.requests()).as("the serde's deserializer shares its serializer's cache")
                .containsExactly("POST /subjects/" + TOPIC + "-value/versions");

        SpecificAvroDeserializer<CaseEvent> elsewhere = new SpecificAvroDeserializer<>();
        elsewhere.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        byte[] bytes = serde.serializer().serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));
        for (int i = 0; i < 1_000; i++) {
            elsewhere.deserialize(TOPIC, bytes);
        }
        assertThat(registry.requests()).hasSize(2).last().isEqualTo("GET /schemas/ids/1");
    }

    @Test
    void shouldAuthenticateWithUserInfoFromTheConfig() {
        registry.close();
        registry = new EmbeddedSchemaRegistry().requireBasicAuth("fred:s3cret").start("127.0.0.1", 0);
        SpecificAvroSerde<CaseEvent> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "fred:s3cret"), false);
        CaseEvent event = Samples.event(EventType.ALLOCATION_MADE);

        assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, event))).isEqualTo(event);
    }

    @Test
    void shouldWorkUnconfiguredWithAGivenClient() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>(client);
        SpecificAvroDeserializer<CaseEvent> deserializer = new SpecificAvroDeserializer<>(client);
        CaseEvent event = Samples.event(EventType.EVENT_RETRACTED);

        assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event))).isEqualTo(event);
        assertThat(registry.requests()).containsExactly("POST /subjects/" + TOPIC + "-value/versions");
    }

    @Test
    void shouldMakeAvroTrustTheProjectsClassesWithoutTheSystemProperty() {
        ClassSecurityPredicate original = ClassSecurityValidator.getGlobal();
        try {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES);
            assertThat(ClassSecurityValidator.getGlobal().isTrusted(CaseEvent.class)).isFalse();

            AvroTrust.ensure();
            AvroTrust.ensure();

            assertThat(ClassSecurityValidator.getGlobal().isTrusted(CaseEvent.class)).isTrue();
            assertThat(ClassSecurityValidator.getGlobal().isTrusted(String.class)).isTrue();
            assertThat(ClassSecurityValidator.getGlobal().isTrusted(java.io.File.class)).isFalse();
        } finally {
            ClassSecurityValidator.setGlobal(original);
        }
    }

    private <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> configured(
            SpecificAvroSerde<T> serde, boolean isKey) {
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), isKey);
        return serde;
    }
}
