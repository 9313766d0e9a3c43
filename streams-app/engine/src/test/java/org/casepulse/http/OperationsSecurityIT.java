package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casepulse.scorecard.Figures.percent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.http.auth.AccessSettings;
import org.casepulse.http.auth.PasswordAuthenticator;
import org.casepulse.http.auth.TestIssuer;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP surface with authentication on (a users file and a token issuer stood up in the test),
 * over figures published to the real broker: who gets what, area scoping, the headers of every
 * answer, methods, the cap on event streams, and the public disclosure view.
 */
@WithRealKafka
class OperationsSecurityIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ALLOCATION = "allocation-within-2wd";
    private static final LocalDate OCTOBER = LocalDate.of(2025, 10, 31);
    private static final String PASSWORD = "correct horse";

    private static SnapshotTopic topic;
    private static SnapshotView view;
    private static TestIssuer issuer;
    private static OperationsServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start(RealKafka kafka) throws IOException {
        topic = SnapshotTopic.create(kafka, 2);
        topic.publish(figures());
        view = topic.startView();
        await().atMost(TIMEOUT).until(view::isCaughtUp);
        issuer = TestIssuer.start();
        String hash = PasswordAuthenticator.hash(PASSWORD.toCharArray(), 4);
        Path users = dir.resolve("users");
        Files.write(users, List.of(
                "# name:hash:roles:area",
                "viewer:" + hash + ":viewer",
                "operator:" + hash + ":operator",
                "north:" + hash + ":viewer:NORTH",
                "team-n6:" + hash + ":editor:N6"), StandardCharsets.UTF_8);
        OperationsSettings settings = new OperationsSettings("127.0.0.1", 0, Duration.ofMillis(300))
                .withAccess(new AccessSettings(true, users, issuer.settings(), Set.of()))
                .withMaxStreamClients(1);
        server = OperationsServer.start(settings, view, ReferenceData.defaults(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        server.close();
        view.close();
        topic.close();
        issuer.close();
    }

    /** North's eight service areas and the region: N3 allocated 3 cases, a small number; N6 10, the next smallest; N3, N4 and N6 RED. */
    private static List<IndicatorSnapshot> figures() {
        long[][] counts = {{40, 50}, {30, 40}, {3, 6}, {15, 30}, {25, 30}, {10, 25}, {50, 60}, {45, 50}};
        List<IndicatorSnapshot> figures = new ArrayList<>();
        long numerator = 0;
        long denominator = 0;
        for (int i = 0; i < counts.length; i++) {
            double value = Math.round(1000.0 * counts[i][0] / counts[i][1]) / 10.0;
            figures.add(percent(ALLOCATION, "N" + (i + 1), AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, value,
                    value < 60 ? Rag.RED : Rag.GREEN).setNumerator(counts[i][0]).setDenominator(counts[i][1])
                    .setSmallNumbers(counts[i][0] < 5).build());
            numerator += counts[i][0];
            denominator += counts[i][1];
        }
        figures.add(percent(ALLOCATION, "NORTH", AreaLevel.REGION, PeriodType.YTD, OCTOBER, 76.6, Rag.GREEN)
                .setNumerator(numerator).setDenominator(denominator).build());
        figures.add(percent(ALLOCATION, "NATIONAL", AreaLevel.NATIONAL, PeriodType.YTD, OCTOBER, 74.0, Rag.GREEN).build());
        figures.add(percent(ALLOCATION, "S4", AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, 97.8, Rag.GREEN).build());
        return figures;
    }

    @Test
    void shouldChallengeARequestWithoutCredentials() {
        Answer answer = get("/api/snapshots", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().allValues("WWW-Authenticate"))
                .containsExactly("Basic realm=\"casepulse\", charset=\"UTF-8\"", "Bearer realm=\"casepulse\"");
        assertThat(answer.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(get("/", null).status()).isEqualTo(401);
        assertThat(get("/metrics", null).status()).isEqualTo(401);
        assertThat(get("/api/snapshots", basic("viewer", "wrong")).status()).isEqualTo(401);
    }

    @Test
    void shouldGiveEachRoleItsParts() {
        assertThat(get("/api/snapshots", basic("viewer", PASSWORD)).status()).isEqualTo(200);
        assertThat(get("/", basic("viewer", PASSWORD)).status()).isEqualTo(200);
        assertThat(get("/metrics", basic("viewer", PASSWORD)).status()).isEqualTo(403);
        assertThat(get("/metrics", basic("operator", PASSWORD)).status()).isEqualTo(200);
        assertThat(get("/api/snapshots", basic("operator", PASSWORD)).status()).isEqualTo(403);
        assertThat(get("/api/scorecard?area=N6", basic("team-n6", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void shouldAcceptBearerTokensOfTheIssuerOnly() {
        assertThat(get("/api/snapshots", bearer(issuer.token("someone", List.of("viewer"), null))).status()).isEqualTo(200);
        assertThat(get("/metrics", bearer(issuer.token("ops", List.of("operator"), null))).status()).isEqualTo(200);
        assertThat(get("/metrics", bearer(issuer.token("someone", List.of("viewer"), null))).status()).isEqualTo(403);
        assertThat(get("/api/snapshots", bearer(issuer.expiredToken("someone", List.of("viewer")))).status())
                .isEqualTo(401);
        assertThat(get("/api/snapshots", bearer(issuer.wronglySignedToken("someone", List.of("viewer")))).status())
                .isEqualTo(401);
    }

    @Test
    void shouldAnswerHealthProbesAndShowTheDetailToOperatorsOnly() {
        Answer probe = get("/health/ready", null);
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.json()).isEqualTo(JSON.createObjectNode().put("status", "UP"));
        Answer operator = get("/health/ready", basic("operator", PASSWORD));
        assertThat(operator.json().get("streams").asText()).isEqualTo("RUNNING");
        assertThat(operator.json().get("view").asText()).isEqualTo("caught up");
        assertThat(get("/health/live", null).status()).isEqualTo(200);
    }

    @Test
    void shouldShowAnAreaScopedViewerTheirAreaItsChildrenAndTheNationOnly() {
        String north = basic("north", PASSWORD);
        Answer elsewhere = get("/api/snapshots?area=S4", north);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().get("message").asText()).contains("outside your area NORTH");
        assertThat(get("/api/scorecard?area=SOUTH", north).status()).isEqualTo(403);

        JsonNode figures = get("/api/snapshots?indicator=" + ALLOCATION, north).json().get("figures");
        assertThat(areas(figures)).containsExactlyInAnyOrder("NATIONAL", "NORTH", "N1", "N2", "N3", "N4", "N5",
                "N6", "N7", "N8");

        String team = basic("team-n6", PASSWORD);
        JsonNode national = get("/api/scorecard?periodType=YTD", team).json();
        assertThat(national.get("peers")).extracting(JsonNode::asText).containsExactly("N6");
        JsonNode row = row(national, ALLOCATION);
        assertThat(row.get("best").get("areaCode").asText()).isEqualTo("N6");
        assertThat(areas(row.get("hotspots"))).containsExactly("N6");
        assertThat(get("/api/snapshots?area=N5", team).status()).isEqualTo(403);
        assertThat(get("/api/snapshots?area=NORTH", team).status()).isEqualTo(403);
        assertThat(areas(get("/api/snapshots", team).json().get("figures"))).containsExactlyInAnyOrder("NATIONAL", "N6");
    }

    @Test
    void shouldWithholdSmallCountsAndTheirComplementInThePublicView() {
        String viewer = basic("viewer", PASSWORD);
        JsonNode published = get("/api/snapshots?area=N3&disclosure=public", viewer).json();
        assertThat(published.get("disclosure").asText()).isEqualTo("public");
        JsonNode n3 = published.get("figures").get(0);
        assertThat(n3.get("numerator").asText()).isEqualTo("c");
        assertThat(n3.get("value").asText()).isEqualTo("c");
        assertThat(n3.get("rag").asText()).isEqualTo("c");
        assertThat(n3.get("denominator").asLong()).isEqualTo(6);

        JsonNode all = get("/api/snapshots?disclosure=public&indicator=" + ALLOCATION, viewer).json().get("figures");
        assertThat(find(all, "N6").get("numerator").asText()).as("the next smallest sibling").isEqualTo("c");
        assertThat(find(all, "N4").get("numerator").asLong()).isEqualTo(15);
        assertThat(find(all, "NORTH").get("numerator").asLong()).isEqualTo(218);

        // The internal view keeps the exact figure and its small-number flag.
        JsonNode internal = get("/api/snapshots?area=N3", viewer).json().get("figures").get(0);
        assertThat(internal.get("numerator").asLong()).isEqualTo(3);
        assertThat(internal.get("smallNumbers").asBoolean()).isTrue();

        JsonNode scorecard = get("/api/scorecard?area=NORTH&periodType=YTD&disclosure=public", viewer).json();
        JsonNode row = row(scorecard, ALLOCATION);
        assertThat(row.get("latest").get("numerator").asLong()).isEqualTo(218);
        assertThat(areas(row.get("hotspots"))).as("withheld figures are not ranked").doesNotContain("N3", "N6")
                .contains("N4");
        assertThat(get("/api/scorecard?disclosure=everything", viewer).status()).isEqualTo(400);
    }

    @Test
    void shouldSendSecurityHeadersOnEveryAnswer() {
        for (Answer answer : List.of(get("/api/snapshots", basic("viewer", PASSWORD)),
                get("/api/snapshots?periodType=WEEK", basic("viewer", PASSWORD)),
                get("/api/nothing-here", basic("viewer", PASSWORD)),
                get("/metrics", basic("operator", PASSWORD)),
                get("/health/ready", null),
                get("/api/snapshots", null))) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
        }
    }

    @Test
    void shouldAnswerAnUnsupportedMethodWith405AndHeadAsGet() {
        assertThat(send("POST", "/api/snapshots", basic("viewer", PASSWORD)).status()).isEqualTo(405);
        assertThat(send("DELETE", "/metrics", basic("operator", PASSWORD)).status()).isEqualTo(405);
        Answer head = send("HEAD", "/api/snapshots", basic("viewer", PASSWORD));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(head.body()).isEmpty();
        Answer headMetrics = send("HEAD", "/metrics", basic("operator", PASSWORD));
        assertThat(headMetrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
    }

    @Test
    void shouldRefuseEventStreamClientsBeyondTheCapWith503() throws Exception {
        String viewer = basic("viewer", PASSWORD);
        HttpResponse<Stream<String>> first = openStream(viewer);
        assertThat(first.statusCode()).isEqualTo(200);
        try {
            HttpResponse<Stream<String>> second = openStream(viewer);
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("30");
            second.body().close();
        } finally {
            first.body().close();
        }
        // The place is given back once the first client is gone (noticed at its next heartbeat).
        await().atMost(TIMEOUT).until(() -> {
            HttpResponse<Stream<String>> again = openStream(viewer);
            again.body().close();
            return again.statusCode() == 200;
        });
    }

    private static HttpResponse<Stream<String>> openStream(String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/api/stream"))
                .header("Accept", "text/event-stream").header("Authorization", authorization).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private static JsonNode row(JsonNode scorecard, String indicator) {
        return StreamSupport.stream(scorecard.get("rows").spliterator(), false)
                .filter(row -> row.get("indicator").get("id").asText().equals(indicator)).findFirst().orElseThrow();
    }

    private static JsonNode find(JsonNode figures, String area) {
        return StreamSupport.stream(figures.spliterator(), false)
                .filter(figure -> figure.get("areaCode").asText().equals(area)).findFirst().orElseThrow();
    }

    private static List<String> areas(JsonNode nodes) {
        return StreamSupport.stream(nodes.spliterator(), false).map(node -> node.get("areaCode").asText()).toList();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static Answer get(String path, String authorization) {
        return send("GET", path, authorization);
    }

    private static Answer send(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (status " + status + "): " + body, e);
            }
        }
    }
}
