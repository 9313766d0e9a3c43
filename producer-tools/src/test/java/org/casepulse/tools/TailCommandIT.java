package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;

import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.casepulse.tools.scorecard.KnownSnapshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithRealKafka
class TailCommandIT {
    private static KnownSnapshotsTopic known;

    @BeforeAll
    static void publish(RealKafka kafka) {
        known = KnownSnapshotsTopic.publish(kafka);
    }

    @AfterAll
    static void stopRegistry() {
        known.close();
    }

    @Test
    void shouldPrintTheCurrentScorecardOnceInPlainText() {
        Cli.Result result = tail("--once");

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        // The shipped catalogue: the known figures' rows as the renderer lays them out (its own test
        // pins the layout on the 17 indicators shipped before issue 12), the others "no figure".
        org.casepulse.reference.AreaHierarchy areas = org.casepulse.reference.AreaHierarchy.defaults();
        org.casepulse.indicators.IndicatorCatalogue catalogue = org.casepulse.indicators.IndicatorCatalogue.defaults();
        String expected = org.casepulse.tools.scorecard.ScorecardRenderer.render(org.casepulse.scorecard.Scorecard.of(
                KnownSnapshots.board(), catalogue, areas, areas.national(), null, null, null), catalogue, false, true);
        assertThat(result.out()).isEqualTo(expected + "Skipped 1 record of " + known.topic() + " that could not be read.\n")
                .contains("\n  Allocation and workload\n", "\n  Children in care\n",
                        "  Cases allocated within 2 working days of referral         H    YTD to 2026-02   65.0%   71.0%");
    }

    @Test
    void shouldFocusOnTheAreaPeriodAndMonthAsked() {
        Cli.Result result = tail("--once", "--area", "NORTH", "--period", "ytd", "--month", "2026-02");

        assertThat(result.status()).isZero();
        assertThat(result.out())
                .startsWith("Casepulse scorecard: North (NORTH), figures as of 2026-02-28\nPeriod: YTD\n")
                .containsPattern("Cases allocated within 2 working days of referral +H +YTD to 2026-02 +65.0% +60.1% +AMBER"
                        + " +- +900 / 1,497 +N1 \\(85.0%\\) +N6 \\(44.8%\\), N3 \\(53.3%\\)\n");
    }

    @Test
    void shouldRefuseAnUnknownAreaOrTwoPeriodEnds() {
        Cli.Result unknown = tail("--once", "--area", "ATLANTIS");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("tail: --area ATLANTIS is not in the area hierarchy");

        Cli.Result both = tail("--once", "--month", "2026-02", "--as-of", "2026-02-01");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void shouldRedrawWhenFiguresChangeUntilInterrupted(RealKafka kafka) throws InterruptedException {
        String liveTopic = SnapshotTopicFixture.publishKnownSnapshots(kafka, known.registry());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolContext context = ToolContext.of(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream(),
                Map.of(), false, Cli.CLOCK);
        AtomicInteger status = new AtomicInteger(-1);
        Thread tail = new Thread(() -> status.set(CasepulseTools.execute(new String[] {"tail", "--refresh", "0",
            "--topic", liveTopic, "--bootstrap-servers", known.bootstrapServers(),
            "--schema-registry-url", known.registry().url()},
                context)));
        tail.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> out.toString(StandardCharsets.UTF_8).contains("S7 (12.0)"));
            IndicatorSnapshot better = KnownSnapshots.figure("average-caseload", "S7", PeriodType.SNAPSHOT, "2026-03-14")
                    .setNumerator(1150).setDenominator(100L).setValue(11.5).setRag(Rag.GREEN).build();
            SnapshotTopicFixture.publish(kafka, known.registry(), liveTopic,
                    List.of(new KnownSnapshots.Published(KnownSnapshots.key(better), better)));
            await().atMost(Duration.ofSeconds(30)).until(() -> out.toString(StandardCharsets.UTF_8).contains("S7 (11.5)"));
        } finally {
            tail.interrupt();
            tail.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(tail.isAlive()).isFalse();
        assertThat(status.get()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\u001B");
    }

    @Test
    void shouldSayInOneLineWhenTheTopicDoesNotExist() {
        Cli.Result result = Cli.exec("tail", "--once", "--topic", "no-such-snapshots",
                "--bootstrap-servers", known.bootstrapServers(), "--schema-registry-url", known.registry().url());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("tail: Kafka at " + known.bootstrapServers()
                + " has no topic no-such-snapshots (has Casepulse run yet?)\n");
    }

    private static Cli.Result tail(String... options) {
        return known.exec("tail", options);
    }
}
