package org.casepulse.http;

import org.casepulse.scorecard.Figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.casepulse.scorecard.Figures.percent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
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
 * The API through the real HTTP server, over a view of figures published to the real broker. The
 * figures stay as published here; {@link SnapshotStreamIT} publishes while clients follow.
 */
@WithRealKafka
class OperationsApiIT {
    private static final String ALLOCATION = "allocation-within-2wd";
    private static final LocalDate SEPTEMBER = LocalDate.of(2025, 9, 30);
    private static final LocalDate OCTOBER = LocalDate.of(2025, 10, 31);
    /** The fields of a figure: counts and ratings, never a child, case or worker identifier. */
    private static final Set<String> FIGURE_FIELDS = Set.of("indicatorId", "areaCode", "areaLevel", "periodType",
            "periodStart", "periodEnd", "numerator", "denominator", "value", "unit", "target", "polarity", "rag",
            "previousValue", "directionOfTravel", "smallNumbers", "revision", "computedAt", "trend", "lastYearValue",
            "outturnValue", "sixMonthsValue", "benchmarkYear", "benchmarkEngland", "benchmarkRegion",
            "benchmarkNeighbours");

    private static final IndicatorSnapshot NATIONAL_SEPTEMBER = percent(ALLOCATION, "NATIONAL", AreaLevel.NATIONAL,
            PeriodType.YTD, SEPTEMBER, 74.8, Rag.GREEN).build();
    private static final IndicatorSnapshot NATIONAL_OCTOBER = percent(ALLOCATION, "NATIONAL", AreaLevel.NATIONAL,
            PeriodType.YTD, OCTOBER, 74.0, Rag.GREEN).setPreviousValue(74.8).setRevision(2).build();
    private static final IndicatorSnapshot NATIONAL_MONTH = percent(ALLOCATION, "NATIONAL", AreaLevel.NATIONAL,
            PeriodType.MONTH, OCTOBER, 71.5, Rag.GREEN).build();
    private static final IndicatorSnapshot S4 = percent(ALLOCATION, "S4", AreaLevel.SERVICE_AREA,
            PeriodType.YTD, OCTOBER, 97.8, Rag.GREEN).build();
    private static final IndicatorSnapshot N6 = percent(ALLOCATION, "N6", AreaLevel.SERVICE_AREA,
            PeriodType.YTD, OCTOBER, 44.8, Rag.RED).build();
    private static final IndicatorSnapshot C5 = percent(ALLOCATION, "C5", AreaLevel.SERVICE_AREA,
            PeriodType.YTD, OCTOBER, 49.1, Rag.RED).build();
    private static final IndicatorSnapshot N3 = percent(ALLOCATION, "N3", AreaLevel.SERVICE_AREA,
            PeriodType.YTD, OCTOBER, 53.3, Rag.AMBER).setSmallNumbers(true).setDenominator(6L).build();
    private static final List<IndicatorSnapshot> PUBLISHED =
            List.of(NATIONAL_SEPTEMBER, NATIONAL_OCTOBER, NATIONAL_MONTH, S4, N6, C5, N3);

    private static ServedSnapshots served;

    @BeforeAll
    static void start(RealKafka kafka) {
        served = ServedSnapshots.start(kafka, 3, PUBLISHED);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void shouldListTheCatalogue() {
        JsonNode indicators = served.http().get("/api/indicators").json();

        assertThat(indicators).hasSize(ReferenceData.defaults().catalogue().indicators().size());
        JsonNode first = indicators.get(0);
        assertThat(first.get("id").asText()).isEqualTo(ALLOCATION);
        assertThat(first.get("title").asText()).isEqualTo("Cases allocated within 2 working days of referral");
        assertThat(first.get("measure").asText()).isEqualTo("allocation-timeliness");
        assertThat(first.get("polarity").asText()).isEqualTo("H");
        assertThat(first.get("unit").asText()).isEqualTo("PERCENT");
        assertThat(first.get("target").decimalValue()).isEqualByComparingTo("65");
        assertThat(first.get("tolerance").decimalValue()).isEqualByComparingTo("5");
        assertThat(first.get("periods")).extracting(JsonNode::asText).containsExactly("MONTH", "YTD");
        assertThat(first.get("description").asText()).contains("receipt day counted as nought");
    }

    @Test
    void shouldListTheAreasWithParentsPopulationsAndChildren() {
        JsonNode areas = served.http().get("/api/areas").json();

        assertThat(areas).hasSize(25);
        JsonNode national = areas.get(0);
        assertThat(national.get("code").asText()).isEqualTo("NATIONAL");
        assertThat(national.get("parent").isNull()).isTrue();
        assertThat(national.get("children")).extracting(JsonNode::asText).containsExactly("NORTH", "CENTRAL", "SOUTH");
        JsonNode n1 = find(areas, "code", "N1");
        assertThat(n1.get("name").asText()).isEqualTo("North & South of Tyne");
        assertThat(n1.get("level").asText()).isEqualTo("SERVICE_AREA");
        assertThat(n1.get("parent").asText()).isEqualTo("NORTH");
        assertThat(n1.get("population").asLong()).isEqualTo(301420);
        assertThat(n1.get("children")).isEmpty();
    }

    @Test
    void shouldServeEveryFigureWithDatesAsIsoStringsAndNoIdentifiers() {
        JsonNode answer = served.http().get("/api/snapshots").json();

        assertThat(answer.get("view").asText()).isEqualTo("caught up");
        assertThat(answer.get("count").asInt()).isEqualTo(PUBLISHED.size());
        JsonNode october = find(answer.get("figures"), "periodEnd", "2025-10-31", "areaCode", "NATIONAL",
                "periodType", "YTD");
        assertThat(fieldNames(october)).containsExactlyInAnyOrderElementsOf(FIGURE_FIELDS);
        assertThat(october.get("periodStart").asText()).isEqualTo("2025-04-01");
        assertThat(october.get("computedAt").asText()).isEqualTo("2025-11-03T09:15:30.250Z");
        assertThat(october.get("value").asDouble()).isEqualTo(74.0);
        assertThat(october.get("previousValue").asDouble()).isEqualTo(74.8);
        assertThat(october.get("revision").asInt()).isEqualTo(2);
        assertThat(october.get("rag").asText()).isEqualTo("GREEN");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                                                                  | 7",
        "?indicator=allocation-within-2wd                                  | 7",
        "?indicator=workload-allocated                                     | 0",
        "?area=NATIONAL                                                    | 3",
        "?area=N6                                                          | 1",
        "?periodType=MONTH                                                 | 1",
        "?periodType=ytd                                                   | 6",
        "?from=2025-10-01                                                  | 6",
        "?to=2025-09-30                                                    | 1",
        "?from=2025-09-30&to=2025-09-30                                    | 1",
        "?indicator=allocation-within-2wd&area=NATIONAL&periodType=YTD&from=2025-01-01&to=2025-12-31 | 2",
        "?indicator=&area=&periodType=&from=&to=                           | 7",
    })
    void shouldFilterFigures(String query, int expected) {
        JsonNode answer = served.http().get("/api/snapshots" + (query == null ? "" : query)).json();

        assertThat(answer.get("count").asInt()).isEqualTo(expected);
        assertThat(answer.get("figures")).hasSize(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/snapshots?indicator=no-such   | indicator  | unknown indicator no-such",
        "/api/snapshots?area=ZZ9            | area       | unknown area ZZ9",
        "/api/snapshots?periodType=WEEK     | periodType | periodType must be one of MONTH, YTD, R12M, SNAPSHOT",
        "/api/snapshots?from=2025-02-30     | from       | from must be a period-end date",
        "/api/snapshots?to=yesterday        | to         | to must be a period-end date",
        "/api/snapshots?from=2025-10-31&to=2025-09-30 | from | from (2025-10-31) is after to (2025-09-30)",
        "/api/snapshots?areas=N1            | areas      | unknown parameter areas",
        "/api/scorecard?area=Atlantis       | area       | unknown area Atlantis",
        "/api/scorecard?periodType=QUARTER  | periodType | periodType must be one of",
        "/api/stream?indicator=no-such      | indicator  | unknown indicator no-such",
    })
    void shouldAnswerBadParametersWith400NamingTheParameter(String path, String parameter, String message) {
        Http.Answer answer = served.http().get(path, "text/event-stream");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
        assertThat(answer.json().get("message").asText()).startsWith(message).contains(parameter);
    }

    @Test
    void shouldServeTheScorecardWithBestPerformanceHotspotsAndTrend() {
        JsonNode scorecard = served.http().get("/api/scorecard?area=NATIONAL&periodType=YTD").json();

        assertThat(scorecard.get("area").get("code").asText()).isEqualTo("NATIONAL");
        assertThat(scorecard.get("peerLevel").asText()).isEqualTo("SERVICE_AREA");
        JsonNode row = find(scorecard.get("rows"), ALLOCATION);
        assertThat(row.get("latest").get("value").asDouble()).isEqualTo(74.0);
        assertThat(row.get("best").get("areaCode").asText()).isEqualTo("S4");
        assertThat(row.get("best").get("areaName").asText()).isEqualTo("East & West Kent");
        assertThat(row.get("hotspots")).extracting(hotspot -> hotspot.get("areaCode").asText())
                .containsExactly("N6", "C5");
        assertThat(row.get("trend")).extracting(point -> point.get("periodEnd").asText())
                .containsExactly("2025-09-30", "2025-10-31");
        assertThat(find(scorecard.get("rows"), "workload-allocated")).as("not published for YTD").isNull();
    }

    @Test
    void shouldServeThePageAndItsAssetsFromTheJarOnly() {
        Http.Answer page = served.http().get("/", "text/html");
        Http.Answer script = served.http().get("/scorecard.js", "*/*");
        Http.Answer style = served.http().get("/scorecard.css", "*/*");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<table", "<caption", "aria-live", "scorecard.js", "scorecard.css");
        assertThat(page.contentSecurityPolicy()).startsWith("default-src 'self'");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
        for (Http.Answer asset : List.of(page, script, style)) {
            // The SVG namespace is a name, never fetched.
            assertThat(asset.body().replace("http://www.w3.org/2000/svg", ""))
                    .as("nothing is loaded from the internet").doesNotContainPattern("(?i)https?://");
        }
    }

    @Test
    void shouldReportLivenessAndReadiness() {
        Http.Answer live = served.http().get("/health/live");
        Http.Answer ready = served.http().get("/health/ready");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("streams").asText()).isEqualTo("RUNNING");
        assertThat(ready.json().get("view").asText()).isEqualTo("caught up");
    }

    private static JsonNode find(JsonNode array, String... fieldsAndValues) {
        if (fieldsAndValues.length == 1) {
            return StreamSupport.stream(array.spliterator(), false)
                    .filter(row -> row.get("indicator").get("id").asText().equals(fieldsAndValues[0]))
                    .findFirst().orElse(null);
        }
        return StreamSupport.stream(array.spliterator(), false).filter(node -> {
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                if (!node.get(fieldsAndValues[i]).asText().equals(fieldsAndValues[i + 1])) {
                    return false;
                }
            }
            return true;
        }).findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
