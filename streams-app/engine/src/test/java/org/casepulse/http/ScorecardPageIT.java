package org.casepulse.http;

import org.casepulse.scorecard.DemoFigures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorecard page in headless Chromium: it fills in from the API, follows the event stream, and
 * shows a new figure without a reload. Leaves screenshots in {@code target/scorecard.png} (national,
 * headline periods) and {@code target/scorecard-n1-ytd.png} (a service area, year to date).
 */
@WithRealKafka
class ScorecardPageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final String ROW = "document.querySelector('tr[data-indicator=\"allocation-within-2wd\"]')";
    private static final int WIDTH = 1600;
    private static final long SECTIONS = REFERENCE.catalogue().indicators().stream()
            .map(indicator -> indicator.section()).distinct().count();
    private static final long YTD_INDICATORS = REFERENCE.catalogue().indicators().stream()
            .filter(indicator -> indicator.publishes(PeriodType.YTD)).count();

    @Test
    @EnabledIf(value = "org.casepulse.http.HeadlessChromium#isInstalled", disabledReason = "No Chromium at "
            + "/usr/bin/chromium (nor at -D" + HeadlessChromium.BINARY_PROPERTY + "): apt-get install -y chromium")
    void shouldShowANewFigureWithoutReloading(RealKafka kafka, @TempDir Path profile) throws Exception {
        LocalDate today = LocalDate.now();
        DemoFigures demo = new DemoFigures(REFERENCE, 2025);
        try (SnapshotTopic topic = SnapshotTopic.create(kafka, 3);
             SnapshotView view = topic.startView();
             OperationsServer server = OperationsServer.start(OperationsSettings.of("127.0.0.1", 0), view, REFERENCE,
                     new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> KafkaStreams.State.RUNNING);
             HeadlessChromium chromium = HeadlessChromium.launch(profile, Files.createDirectories(Path.of("target"))
                     .resolve("chromium.log"))) {
            topic.publish(demo.all(today, Instant.now()));
            await().atMost(TIMEOUT).until(view::isCaughtUp);

            chromium.open(server.url() + "/", WIDTH, 1000);
            await("the scorecard, live").atMost(TIMEOUT).until(() -> chromium.evaluate(
                    "document.querySelectorAll('#rows tr[data-indicator]').length === "
                            + REFERENCE.catalogue().indicators().size()
                            // One heading per section (allocation and workload, ..., private fostering, court work, quality).
                            + " && document.querySelectorAll('#rows tr.section').length === " + SECTIONS
                            + " && document.querySelector('#rows tr.section th').textContent === 'Allocation and workload'"
                            + " && document.getElementById('status').dataset.state === 'live'"
                            + " && " + ROW + ".querySelector('.figure') !== null").asBoolean());
            assertThat(chromium.evaluate("document.getElementById('live-text').textContent").asText()).isEqualTo("Live");
            assertThat(chromium.evaluate(ROW + ".querySelector('.rag').textContent").asText())
                    .isIn("RED", "AMBER", "GREEN");
            assertThat(chromium.evaluate(ROW + ".querySelector('.period-type').textContent").asText()).isEqualTo("YTD");
            assertThat(chromium.evaluate(ROW + ".querySelector('.period-span').textContent").asText())
                    .as("April to this month").matches("Apr(–[A-Z][a-z]{2})? \\d{4}|Apr \\d{4}–[A-Z][a-z]{2} \\d{4}");
            assertThat(chromium.evaluate(ROW + ".querySelectorAll('svg.spark polyline').length").asInt()).isEqualTo(1);
            assertThat(chromium.evaluate("document.documentElement.scrollWidth").asInt())
                    .as("no sideways scrolling; the columns are %s wide", chromium.evaluate("Array.from("
                            + "document.querySelectorAll('thead th'), th => Math.round(th.offsetWidth)).join(', ')"))
                    .isLessThanOrEqualTo(WIDTH);
            chromium.evaluate("window.notReloaded = true");

            topic.publish(restated(demo, today, 12.3));

            await("the restated figure on the page").atMost(TIMEOUT).until(() -> chromium.evaluate(
                    ROW + ".querySelector('.figure').textContent").asText().equals("12.3%"));
            assertThat(chromium.evaluate("window.notReloaded === true").asBoolean()).as("no reload").isTrue();
            assertThat(chromium.evaluate(ROW + ".querySelector('.rag').textContent").asText()).isEqualTo("RED");
            assertThat(chromium.evaluate(ROW + ".querySelector('.badge.restated').textContent").asText())
                    .isEqualTo("restated r1");
            // Announcements come at most every 15 s (ANNOUNCE_GAP_MS in scorecard.js, so that a screen
            // reader is not flooded): one made just before, on a loaded machine, can hold this one back.
            await("the change announced").atMost(TIMEOUT.multipliedBy(2)).until(() -> chromium.evaluate(
                    "document.getElementById('announcer').textContent").asText().contains(
                    "Cases allocated within 2 working days of referral now 12.3%, RED"));
            await("the highlight of the change to fade").atMost(TIMEOUT).until(() -> chromium.evaluate(
                    "document.getAnimations().every(animation => animation.animationName !== 'flash')").asBoolean());
            Files.write(Path.of("target", "scorecard.png"), chromium.screenshot(WIDTH));

            chromium.open(server.url() + "/?area=N1&periodType=YTD", WIDTH, 1000);
            await("N1's year to date").atMost(TIMEOUT).until(() -> chromium.evaluate(
                    "document.getElementById('caption').textContent.startsWith('North & South of Tyne, Year to date')"
                            + " && document.getElementById('area').value === 'N1'"
                            + " && document.querySelectorAll('#rows .figure').length === " + YTD_INDICATORS).asBoolean());
            assertThat(chromium.evaluate("document.querySelectorAll('#rows .badge.small').length").asInt())
                    .as("few plans end or repeat in a service area: small numbers").isPositive();
            Files.write(Path.of("target", "scorecard-n1-ytd.png"), chromium.screenshot(WIDTH));
            assertThat(chromium.errors()).as("errors in the page").isEmpty();
        }
    }

    /** This year-to-date's national figure of allocations within 2 working days, restated to {@code value}. */
    private static IndicatorSnapshot restated(DemoFigures demo, LocalDate today, double value) {
        IndicatorDefinition indicator = REFERENCE.catalogue().indicator("allocation-within-2wd");
        IndicatorSnapshot figure = demo.figure(indicator, REFERENCE.areas().national(),
                Period.yearToDate(YearMonth.from(today)), Instant.now());
        return IndicatorSnapshot.newBuilder(figure)
                .setNumerator(Math.round(value * figure.getDenominator() / 100))
                .setValue(value)
                .setRag(Rag.RED)
                .setRevision(1)
                .build();
    }
}
