package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casepulse.scorecard.Figures.percent;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.http.auth.AccessSettings;
import org.casepulse.http.auth.PasswordAuthenticator;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.commentary.Comment;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.casepulse.topics.TopicSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commentary through the API with authentication on, stored in a real compacted topic: who may
 * read and write, what a bad request is told, every version kept (a deletion too), and a fresh
 * reader of the topic finding the same history.
 */
@WithRealKafka
class CommentaryApiIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse";
    private static final String ALLOCATION = "allocation-within-2wd";
    private static final String KPI_1 = "s31-allocation-within-2wd";
    private static final LocalDate MARCH_END = LocalDate.of(2026, 3, 31);
    private static final String N6_MARCH = "/api/commentary?indicator=" + ALLOCATION + "&area=N6&month=2026-03";

    private static SnapshotTopic snapshots;
    private static String commentaryTopic;
    private static SnapshotView view;
    private static CommentaryView commentary;
    private static OperationsServer server;
    private static Http http;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start(RealKafka kafka) throws IOException {
        snapshots = SnapshotTopic.create(kafka, 2);
        snapshots.publish(percent(ALLOCATION, "N6", AreaLevel.SERVICE_AREA, PeriodType.YTD, MARCH_END, 44.8, Rag.RED)
                .build());
        snapshots.publish(percent(KPI_1, "NATIONAL", AreaLevel.NATIONAL, PeriodType.YTD, MARCH_END, 68.0, Rag.GREEN)
                .build());
        snapshots.publish(percent(KPI_1, "N6", AreaLevel.SERVICE_AREA, PeriodType.YTD, MARCH_END, 71.3, Rag.GREEN)
                .build());
        commentaryTopic = kafka.uniqueTopic("commentary");
        kafka.createTopics(new TopicSpec(commentaryTopic, 3, (short) 1, java.util.Map.of()).compacted());
        view = snapshots.startView();
        commentary = CommentaryView.start(snapshots.clientConfig(), commentaryTopic);
        await().atMost(TIMEOUT).until(() -> view.isCaughtUp() && commentary.isCaughtUp());
        String hash = PasswordAuthenticator.hash(PASSWORD.toCharArray(), 4);
        Path users = dir.resolve("users");
        Files.write(users, List.of(
                "viewer:" + hash + ":viewer",
                "editor:" + hash + ":viewer,editor",
                "north-editor:" + hash + ":editor:NORTH"), StandardCharsets.UTF_8);
        OperationsSettings settings = new OperationsSettings("127.0.0.1", 0, Duration.ofSeconds(15))
                .withAccess(new AccessSettings(true, users, null, Set.of()))
                .withCommentaryMaxChars(200);
        server = OperationsServer.start(settings, view, commentary, ReferenceData.defaults(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), EngineHealth.of(() -> KafkaStreams.State.RUNNING));
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
        commentary.close();
        view.close();
        snapshots.close();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String kind, String text) {
        return "{\"kind\":\"" + kind + "\",\"text\":\"" + text + "\"}";
    }

    @Test
    void shouldAskForCredentialsThenForTheEditorRoleAndTheArea() {
        assertThat(http.send("POST", N6_MARCH, body("analysis", "x"), null).status()).isEqualTo(401);
        assertThat(http.send("GET", N6_MARCH, null, null).status()).isEqualTo(401);
        assertThat(http.send("PUT", N6_MARCH, body("analysis", "x"), basic("nobody")).status()).isEqualTo(401);

        Http.Answer viewer = http.send("POST", N6_MARCH, body("analysis", "x"), basic("viewer"));
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.json().get("message").asText()).contains("editor role");
        assertThat(http.send("DELETE", N6_MARCH + "&kind=analysis", null, basic("viewer")).status()).isEqualTo(403);
        assertThat(http.send("GET", N6_MARCH, null, basic("viewer")).status()).isEqualTo(200);

        String south = "/api/commentary?indicator=" + ALLOCATION + "&area=S4&month=2026-03";
        Http.Answer outside = http.send("POST", south, body("actions", "x"), basic("north-editor"));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("parameter").asText()).isEqualTo("area");
        String north = "/api/commentary?indicator=" + ALLOCATION + "&area=N3&month=2026-03";
        assertThat(http.send("POST", north, body("actions", "Duty rota doubled."), basic("north-editor")).status())
                .isEqualTo(201);
    }

    @Test
    void shouldNameTheBadParameter() {
        String editor = basic("editor");
        assertParameter(http.send("POST", "/api/commentary?indicator=" + ALLOCATION + "&area=N6", body("analysis", "x"),
                editor), "month");
        assertParameter(http.send("POST", "/api/commentary?indicator=" + ALLOCATION + "&area=N6&month=2026-3",
                body("analysis", "x"), editor), "month");
        assertParameter(http.send("POST", "/api/commentary?indicator=nope&area=N6&month=2026-03",
                body("analysis", "x"), editor), "indicator");
        assertParameter(http.send("POST", "/api/commentary?indicator=" + ALLOCATION + "&area=ZZ&month=2026-03",
                body("analysis", "x"), editor), "area");
        assertParameter(http.send("POST", N6_MARCH, "not json", editor), "body");
        assertParameter(http.send("POST", N6_MARCH, body("gossip", "x"), editor), "kind");
        assertParameter(http.send("POST", N6_MARCH, body("analysis", " "), editor), "text");
        Http.Answer tooLong = http.send("POST", N6_MARCH, body("analysis", "x".repeat(201)), editor);
        assertParameter(tooLong, "text");
        assertThat(tooLong.json().get("message").asText()).isEqualTo("text is 201 characters; at most 200 are allowed");
        assertParameter(http.send("DELETE", N6_MARCH, null, editor), "kind");
        assertParameter(http.send("GET", "/api/commentary?history=maybe", null, editor), "history");
    }

    private static void assertParameter(Http.Answer answer, String parameter) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void shouldKeepEveryVersionAndADeletionsHistory() {
        String editor = basic("editor");
        String entry = "/api/commentary?indicator=" + ALLOCATION + "&area=N6&month=2026-02";
        assertThat(http.send("PUT", entry, body("analysis", "nothing yet"), editor).status()).isEqualTo(404);
        Http.Answer first = http.send("POST", entry, body("analysis", "Two posts vacant."), editor);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("author").asText()).isEqualTo("editor");
        assertThat(http.send("POST", entry, body("analysis", "again"), editor).status()).isEqualTo(409);
        assertThat(http.send("PUT", entry, body("analysis", "Two posts vacant; agency cover from April."), editor)
                .json().get("version").asInt()).isEqualTo(2);
        assertThat(http.send("POST", entry, body("data-quality", "First extract."), editor).status()).isEqualTo(201);
        Http.Answer deleted = http.send("DELETE", entry + "&kind=analysis", null, editor);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.json().get("version").asInt()).isEqualTo(3);
        assertThat(http.send("DELETE", entry + "&kind=analysis", null, editor).status()).isEqualTo(404);

        JsonNode current = http.send("GET", entry, null, editor).json();
        assertThat(current.get("count").asInt()).isEqualTo(1);
        assertThat(current.get("commentary").get(0).get("kind").asText()).isEqualTo("DATA_QUALITY");
        JsonNode history = http.send("GET", entry + "&kind=analysis&history=true", null, editor).json();
        assertThat(history.get("commentary")).extracting(node -> node.get("version").asInt()).containsExactly(1, 2, 3);
        assertThat(history.get("commentary").get(2).get("text").isNull()).isTrue();
        assertThat(http.send("POST", entry, body("analysis", "Written again."), editor).json().get("version").asInt())
                .isEqualTo(4);

        // A new instance reading the topic from the start finds the same history: nothing was overwritten.
        try (CommentaryView fresh = CommentaryView.start(snapshots.clientConfig(), commentaryTopic)) {
            Comment.Entry analysis = new Comment.Entry(ALLOCATION, "N6", YearMonth.of(2026, 2),
                    org.casepulse.commentary.CommentaryKind.ANALYSIS);
            await().atMost(TIMEOUT).until(() -> fresh.isCaughtUp() && fresh.book().history(analysis).size() == 4);
            assertThat(fresh.book().history(analysis)).extracting(Comment::text).containsExactly("Two posts vacant.",
                    "Two posts vacant; agency cover from April.", null, "Written again.");
        }
    }

    @Test
    void shouldShowScriptTextAsTextInTheReport() {
        String editor = basic("editor");
        String entry = "/api/commentary?indicator=" + ALLOCATION + "&area=N6&month=2026-03";
        String script = "<script>alert('owned')</script> & <img src=x onerror=alert(1)>";
        Http.Answer written = http.send("POST", entry, body("good-practice", script), editor);
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        assertThat(written.json().get("text").asText()).isEqualTo(script);

        Http.Answer report = http.send("GET", "/report?area=N6&month=2026-03", null, editor);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/html");
        assertThat(report.contentSecurityPolicy()).contains("default-src 'none'", "style-src 'sha256-")
                .doesNotContain("script-src");
        assertThat(report.body()).doesNotContain("<script>", "<img")
                .contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;");
        assertThat(report.body()).contains("44.8%", "Good practice: ");
        assertThat(http.send("GET", "/report?area=N6&month=2026-03", null, null).status()).isEqualTo(401);
        assertThat(http.send("GET", "/report?area=S4&month=2026-03", null, basic("north-editor")).status())
                .isEqualTo(403);
    }

    @Test
    void shouldServeSeed000sKpiBoardBehindTheSameAuthentication() {
        Http.Answer board = http.send("GET", "/kpi-board?area=NATIONAL&month=2026-03", null, basic("editor"));

        assertThat(board.status()).as(board.body()).isEqualTo(200);
        assertThat(board.contentType()).startsWith("text/html");
        assertThat(board.contentSecurityPolicy()).contains("default-src 'none'", "style-src 'sha256-")
                .doesNotContain("script-src");
        assertThat(board.body()).contains("KPI 1", "KPI 7", "68.0%", "71.3%").doesNotContain("<script");
        assertThat(http.send("GET", "/kpi-board?area=NATIONAL&month=2026-03", null, null).status()).isEqualTo(401);
        // A user scoped to the North sees no area outside it.
        assertThat(http.send("GET", "/kpi-board?area=S4&month=2026-03", null, basic("north-editor")).status())
                .isEqualTo(403);
        assertThat(http.send("GET", "/kpi-board?area=NOWHERE&month=2026-03", null, basic("editor")).status())
                .isEqualTo(400);
    }
}
