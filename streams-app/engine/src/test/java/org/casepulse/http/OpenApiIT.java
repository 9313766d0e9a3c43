package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casepulse.scorecard.Figures.percent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAPI document served at /api/openapi.json describes what the server really answers: every
 * answer, good and bad, validates against the schema the document gives for its path and status.
 */
@WithRealKafka
class OpenApiIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final LocalDate OCTOBER = LocalDate.of(2025, 10, 31);
    private static final List<IndicatorSnapshot> PUBLISHED = List.of(
            percent("allocation-within-2wd", "NATIONAL", AreaLevel.NATIONAL, PeriodType.YTD, OCTOBER, 74.0, Rag.GREEN)
                    .setPreviousValue(74.8).setRevision(2).build(),
            percent("allocation-within-2wd", "NORTH", AreaLevel.REGION, PeriodType.YTD, OCTOBER, 61.0, Rag.AMBER).build(),
            percent("allocation-within-2wd", "N6", AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, 44.8, Rag.RED).build(),
            percent("allocation-within-2wd", "N3", AreaLevel.SERVICE_AREA, PeriodType.MONTH, OCTOBER, 53.3, Rag.AMBER)
                    .setSmallNumbers(true).setDenominator(6L).build());

    private static SnapshotTopic topic;
    private static SnapshotView view;
    private static OperationsServer server;
    private static Http http;
    private static JsonNode document;
    private static final AtomicReference<KafkaStreams.State> STATE = new AtomicReference<>(KafkaStreams.State.RUNNING);

    @BeforeAll
    static void start(RealKafka kafka) {
        topic = SnapshotTopic.create(kafka, 2);
        topic.publish(PUBLISHED);
        view = topic.startView();
        await().atMost(TIMEOUT).until(view::isCaughtUp);
        server = OperationsServer.start(OperationsSettings.of("127.0.0.1", 0), view, ReferenceData.defaults(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), STATE::get);
        http = new Http(server.url());
        Http.Answer answer = http.get("/api/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        document = answer.json();
    }

    @AfterAll
    static void stop() {
        server.close();
        view.close();
        topic.close();
    }

    @Test
    void shouldBeAnOpenApi31DocumentOfEveryRoute() {
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/api/indicators", "/api/areas", "/api/snapshots", "/api/scorecard",
                "/api/stream", "/api/openapi.json", "/health/live", "/health/ready", "/metrics", "/api/commentary",
                "/report", "/kpi-board");
        for (String path : paths) {
            if (!path.equals("/api/stream") && !path.equals("/report") && !path.equals("/kpi-board")) {
                assertThat(http.get(path).status()).as(path).isIn(200, 503);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/indicators                                   | /api/indicators | 200",
        "/api/areas                                        | /api/areas      | 200",
        "/api/snapshots                                    | /api/snapshots  | 200",
        "/api/snapshots?area=N3&periodType=month           | /api/snapshots  | 200",
        "/api/snapshots?periodType=WEEK                    | /api/snapshots  | 400",
        "/api/snapshots?from=yesterday                     | /api/snapshots  | 400",
        "/api/scorecard                                    | /api/scorecard  | 200",
        "/api/scorecard?area=NORTH&periodType=YTD          | /api/scorecard  | 200",
        "/api/scorecard?area=N6                            | /api/scorecard  | 200",
        "/api/scorecard?area=NOWHERE                       | /api/scorecard  | 400",
        "/api/stream?area=NOWHERE                          | /api/stream     | 400",
        "/api/stream                                       | /api/stream     | 406",
        "/api/commentary                                   | /api/commentary | 200",
        "/api/commentary?area=N6&month=2026-03&history=true | /api/commentary | 200",
        "/api/commentary?month=March                       | /api/commentary | 400",
        "/report?month=2026-13                             | /report         | 400",
        "/health/live                                      | /health/live    | 200",
        "/health/ready                                     | /health/ready   | 200",
    })
    void shouldAnswerAsTheDocumentSays(String request, String path, int status) {
        Http.Answer answer = http.get(request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(errors(path, status, answer.json())).as(answer.body()).isEmpty();
    }

    @Test
    void shouldDescribeNotReadyAndMetricsToo() {
        STATE.set(KafkaStreams.State.REBALANCING);
        try {
            Http.Answer notReady = http.get("/health/ready");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(errors("/health/ready", 503, notReady.json())).isEmpty();
        } finally {
            STATE.set(KafkaStreams.State.RUNNING);
        }
        Http.Answer metrics = http.get("/metrics", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(document.at(pointer("/metrics") + "/get/responses/200/content").has("text/plain")).isTrue();
        assertThat(metrics.contentType()).startsWith("text/plain");
    }

    @Test
    void shouldDescribeEveryAnswerOfTheCommentaryWrites() {
        String entry = "/api/commentary?indicator=allocation-within-2wd&area=N6&month=2026-03";
        String body = "{\"kind\":\"analysis\",\"text\":\"Two posts vacant in N6.\"}";
        Http.Answer created = http.send("POST", entry, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(errors("/api/commentary", "post", 201, created.json())).isEmpty();
        Http.Answer conflict = http.send("POST", entry, body);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(errors("/api/commentary", "post", 409, conflict.json())).isEmpty();
        Http.Answer changed = http.send("PUT", entry, body.replace("Two", "Three"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(errors("/api/commentary", "put", 200, changed.json())).isEmpty();
        Http.Answer bad = http.send("PUT", entry, "{\"kind\":\"gossip\",\"text\":\"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errors("/api/commentary", "put", 400, bad.json())).isEmpty();
        Http.Answer deleted = http.send("DELETE", entry + "&kind=analysis", null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(errors("/api/commentary", "delete", 200, deleted.json())).isEmpty();
        Http.Answer missing = http.send("DELETE", entry + "&kind=analysis", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(errors("/api/commentary", "delete", 404, missing.json())).isEmpty();
        Http.Answer history = http.get("/api/commentary?area=N6&history=true");
        assertThat(history.json().get("count").asInt()).isEqualTo(3);
        assertThat(errors("/api/commentary", 200, history.json())).isEmpty();

        Http.Answer report = http.get("/report?area=NORTH&month=2025-10", "text/html");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/html");
        assertThat(document.at(pointer("/report") + "/get/responses/200/content").has("text/html")).isTrue();
    }

    @Test
    void shouldCatchAnAnswerThatDoesNotMatch() {
        // The check itself can fail: a figure with an identifier that is not in the document is refused.
        ObjectNode figures = (ObjectNode) http.get("/api/snapshots").json();
        ((ObjectNode) figures.get("figures").get(0)).put("childId", "child-000045");
        assertThat(errors("/api/snapshots", 200, figures)).isNotEmpty();
    }

    /** What is wrong with the body against the schema the document gives for the path's GET and status. */
    private static List<Error> errors(String path, int status, JsonNode body) {
        return errors(path, "get", status, body);
    }

    /** What is wrong with the body against the schema the document gives for the path's method and status. */
    private static List<Error> errors(String path, String method, int status, JsonNode body) {
        String response = pointer(path) + "/" + method + "/responses/" + status;
        JsonNode node = document.at(response);
        assertThat(node.isMissingNode()).as("the document describes %s %s %s", method, path, status).isFalse();
        if (node.has("$ref")) {
            response = node.get("$ref").asText().substring(1);
        }
        ObjectNode schema = document.deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$ref", "#" + response + "/content/application~1json/schema");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(body);
    }

    private static String pointer(String path) {
        return "/paths/" + path.replace("~", "~0").replace("/", "~1");
    }
}
