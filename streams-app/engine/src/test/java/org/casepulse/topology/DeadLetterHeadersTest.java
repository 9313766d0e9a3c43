package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.casepulse.reference.ReferenceData;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.TopologyHarness;
import org.casepulse.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a dead letter says about why and where: ours, Kafka Streams' standard headers, never a forged reason or "null". */
class DeadLetterHeadersTest {

    private final TopologyHarness harness = TopologyHarness.onWallClock(ReferenceData.defaults(), LocalDate.parse("2024-04-20"));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldDropDeadLetterHeadersARecordArrivesWithAndKeepItsOthers() {
        RecordHeaders forged = new RecordHeaders();
        forged.add(DeadLetterHeaders.REASON, "harmless".getBytes(StandardCharsets.UTF_8));
        forged.add(DeadLetterHeaders.SOURCE_TOPIC, "elsewhere".getBytes(StandardCharsets.UTF_8));
        forged.add("__streams.errors.exception", "Forged".getBytes(StandardCharsets.UTF_8));
        forged.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        harness.sendRaw("case-1", "not avro".getBytes(StandardCharsets.UTF_8), forged).flush();

        TestRecord<String, byte[]> dead = harness.deadLetters().get(0);
        assertThat(values(dead, DeadLetterHeaders.REASON)).containsExactly("undeserializable");
        assertThat(values(dead, DeadLetterHeaders.SOURCE_TOPIC)).containsExactly(Topics.CASE_EVENTS);
        assertThat(values(dead, DeadLetterHeaders.STREAMS_EXCEPTION))
                .containsExactly("org.apache.kafka.common.errors.SerializationException");
        assertThat(values(dead, "traceparent")).containsExactly("00-abc-def-01");
    }

    @Test
    void shouldWriteKafkaStreamsStandardDeadLetterHeaders() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        harness.send(aCase.referral("ZZ9", "2024-03-01")).flush();

        TestRecord<String, byte[]> dead = harness.deadLetters().get(0);
        assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.STREAMS_TOPIC)).isEqualTo(Topics.CASE_EVENTS);
        assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.STREAMS_PARTITION)).isEqualTo("0");
        assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.STREAMS_OFFSET)).isEqualTo("0");
        assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.STREAMS_MESSAGE))
                .isEqualTo(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.MESSAGE))
                .contains("ZZ9");
        assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.STREAMS_EXCEPTION))
                .isEqualTo(DeadLetterHeaders.RecordRefusedException.class.getName());
    }

    @Test
    void shouldNameWhatWasWrongWhenTheDecoderFailsWithoutAMessage() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        byte[] whole = harness.serialize(aCase.referral("N1", "2024-03-01"));
        // Cut inside the body: Avro's decoder runs out of bytes with an EOFException that has no message.
        harness.sendRaw("case-1", Arrays.copyOf(whole, 12)).flush();

        TestRecord<String, byte[]> dead = harness.deadLetters().get(0);
        String message = DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.MESSAGE);
        assertThat(message).contains("caused by EOFException");
        assertThat(message).doesNotEndWith("null");
        assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.STREAMS_STACKTRACE)).contains("EOFException");
    }

    @Test
    void shouldDescribeAnExceptionByItsClassAndCausesWhenItHasNoMessage() {
        RuntimeException failure = new IllegalStateException("decoding failed: null",
                new ClassCastException());
        assertThat(DeadLetterHeaders.describe(failure))
                .isEqualTo("IllegalStateException: decoding failed: null; caused by ClassCastException");
        assertThat(DeadLetterHeaders.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }

    private static List<String> values(TestRecord<String, byte[]> record, String name) {
        return Arrays.stream(record.headers().toArray()).filter(h -> h.key().equals(name))
                .map(Header::value).map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }
}
