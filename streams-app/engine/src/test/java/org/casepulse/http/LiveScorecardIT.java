package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.RunningCasepulse;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: case events through the real topology on a real broker, then the operations
 * surface of the same application: the API, the metrics, and the page in headless Chromium,
 * which must show the new figure without a reload when more events arrive.
 */
@WithRealKafka
class LiveScorecardIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ROW = "document.querySelector('tr[data-indicator=\"allocation-within-2wd\"]')";

    private RunningCasepulse casepulse;
    private Http http;

    @BeforeEach
    void start(RealKafka kafka, @TempDir Path stateDir) {
        casepulse = RunningCasepulse.start(kafka, stateDir, "2024-04-20");
        http = new Http(casepulse.application().server().url());
    }

    @AfterEach
    void stop() {
        casepulse.close();
    }

    @Test
    void shouldServeTheFiguresOfTheRunningTopology() {
        // Referral Tue 2 Apr 2024, allocated Thu 4 Apr: 2 working days, in time.
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        casepulse.send(one.referral("N1", "2024-04-02"), one.allocation("N1", "2024-04-04", "w1"));

        JsonNode figures = await("the national year to date").atMost(TIMEOUT).until(
                () -> http.get("/api/snapshots?indicator=allocation-within-2wd&area=NATIONAL&periodType=YTD").json(),
                json -> json.path("figures").size() == 1);
        JsonNode april = figures.path("figures").get(0);
        assertThat(april.path("periodEnd").asText()).isEqualTo("2024-04-30");
        assertThat(april.path("numerator").asLong()).isEqualTo(1);
        assertThat(april.path("value").asDouble()).isEqualTo(100.0);
        assertThat(april.path("rag").asText()).isEqualTo("GREEN");
        assertThat(http.get("/api/snapshots?periodType=WEEK").status()).isEqualTo(400);

        await("ready").atMost(TIMEOUT).until(() -> http.get("/health/ready").status() == 200);
        String metrics = http.get("/metrics", "text/plain").body();
        assertThat(metrics).contains("casepulse_events_processed_total{type=\"ALLOCATION_MADE\"} 1.0");
        assertThat(metrics).containsPattern("casepulse_snapshots_emitted_total [1-9]");
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    @EnabledIf(value = "org.casepulse.http.HeadlessChromium#isInstalled", disabledReason = "No Chromium at "
            + "/usr/bin/chromium (nor at -D" + HeadlessChromium.BINARY_PROPERTY + "): apt-get install -y chromium")
    void shouldMoveTheFigureOnThePageAsEventsFlow(@TempDir Path profile) throws Exception {
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        casepulse.send(one.referral("N1", "2024-04-02"), one.allocation("N1", "2024-04-04", "w1"));

        try (HeadlessChromium chromium = HeadlessChromium.launch(profile,
                Files.createDirectories(Path.of("target")).resolve("chromium-live.log"))) {
            chromium.open(casepulse.application().server().url() + "/", 1600, 1000);
            await("the figure on the page").atMost(TIMEOUT).until(() -> chromium.evaluate(
                    ROW + "?.querySelector('.figure')?.textContent === '100.0%'").asBoolean());
            chromium.evaluate("window.notReloaded = true");

            // A second case, allocated Mon 8 Apr: 4 working days, late. National YTD: 1 of 2.
            CaseEvents two = CaseEvents.forCase("case-2", "child-2");
            casepulse.send(two.referral("S4", "2024-04-02"), two.allocation("S4", "2024-04-08", "w2"));

            await("the new figure, without a reload").atMost(TIMEOUT).until(() -> chromium.evaluate(
                    ROW + ".querySelector('.figure').textContent === '50.0%'").asBoolean());
            assertThat(chromium.evaluate("window.notReloaded === true").asBoolean()).isTrue();
            assertThat(chromium.evaluate(ROW + ".querySelector('.rag').textContent").asText()).isEqualTo("RED");
            assertThat(chromium.errors()).as("errors in the page").isEmpty();
        }
    }

}
