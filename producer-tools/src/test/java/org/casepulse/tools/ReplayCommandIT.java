package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.CaseEventJsonl;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRealKafka
class ReplayCommandIT {
    private static final CaseEvents FIRST = CaseEvents.forCase("case-000001", "child-000001");
    private static final CaseEvents SECOND = CaseEvents.forCase("case-000002", "child-000002");
    private static final CaseEvent REFERRAL = FIRST.referral("N1", "2025-03-03");
    private static final CaseEvent ALLOCATION = FIRST.allocation("N1", "2025-03-04", "worker-0001");
    private static final CaseEvent OTHER_REFERRAL = SECOND.referral("S3", "2025-03-04");
    private static final CaseEvent VISIT = FIRST.visit("N1", "2025-03-05");

    /** Four good lines, five bad ones, two blank ones. */
    private static final List<String> LINES = List.of(
            CaseEventJsonl.toLine(REFERRAL),
            "",
            CaseEventJsonl.toLine(ALLOCATION),
            "{\"eventId\":\"evt-cut\",\"revision\":0,",
            CaseEventJsonl.toLine(FIRST.assessmentStarted("N1", "2025-03-04", "a-1")).replace(",\"assessmentId\":\"a-1\"", ""),
            CaseEventJsonl.toLine(FIRST.visit("Q9", "2025-03-04")),
            CaseEventJsonl.toLine(FIRST.visit("NORTH", "2025-03-04")),
            CaseEventJsonl.toLine(FIRST.visit("N1", "2031-01-06")),
            CaseEventJsonl.toLine(OTHER_REFERRAL),
            CaseEventJsonl.toLine(VISIT),
            "   ");

    private static EmbeddedSchemaRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldSendTheGoodLinesInOrderAndWriteEveryRejectedLineWithItsReason(RealKafka kafka) throws IOException {
        String topic = kafka.uniqueTopic("case-events");
        kafka.createTopic(topic, 3);
        Path extract = extract();

        Cli.Result result = Cli.exec("replay", extract.toString(), "--topic", topic,
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url());

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("replayed " + extract + ": 11 lines read, 4 sent to " + topic + " at "
                + kafka.bootstrapServers() + ", 5 rejected (see " + extract + ".rejects.jsonl), 2 blank\n");
        assertRejects(extract.resolveSibling(extract.getFileName() + ".rejects.jsonl"));

        SpecificAvroDeserializer<CaseEvent> avro = new SpecificAvroDeserializer<>(CaseEvent.class);
        avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        try (TopicReader<String, CaseEvent> reader = new TopicReader<>(kafka.bootstrapServers(), topic,
                new StringDeserializer(), avro)) {
            List<ConsumerRecord<String, CaseEvent>> read = reader.readAtLeast(4, Duration.ofSeconds(30));
            assertThat(read).hasSize(4);
            assertThat(read).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo(record.value().getCaseId());
                assertThat(record.timestamp()).isEqualTo(record.value().getRecordedAt().toEpochMilli());
            });
            assertThat(read.stream().map(ConsumerRecord::value).filter(e -> e.getCaseId().equals("case-000001")))
                    .containsExactly(REFERRAL, ALLOCATION, VISIT);
            assertThat(read.stream().map(ConsumerRecord::value)).contains(OTHER_REFERRAL);
        }
    }

    @Test
    void shouldCheckWithoutSendingOnADryRun() throws IOException {
        Path extract = extract();
        Path rejects = dir.resolve("refused.jsonl");

        Cli.Result result = Cli.exec("replay", extract.toString(), "--dry-run", "--rejects", rejects.toString(),
                "--bootstrap-servers", "localhost:1");

        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("checked " + extract + ": 11 lines read, 4 valid (dry run: nothing sent), "
                + "5 rejected (see " + rejects + "), 2 blank\n");
        assertRejects(rejects);
    }

    @Test
    void shouldReadStandardInput() throws IOException {
        Path rejects = dir.resolve("stdin.rejects.jsonl");
        Cli.Result result = new Cli().stdin(String.join("\n", LINES) + "\n")
                .run("replay", "-", "--dry-run", "--rejects", rejects.toString());

        assertThat(result.out()).startsWith("checked standard input: 11 lines read, 4 valid");
        assertRejects(rejects);
    }

    @Test
    void shouldNameTheRegistryInOneLineAndSendNothingWhenItDoesNotAnswer(RealKafka kafka) throws IOException {
        String topic = kafka.uniqueTopic("case-events");
        kafka.createTopic(topic, 1);
        Path extract = extract();

        Cli.Result result = Cli.exec("replay", extract.toString(), "--topic", topic,
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", "http://127.0.0.1:1");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err().lines()).hasSize(1).first().asString()
                .startsWith("replay: Schema Registry unreachable at http://127.0.0.1:1 (");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldNameKafkaInOneLineWhenItDoesNotAnswer() throws IOException {
        Cli.Result result = Cli.exec("replay", extract().toString(), "--bootstrap-servers", "localhost:1",
                "--connect-timeout", "1");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "replay: Kafka at localhost:1 did not answer within 1 s (is it running, and is the address right?)\n");
    }

    @Test
    void shouldStopAtInputThatIsNotUtf8() throws IOException {
        Path extract = dir.resolve("latin1.jsonl");
        Files.write(extract, new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'});

        Cli.Result result = Cli.exec("replay", extract.toString(), "--dry-run");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("replay: line 1 is not valid UTF-8\n");
    }

    @Test
    void shouldSayWhenTheExtractIsMissing() {
        Cli.Result result = Cli.exec("replay", dir.resolve("nothing.jsonl").toString(), "--dry-run");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("replay: no such file: " + dir.resolve("nothing.jsonl") + "\n");
    }

    private Path extract() throws IOException {
        Path extract = Files.createTempFile(dir, "extract", ".jsonl");
        Files.write(extract, LINES, StandardCharsets.UTF_8);
        return extract;
    }

    private static void assertRejects(Path rejects) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = Files.readAllLines(rejects, StandardCharsets.UTF_8).stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(rows.stream().map(row -> row.get("line").asInt() + " " + row.get("code").asText()))
                .containsExactly("4 malformed-json", "5 missing-field", "6 unknown-area", "7 not-lowest-area",
                        "8 outside-calendar");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("text").asText()).isEqualTo(LINES.get(row.get("line").asInt() - 1)));
        assertThat(rows.get(1).get("reason").asText()).isEqualTo("line 5: assessmentId: required for ASSESSMENT_STARTED");
        assertThat(rows.get(2).get("reason").asText()).isEqualTo("line 6: areaCode: area 'Q9' is not in the area hierarchy");
        assertThat(rows.get(4).get("reason").asText()).isEqualTo(
                "line 8: occurredOn: 2031-01-06 is outside the working-day calendar (2015-01-01 to 2027-12-31): load a newer GOV.UK bank-holidays.json with the setting casepulse.calendar.bank-holidays");
    }
}
