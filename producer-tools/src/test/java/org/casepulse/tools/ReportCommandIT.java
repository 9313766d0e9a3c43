package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casepulse-tools report} against a real broker: the known figures and commentary as the board report. */
@WithRealKafka
class ReportCommandIT {
    private static KnownSnapshotsTopic known;
    private static String commentary;

    @TempDir
    Path dir;

    @BeforeAll
    static void publish(RealKafka kafka) {
        known = KnownSnapshotsTopic.publish(kafka);
        commentary = CommentaryFixture.publish(kafka, known.registry(), List.of(
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-02", "ANALYSIS", 1, "Old text."),
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-02", "ANALYSIS", 2,
                        "N1 allocates <90% within 2 days & improving."),
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-02", "DATA_QUALITY", 1,
                        "Two visits took place but were not recorded on the system."),
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-01", "ACTIONS", 1,
                        "January's actions.")));
    }

    @AfterAll
    static void stopRegistry() {
        known.close();
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
        String[] withCommentary = Arrays.copyOf(options, options.length + 2);
        withCommentary[options.length] = "--commentary-topic";
        withCommentary[options.length + 1] = commentary;
        return known.exec("report", withCommentary);
    }
}
