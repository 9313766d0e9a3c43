package org.casepulse.http;

import org.casepulse.scorecard.Figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casepulse.scorecard.Figures.keyOf;
import static org.casepulse.scorecard.Figures.percent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.http.EventStreamReader.ServerSentEvent;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/stream}, followed as {@code curl -N} would while figures are published to the real broker. */
@WithRealKafka
class SnapshotStreamIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOCATION = "allocation-within-2wd";
    private static final LocalDate OCTOBER = LocalDate.of(2025, 10, 31);

    private static ServedSnapshots served;

    @BeforeAll
    static void start(RealKafka kafka) {
        served = ServedSnapshots.start(kafka, 2, List.of());
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    /** Follows {@code stream} (a path and query) on the served API. */
    private static EventStreamReader follow(String stream) {
        return EventStreamReader.open(served.server().url() + stream);
    }

    @Test
    void shouldStreamFiguresMatchingTheFilterAsServerSentEvents() throws Exception {
        try (EventStreamReader stream = follow("/api/stream?area=S7&periodType=YTD")) {
            assertThat(stream.status()).isEqualTo(200);
            stream.awaitComment("connected", TIMEOUT);

            served.topic().publish(percent(ALLOCATION, "S6", AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, 60.0,
                    Rag.AMBER).build());
            served.topic().publish(percent(ALLOCATION, "S7", AreaLevel.SERVICE_AREA, PeriodType.MONTH, OCTOBER, 61.0,
                    Rag.AMBER).build());
            served.topic().publish(percent(ALLOCATION, "S7", AreaLevel.SERVICE_AREA, PeriodType.YTD, OCTOBER, 62.5,
                    Rag.AMBER).build());

            ServerSentEvent event = stream.nextEvent(TIMEOUT);
            assertThat(event.event()).isEqualTo("snapshot");
            JsonNode figure = JSON.readTree(event.data());
            assertThat(figure.get("areaCode").asText()).as("S6 and S7's MONTH figure are filtered out").isEqualTo("S7");
            assertThat(figure.get("periodType").asText()).isEqualTo("YTD");
            assertThat(figure.get("value").asDouble()).isEqualTo(62.5);
            assertThat(figure.get("periodEnd").asText()).isEqualTo("2025-10-31");
            assertThat(figure.get("computedAt").asText()).isEqualTo("2025-11-03T09:15:30.250Z");
        }
    }

    @Test
    void shouldStreamEveryChangeInOrderToEveryClient() throws Exception {
        try (EventStreamReader first = follow("/api/stream?indicator=allocation-within-7wd");
             EventStreamReader second = follow("/api/stream")) {
            first.awaitComment("connected", TIMEOUT);
            second.awaitComment("connected", TIMEOUT);
            List<IndicatorSnapshot> restatements = new ArrayList<>();
            for (int revision = 0; revision < 5; revision++) {
                restatements.add(percent("allocation-within-7wd", "C2", AreaLevel.SERVICE_AREA, PeriodType.MONTH,
                        OCTOBER, 80.0 + revision, Rag.AMBER).setRevision(revision).build());
            }
            served.topic().publish(restatements);

            for (EventStreamReader stream : List.of(first, second)) {
                List<Integer> revisions = new ArrayList<>();
                for (int i = 0; i < restatements.size(); i++) {
                    revisions.add(JSON.readTree(stream.nextEvent(TIMEOUT).data()).get("revision").asInt());
                }
                assertThat(revisions).containsExactly(0, 1, 2, 3, 4);
            }
        }
    }

    @Test
    void shouldForgetWithdrawnFiguresAndStreamTheWithdrawal() {
        IndicatorSnapshot doomed = percent("re-referral-12m", "S2", AreaLevel.SERVICE_AREA, PeriodType.R12M, OCTOBER,
                23.0, Rag.AMBER).build();
        served.topic().publish(doomed);
        await().atMost(TIMEOUT).until(() -> served.http().get("/api/snapshots?indicator=re-referral-12m").json()
                .get("count").asInt() == 1);

        try (EventStreamReader stream = follow("/api/stream?indicator=re-referral-12m")) {
            stream.awaitComment("connected", TIMEOUT);
            served.topic().withdraw(keyOf(doomed));

            ServerSentEvent event = stream.nextEvent(TIMEOUT);
            assertThat(event.event()).isEqualTo("withdrawal");
            assertThat(event.data()).isEqualTo("{\"indicatorId\":\"re-referral-12m\",\"areaCode\":\"S2\","
                    + "\"periodType\":\"R12M\",\"periodEnd\":\"2025-10-31\"}");
        }
        assertThat(served.http().get("/api/snapshots?indicator=re-referral-12m").json().get("count").asInt()).isZero();
    }

    @Test
    void shouldSendHeartbeatCommentsOnAnIdleStream() {
        try (EventStreamReader stream = follow("/api/stream?indicator=demand-change")) {
            stream.awaitComment("connected", TIMEOUT);

            stream.awaitComment("heartbeat", Duration.ofSeconds(5));
            stream.awaitComment("heartbeat", Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldForgetClientsThatHungUp() {
        EventStreamReader stream = follow("/api/stream?indicator=demand-change");
        stream.awaitComment("connected", TIMEOUT);
        await().atMost(TIMEOUT).until(() -> clients() >= 1);

        stream.close();

        // The server notices at its next write: the heartbeat, 300 ms here.
        await().atMost(TIMEOUT).until(() -> clients() == 0);
    }

    @Test
    void shouldExplainThatTheStreamNeedsTheEventStreamAcceptHeader() {
        Http.Answer answer = served.http().get("/api/stream", "*/*");

        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.json().get("message").asText()).contains("Accept: text/event-stream");
    }

    private static double clients() {
        return served.http().get("/metrics", "text/plain").body().lines()
                .filter(line -> line.startsWith("casepulse_stream_clients "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }
}
