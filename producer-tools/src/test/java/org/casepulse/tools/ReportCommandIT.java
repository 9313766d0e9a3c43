package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casepulse-tools report} against a real broker: the known figures and commentary as the board report. */
@WithRealKafka
class ReportCommandIT {
    private static EmbeddedSchemaRegistry registry;
    private static String snapshots;
    private static String commentary;
    private static String bootstrapServers;

    @TempDir
    Path dir;

    @BeforeAll
    static void publish(RealKafka kafka) {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
        snapshots = SnapshotTopicFixture.publishKnownSnapshots(kafka, registry);
        commentary = CommentaryFixture.publish(kafka, registry, List.of(
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-02", "ANALYSIS", 1, "Old text."),
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-02", "ANALYSIS", 2,
                        "N1 allocates <90% within 2 days & improving."),
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-02", "DATA_QUALITY", 1,
                        "Two visits took place but were not recorded on the system."),
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-01", "ACTIONS", 1,
                        "January's actions.")));
        bootstrapServers = kafka.bootstrapServers();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldWriteTheMonthsBoardReport() throws IOException {
        Path html = dir.resolve("report.html");

        Cli.Result result = report("--month", "2026-02", "--area", "NATIONAL", "--output", html.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("National: performance board report, February 2026 written to " + html)
                .contains("1 commentary entries, 1 data-quality notes");
        assertThat(result.err()).isEqualTo("Skipped 1 record that could not be read.\n");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        String row = page.substring(page.indexOf("<tr data-indicator=\"allocation-within-2wd\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("<td class=\"period\">YTD to Feb 2026</td>", ">71.0%</td>", "rag-GREEN", "3,412", "4,806",
                "<td class=\"num\">70.2%</td>", "↑ Improving", "href=\"#note-1\"");
        assertThat(page).contains("Analysis: </span>N1 allocates &lt;90% within 2 days &amp; improving.",
                "Two visits took place but were not recorded on the system.", "(version 2)")
                .doesNotContain("Old text.", "January's actions.");
    }

    @Test
    void shouldRefuseABadMonthOrArea() {
        Cli.Result month = report("--month", "Feb");
        assertThat(month.status()).isEqualTo(2);
        assertThat(month.err()).contains("--month must be YYYY-MM");
        Cli.Result area = report("--month", "2026-02", "--area", "ATLANTIS");
        assertThat(area.status()).isEqualTo(2);
        assertThat(area.err()).contains("--area ATLANTIS is not in hierarchy");
    }

    private static Cli.Result report(String... options) {
        String[] args = new String[options.length + 9];
        args[0] = "report";
        System.arraycopy(options, 0, args, 1, options.length);
        System.arraycopy(new String[] {"--topic", snapshots, "--commentary-topic", commentary, "--bootstrap-servers",
            bootstrapServers, "--schema-registry-url", registry.url()}, 0, args, options.length + 1, 8);
        return Cli.exec(args);
    }
}
