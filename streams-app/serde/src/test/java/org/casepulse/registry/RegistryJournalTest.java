package org.casepulse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.casepulse.registry.RegistryHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's journal: whatever was answered survives a restart, a crash (the first
 * registry is abandoned without {@code close()}, as {@code kill -9} would leave it) and a torn
 * last line, exactly: ids, versions, deletes and compatibility settings.
 */
class RegistryJournalTest {
    @TempDir
    Path dir;

    private final List<EmbeddedSchemaRegistry> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(EmbeddedSchemaRegistry::close);
    }

    private RegistryHttp start() {
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().persistTo(dir.resolve("schemas.jsonl")).start("127.0.0.1", 0);
        started.add(registry);
        return new RegistryHttp(registry.url());
    }

    @Test
    void shouldServeTheSameIdsAfterACrashFollowingConcurrentRegistrations() throws Exception {
        RegistryHttp before = start();
        Map<String, Integer> idBySubject = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                done.add(threads.submit(() -> idBySubject.put("s" + n + "-value", before.register("s" + n + "-value", record("f" + n)))));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
        Map<Integer, String> schemaById = new HashMap<>();
        idBySubject.values().forEach(id -> schemaById.put(id, before.get("/schemas/ids/" + id).body().path("schema").asText()));

        RegistryHttp after = start(); // the first is never closed: a crash

        assertThat(schemaById).hasSize(300);
        schemaById.forEach((id, schema) ->
                assertThat(after.get("/schemas/ids/" + id).body().path("schema").asText()).as("schema id %d", id).isEqualTo(schema));
        idBySubject.forEach((subject, id) ->
                assertThat(after.get("/subjects/" + subject + "/versions/1").body().path("id").asInt()).as(subject).isEqualTo(id));
        assertThat(after.register("new-value", record("fresh"))).as("ids carry on after the highest").isEqualTo(301);
    }

    @Test
    void shouldRestoreAnIncompatibleHistoryAcceptedUnderNone() {
        RegistryHttp before = start();
        before.put("/config/S", Map.of("compatibility", "NONE"));
        int first = before.register("S", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        int second = before.register("S", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
        started.remove(0).close();

        RegistryHttp after = start();

        assertThat(after.get("/subjects/S/versions").body().toString()).isEqualTo("[1,2]");
        assertThat(after.get("/subjects/S/versions/1").body().path("id").asInt()).isEqualTo(first);
        assertThat(after.get("/subjects/S/versions/2").body().path("id").asInt()).isEqualTo(second);
        assertThat(after.get("/config/S").body().path("compatibilityLevel").asText()).isEqualTo("NONE");
    }

    @Test
    void shouldPersistDeletesAndCompatibilitySettings() {
        RegistryHttp before = start();
        int kept = before.register("kept-value", record("k"));
        before.register("soft-value", record("s"));
        int hardId = before.register("hard-value", record("h"));
        before.delete("/subjects/soft-value");
        before.delete("/subjects/hard-value");
        before.delete("/subjects/hard-value?permanent=true");
        before.put("/config", Map.of("compatibility", "FULL_TRANSITIVE"));
        before.put("/config/kept-value", Map.of("compatibility", "FORWARD"));
        before.put("/config/soft-value", Map.of("compatibility", "NONE"));
        before.delete("/config/soft-value");
        int reRegistered = before.register("hard-value", record("h"));
        started.remove(0).close();

        RegistryHttp after = start();

        assertThat(after.get("/subjects").body().toString()).isEqualTo("[\"hard-value\",\"kept-value\"]");
        assertThat(after.get("/subjects?deleted=true").body().toString()).isEqualTo("[\"hard-value\",\"kept-value\",\"soft-value\"]");
        assertThat(after.get("/subjects/soft-value/versions?deleted=true").body().toString()).isEqualTo("[1]");
        assertThat(after.get("/schemas/ids/" + hardId).status()).as("hard-deleted id").isEqualTo(404);
        assertThat(reRegistered).isNotEqualTo(hardId);
        assertThat(after.get("/subjects/hard-value/versions/latest").body().path("id").asInt()).isEqualTo(reRegistered);
        assertThat(after.get("/subjects/kept-value/versions/1").body().path("id").asInt()).isEqualTo(kept);
        assertThat(after.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(after.get("/config/kept-value").body().path("compatibilityLevel").asText()).isEqualTo("FORWARD");
        assertThat(after.get("/config/soft-value").errorCode()).isEqualTo(40408);

        after.delete("/config");
        started.remove(0).close();
        assertThat(start().get("/config").body().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void shouldKeepGuidsAcrossRestarts() {
        RegistryHttp before = start();
        before.register("s-value", record("a"));
        String guid = before.get("/subjects/s-value/versions/1").body().path("guid").asText();
        started.remove(0).close();

        Reply after = start().get("/schemas/guids/" + guid);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().path("schema").asText()).contains("\"a\"");
    }

    @Test
    void shouldDropATornLastLineWithAWarningAndCarryOn() throws IOException {
        RegistryHttp before = start();
        int id = before.register("s-value", record("a"));
        Path journal = dir.resolve("schemas.jsonl");
        Files.writeString(journal, "{\"op\":\"register\",\"subject\":\"t-value\",\"vers", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger journalLogger = (Logger) LoggerFactory.getLogger(SchemaJournal.class);
        log.start();
        journalLogger.addAppender(log);
        RegistryHttp after;
        try {
            after = start();
        } finally {
            journalLogger.detachAppender(log);
        }

        assertThat(log.list).anyMatch(line -> line.getLevel() == Level.WARN
                && line.getFormattedMessage().contains("last line") && line.getFormattedMessage().contains("incomplete"));
        assertThat(after.get("/subjects").body().toString()).isEqualTo("[\"s-value\"]");
        int next = after.register("t-value", record("b"));
        assertThat(start().get("/subjects/t-value/versions/1").body().path("id").asInt())
                .as("the next entry starts its own line").isEqualTo(next);
        assertThat(next).isEqualTo(id + 1);
    }

    @Test
    void shouldRefuseAJournalDamagedBeforeItsLastLine() throws IOException {
        Path journal = dir.resolve("schemas.jsonl");
        Files.writeString(journal, "{\"subject\":\"s-value\",\"schema\":" + RegistryHttp.JSON.valueToTree(record("a")) + "}\n"
                + "garbage\n{\"subject\":\"t-value\",\"schema\":" + RegistryHttp.JSON.valueToTree(record("b")) + "}\n");

        assertThatThrownBy(() -> new EmbeddedSchemaRegistry().persistTo(journal))
                .hasMessageContaining("line 2")
                .hasMessageContaining(journal.toString());
    }

    @Test
    void shouldReplayJournalsOfTheFirstFormat() throws IOException {
        // Lines as written before ids were journaled, including a change only NONE allowed.
        Path journal = dir.resolve("schemas.jsonl");
        String a = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
        String b = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
        Files.writeString(journal, line("s-value", a) + line("t-value", record("x")) + line("s-value", b) + line("u-value", a));

        RegistryHttp registry = start();

        assertThat(registry.get("/subjects/s-value/versions/1").body().path("id").asInt()).isEqualTo(1);
        assertThat(registry.get("/subjects/t-value/versions/1").body().path("id").asInt()).isEqualTo(2);
        assertThat(registry.get("/subjects/s-value/versions/2").body().path("id").asInt()).isEqualTo(3);
        assertThat(registry.get("/subjects/u-value/versions/1").body().path("id").asInt()).isEqualTo(1);
    }

    @Test
    void shouldWriteEachChangeBeforeAnsweringIt() throws IOException {
        RegistryHttp registry = start();
        registry.register("s-value", record("a"));
        registry.put("/config", Map.of("compatibility", "NONE"));
        registry.delete("/subjects/s-value");

        List<String> lines = Files.readAllLines(dir.resolve("schemas.jsonl"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"op\":\"register\",\"subject\":\"s-value\",\"version\":1,\"id\":1,\"schema\":");
        assertThat(lines.get(1)).isEqualTo("{\"op\":\"config\",\"compatibility\":\"NONE\"}");
        assertThat(lines.get(2)).isEqualTo("{\"op\":\"delete-subject\",\"subject\":\"s-value\",\"permanent\":false}");
    }

    private static String line(String subject, String schema) {
        return "{\"subject\":\"" + subject + "\",\"schema\":" + RegistryHttp.JSON.valueToTree(schema) + "}\n";
    }

    private static String record(String field) {
        return "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"test\",\"fields\":[{\"name\":\"" + field + "\",\"type\":\"int\"}]}";
    }
}
