package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casepulse.scorecard.Figures.percent;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepulse.commentary.CommentaryKind;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.commentary.Comment;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board report printed to PDF by headless Chromium, as a reader would with the browser's
 * "print to PDF": A4 landscape pages, more than one (a page per section), and the figures and
 * commentary in the PDF's text. Skipped, saying why, only when Chromium is not installed.
 */
@WithRealKafka
class BoardReportPdfIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final LocalDate MARCH_END = LocalDate.of(2026, 3, 31);
    private static final float A4_LONG = 841.9f;
    private static final float A4_SHORT = 595.3f;

    @TempDir
    Path dir;

    @Test
    void shouldPrintAsA4LandscapePagesWithTheFigures(RealKafka kafka) throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.isInstalled(), "Chromium is not installed at "
                + HeadlessChromium.binary() + " (apt-get install chromium, or -D" + HeadlessChromium.BINARY_PROPERTY
                + "=PATH): the PDF cannot be printed");
        List<IndicatorSnapshot> published = new ArrayList<>();
        published.add(percent("allocation-within-2wd", "NORTH", AreaLevel.REGION, PeriodType.YTD, MARCH_END, 59.6,
                Rag.RED).setNumerator(725L).setDenominator(1216L).setPreviousValue(61.4).build());
        published.add(percent("allocation-within-2wd", "N6", AreaLevel.SERVICE_AREA, PeriodType.YTD, MARCH_END, 44.8,
                Rag.RED).build());
        published.add(percent("children-in-care-fostered", "NORTH", AreaLevel.REGION, PeriodType.SNAPSHOT, MARCH_END,
                77.7, Rag.GREEN).setNumerator(1419L).setDenominator(1827L).build());
        CommentaryStore commentary = CommentaryStore.inMemory();
        commentary.write(new Comment("allocation-within-2wd", "NORTH", YearMonth.of(2026, 3), CommentaryKind.ANALYSIS,
                1, "w1", "Allocation slowed while two posts were vacant.", "north-manager",
                Instant.parse("2026-04-02T09:00:00Z"), false));
        commentary.write(new Comment("children-in-care-fostered", "NORTH", YearMonth.of(2026, 3),
                CommentaryKind.DATA_QUALITY, 1, "w2", "First extract from the new placements module.", "north-manager",
                Instant.parse("2026-04-02T09:05:00Z"), false));

        try (SnapshotTopic topic = SnapshotTopic.create(kafka, 1)) {
            topic.publish(published);
            try (SnapshotView view = topic.startView()) {
                await().atMost(TIMEOUT).until(() -> view.isCaughtUp() && view.figures().size() == published.size());
                OperationsServer server = OperationsServer.start(OperationsSettings.of("127.0.0.1", 0), view, commentary,
                        ReferenceData.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        EngineHealth.of(() -> KafkaStreams.State.RUNNING));
                try {
                    Path pdf = print(server.url() + "/report?area=NORTH&month=2026-03");
                    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                        assertThat(document.getNumberOfPages()).as("a page per section at least").isGreaterThan(1);
                        for (PDPage page : document.getPages()) {
                            assertThat(page.getMediaBox().getWidth()).as("landscape width").isCloseTo(A4_LONG,
                                    org.assertj.core.data.Offset.offset(2f));
                            assertThat(page.getMediaBox().getHeight()).as("landscape height").isCloseTo(A4_SHORT,
                                    org.assertj.core.data.Offset.offset(2f));
                        }
                        String text = new PDFTextStripper().getText(document);
                        assertThat(text).contains("performance scorecard", "North (NORTH), March 2026", "Contents", "59.6%", "61.4%",
                                "1,216", "77.7%", "1,827", "N6 (44.8%)", "Allocation slowed while two posts were vacant.",
                                "First extract from the new placements module.", "Data-quality notes");
                        // The table header is printed again on each page a section's table runs onto.
                        String header = "Benchmark";
                        assertThat(text.split(header, -1).length - 1).isGreaterThanOrEqualTo(
                                (int) ReferenceData.defaults().catalogue().indicators().stream()
                                        .map(indicator -> indicator.section()).distinct().count());
                    }
                } finally {
                    server.close();
                }
            }
        }
    }

    private Path print(String url) throws Exception {
        Path pdf = dir.resolve("report.pdf");
        Process chromium = new ProcessBuilder(HeadlessChromium.binary().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--user-data-dir=" + dir.resolve("profile"),
                "--no-pdf-header-footer", "--print-to-pdf=" + pdf, url)
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(chromium.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("Chromium printed within " + TIMEOUT)
                .isTrue();
        assertThat(Files.exists(pdf)).as(Files.readString(dir.resolve("chromium.log"))).isTrue();
        return pdf;
    }
}
