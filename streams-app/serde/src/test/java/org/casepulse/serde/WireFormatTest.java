package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.registry.RestSchemaRegistryClient;
import org.junit.jupiter.api.Test;

/** A test vector: one fixed event, serialized with schema id 1, byte for byte. */
class WireFormatTest {
    private static final CaseEvent FIXED = CaseEvent.newBuilder()
            .setEventId("e-1")
            .setRevision(0)
            .setType(EventType.REFERRAL_RECEIVED)
            .setCaseId("c-1")
            .setChildId("ch-1")
            .setAreaCode("A1")
            .setOccurredOn(LocalDate.of(2024, 4, 1))
            .setRecordedAt(Instant.parse("2024-04-01T09:30:00Z"))
            .build();

    /*
     * Worked out by hand from the Avro spec (ints and longs are zig-zag varints: n >= 0 encodes as
     * 2n, seven bits per byte, low group first, high bit set on all but the last byte; strings are
     * a length then UTF-8; enums their index; a union its branch index then the value):
     *   00                magic byte
     *   00 00 00 01       schema id 1, big-endian
     *   06 65 2d 31       eventId: length 3 -> 6, "e-1"
     *   00                revision 0
     *   00                type: REFERRAL_RECEIVED, index 0
     *   06 63 2d 31       caseId "c-1"
     *   08 63 68 2d 31    childId: length 4 -> 8, "ch-1"
     *   04 41 31          areaCode "A1"
     *   cc b5 02          occurredOn: 2024-04-01 = day 19814 -> 39628 = 2*128^2 + 53*128 + 76
     *                     -> 76|0x80, 53|0x80, 2
     *   80 87 f4 8f d3 63 recordedAt: 1711963800000 ms -> 3423927600000, seven bits at a time
     *   00 x 39           caseType .. satisfied (contract v3): null, union branch 0
     */
    private static final String EXPECTED = "00" + "00000001" + "06652d31" + "00" + "00" + "06632d31" + "0863682d31"
            + "044131" + "ccb502" + "8087f48fd363" + "00".repeat(39);

    @Test
    void shouldWriteTheConfluentWireFormatByteForByte() {
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
            SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>(client);

            byte[] bytes = serializer.serialize(Samples.TOPIC, FIXED);

            assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(EXPECTED);
            assertThat(new SpecificAvroDeserializer<CaseEvent>(client).deserialize(Samples.TOPIC, HexFormat.of().parseHex(EXPECTED)))
                    .isEqualTo(FIXED);
        }
    }
}
