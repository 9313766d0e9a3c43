package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.serde.Samples.TOPIC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.registry.RestSchemaRegistryClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Confluent's official JavaScript client and Avro serde ({@value #PACKAGE} from npm) against the
 * embedded registry and our wire format: registers, looks up and fetches by id, reads a record our
 * serializer wrote, and writes one our deserializer reads; in Confluent 8's header mode too (schema
 * GUID in a header, read back through {@code /schemas/guids/{guid}}). Skips itself when node or npm is missing
 * or the package cannot be installed; the package is cached in {@code target/js-client}.
 */
class ConfluentJavaScriptClientTest {
    private static final String PACKAGE = "@confluentinc/schemaregistry@1.10.1";
    private static final Path INSTALL_DIR = Path.of("target", "js-client").toAbsolutePath();
    private static final Path SCRIPT = Path.of("src", "test", "js", "confluent-client-check.js").toAbsolutePath();

    /** In the test rather than in a {@code @BeforeAll}, so that Surefire counts and shows the skip and its reason. */
    private static void assumeTheJavaScriptClientIsInstalled() throws IOException, InterruptedException {
        Assumptions.assumeTrue(run(List.of("node", "--version"), Duration.ofSeconds(30)).ok(), "node is not installed");
        Assumptions.assumeTrue(run(List.of("npm", "--version"), Duration.ofSeconds(30)).ok(), "npm is not installed");
        if (Files.exists(INSTALL_DIR.resolve("node_modules/@confluentinc/schemaregistry/package.json"))) {
            return;
        }
        Files.createDirectories(INSTALL_DIR);
        Result install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--no-package-lock",
                "--prefix", INSTALL_DIR.toString(), PACKAGE), Duration.ofMinutes(5));
        Assumptions.assumeTrue(install.ok(), () -> "Could not install " + PACKAGE + " from npm: "
                + install.output().substring(Math.max(0, install.output().length() - 2000)));
    }

    @Test
    void shouldWorkWithConfluentsJavaScriptClientAndSerde() throws IOException, InterruptedException {
        assumeTheJavaScriptClientIsInstalled();
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
            CaseEvent written = Samples.event(EventType.REFERRAL_RECEIVED);
            byte[] javaBytes = new SpecificAvroSerializer<CaseEvent>(client).serialize(TOPIC, written);

            Result check = run(List.of("node", SCRIPT.toString(), registry.url(), TOPIC, HexFormat.of().formatHex(javaBytes)),
                    Duration.ofMinutes(2));
            assertThat(check.ok()).as("node script failed: %s", check.output()).isTrue();
            JsonNode seen = new ObjectMapper().readTree(check.stdout());

            Schema probe = new Schema.Parser().parse(seen.path("byIdSchema").toString());
            int probeId = client.getId("js-probe-value", probe);
            assertThat(seen.path("registeredId").asInt()).isEqualTo(probeId);
            assertThat(seen.path("lookedUp").toString())
                    .isEqualTo("{\"subject\":\"js-probe-value\",\"id\":" + probeId + ",\"version\":1}");
            assertThat(probe.getFullName()).isEqualTo("casepulse.check.Probe");
            assertThat(seen.path("latestVersion").asInt()).isEqualTo(1);

            JsonNode fromJava = seen.path("fromJava");
            assertThat(fromJava.path("eventId").asText()).isEqualTo(written.getEventId());
            assertThat(fromJava.path("type").asText()).isEqualTo("REFERRAL_RECEIVED");
            assertThat(fromJava.path("caseType").asText()).isEqualTo("S47");
            assertThat(fromJava.path("occurredOn").asLong()).isEqualTo(written.getOccurredOn().toEpochDay());
            assertThat(fromJava.path("recordedAt").asLong()).isEqualTo(written.getRecordedAt().toEpochMilli());
            assertThat(fromJava.path("workerId").isNull()).isTrue();

            byte[] jsBytes = HexFormat.of().parseHex(seen.path("fromJsHex").asText());
            assertThat(jsBytes[0]).isZero();
            assertThat(ByteBuffer.wrap(jsBytes, 1, 4).getInt()).isEqualTo(client.getId(TOPIC + "-value", CaseEvent.getClassSchema()));
            assertThat(new SpecificAvroDeserializer<>(client, CaseEvent.class).deserialize(TOPIC, jsBytes))
                    .isEqualTo(CaseEvent.newBuilder()
                            .setEventId("evt-js").setRevision(3).setType(EventType.VISIT_RECORDED)
                            .setCaseId("case-js").setChildId("child-js").setAreaCode("TEAM-JS")
                            .setOccurredOn(LocalDate.ofEpochDay(19845)).setRecordedAt(Instant.ofEpochMilli(1714557600000L))
                            .setChildSeen(true)
                            .build());
            String caseEventGuid = http(registry.url() + "/subjects/" + TOPIC + "-value/versions/latest").path("guid").asText();
            assertThat(seen.path("registeredGuid").asText())
                    .isEqualTo(http(registry.url() + "/subjects/js-probe-value/versions/1").path("guid").asText())
                    .isNotEmpty();
            byte[] header = HexFormat.of().parseHex(seen.path("headerHex").asText());
            assertThat(header).hasSize(17);
            assertThat(header[0]).isEqualTo((byte) 1);
            ByteBuffer guidBytes = ByteBuffer.wrap(header, 1, 16);
            assertThat(new UUID(guidBytes.getLong(), guidBytes.getLong()).toString()).isEqualTo(caseEventGuid);
            JsonNode fromHeader = seen.path("fromHeader");
            assertThat(fromHeader.path("eventId").asText()).isEqualTo("evt-js");
            assertThat(fromHeader.path("type").asText()).isEqualTo("VISIT_RECORDED");
            assertThat(fromHeader.path("occurredOn").asLong()).isEqualTo(19845);
            assertThat(fromHeader.path("childSeen").asBoolean()).isTrue();
            assertThat(registry.requests()).as("the JS deserializer fetched the schema by GUID")
                    .contains("GET /schemas/guids/" + caseEventGuid);
            org.apache.kafka.common.header.Headers headers = new RecordHeaders().add(SpecificAvroDeserializer.VALUE_SCHEMA_ID_HEADER, header);
            assertThat(new SpecificAvroDeserializer<>(new RestSchemaRegistryClient(registry.url()), CaseEvent.class)
                    .deserialize(TOPIC, headers, HexFormat.of().parseHex(seen.path("headerBodyHex").asText())))
                    .as("our deserializer reads header mode").isEqualTo(new SpecificAvroDeserializer<>(client, CaseEvent.class)
                            .deserialize(TOPIC, jsBytes));
            assertThat(registry.requests()).as("the JS serde asks for subject associations first")
                    .anyMatch(request -> request.startsWith("GET /associations/"));
        }
    }

    private static JsonNode http(String url) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private record Result(int exitCode, String stdout, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a command with its output in files (no pipe to fill up), ending it at the deadline. */
    private static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(INSTALL_DIR);
        File stdout = Files.createTempFile(INSTALL_DIR, "out", ".txt").toFile();
        File stderr = Files.createTempFile(INSTALL_DIR, "err", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout).redirectError(stderr);
        builder.environment().put("NODE_PATH", INSTALL_DIR.resolve("node_modules").toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, "", String.join(" ", command) + " did not finish within " + timeout);
            }
            String out = Files.readString(stdout.toPath(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), out, out + Files.readString(stderr.toPath(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", e.getMessage());
        } finally {
            Files.deleteIfExists(stdout.toPath());
            Files.deleteIfExists(stderr.toPath());
        }
    }
}
