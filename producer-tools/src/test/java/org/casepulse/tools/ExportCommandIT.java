package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.casepulse.tools.scorecard.KnownSnapshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRealKafka
class ExportCommandIT {
    private static final String HEADER = "section,indicatorId,indicatorLabel,indicatorTitle,areaCode,areaName,areaLevel,periodType,periodStart,"
            + "periodEnd,numerator,denominator,value,unit,target,polarity,rag,previousValue,directionOfTravel,"
            + "smallNumbers,revision,computedAt,trend,lastYearValue,outturnValue,sixMonthsValue,benchmarkYear,"
            + "benchmarkEngland,benchmarkRegion,benchmarkNeighbours,commentary";

    private static KnownSnapshotsTopic known;

    @TempDir
    Path dir;

    @BeforeAll
    static void publish(RealKafka kafka) {
        known = KnownSnapshotsTopic.publish(kafka);
    }

    @AfterAll
    static void stopRegistry() {
        known.close();
    }

    @Test
    void shouldWriteEveryCurrentFigureInCatalogueAndHierarchyOrder() throws IOException {
        Path csv = dir.resolve("snapshots.csv");

        Cli.Result result = export("--output", csv.toString());

        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("24 figures written to " + csv + "\n");
        assertThat(result.err()).isEqualTo("Skipped 1 record of " + known.topic() + " that could not be read.\n");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + KnownSnapshots.board().size());
        assertThat(lines.subList(0, 6)).containsExactly(
                HEADER,
                "\"allocation and workload\",allocation-within-2wd,,\"Cases allocated within 2 working days of referral\",NATIONAL,National,NATIONAL,"
                        + "MONTH,2026-02-01,2026-02-28,290,400,72.5,PERCENT,65,H,GREEN,,NOT_COMPARABLE,false,1,"
                        + "2026-03-14T09:00:00Z,,,,,,,,,",
                "\"allocation and workload\",allocation-within-2wd,,\"Cases allocated within 2 working days of referral\",NATIONAL,National,NATIONAL,"
                        + "YTD,2025-04-01,2026-01-31,3100,4416,70.2,PERCENT,65,H,GREEN,,NOT_COMPARABLE,false,0,"
                        + "2026-03-14T09:00:00Z,,,,,,,,,",
                "\"allocation and workload\",allocation-within-2wd,,\"Cases allocated within 2 working days of referral\",NATIONAL,National,NATIONAL,"
                        + "YTD,2025-04-01,2026-02-28,3412,4806,71,PERCENT,65,H,GREEN,70.2,IMPROVING,false,0,"
                        + "2026-03-14T09:00:00Z,,,,,,,,,",
                "\"allocation and workload\",allocation-within-2wd,,\"Cases allocated within 2 working days of referral\",NORTH,North,REGION,"
                        + "YTD,2025-04-01,2026-02-28,900,1497,60.1,PERCENT,65,H,AMBER,,NOT_COMPARABLE,false,0,"
                        + "2026-03-14T09:00:00Z,,,,,,,,,",
                "\"allocation and workload\",allocation-within-2wd,,\"Cases allocated within 2 working days of referral\",N1,\"North & South of Tyne\","
                        + "SERVICE_AREA,YTD,2025-04-01,2026-02-28,850,1000,85,PERCENT,65,H,GREEN,,NOT_COMPARABLE,false,0,"
                        + "2026-03-14T09:00:00Z,,,,,,,,,");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
                "demand,referral-rate-per-10k,,\"Referrals per 10,000 children under 18\",NATIONAL,National,NATIONAL,R12M,"
                        + "2025-03-01,2026-02-28,17375,322813,538.2,RATE_PER_10K,,NONE,NOT_RATED,507.4,UP,false,0,"));
        assertThat(lines).noneMatch(line -> line.contains(",cp-visits-in-timescale,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
                "\"allocation and workload\",average-caseload,,\"Average caseload of workers holding cases\",S7,"));
        assertThat(lines.get(lines.size() - 1)).as("sections in the catalogue's order").startsWith("demand,referral-rate-per-10k,");
    }

    @Test
    void shouldWriteToStandardOutputByDefault() {
        Cli.Result result = export();

        assertThat(result.status()).isZero();
        assertThat(result.out().lines().toList()).hasSize(25).first().isEqualTo(HEADER);
    }

    @Test
    void shouldWithholdNothingForPublicationWhenNoCountIsSmall() {
        Cli.Result exact = export();
        Cli.Result published = export("--public");

        assertThat(published.status()).isZero();
        // The known figures hold no count of 1 to 4 (the smallest is 8 of 9), so nothing is withheld.
        assertThat(published.out()).isEqualTo(exact.out()).doesNotContain(",c,");
    }

    @Test
    void shouldCarryTheMonthsCommentaryExceptInThePublicView(RealKafka kafka) {
        String commentary = CommentaryFixture.publish(kafka, known.registry(), List.of(
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-02", "ANALYSIS", 1,
                        "Allocation held up, \"despite\" two vacancies."),
                CommentaryFixture.comment("allocation-within-2wd", "NATIONAL", "2026-02", "DATA_QUALITY", 1,
                        "First extract\nfrom the new system."),
                CommentaryFixture.deletion("allocation-within-2wd", "NATIONAL", "2026-01", "ANALYSIS", 2)));

        Cli.Result result = export("--commentary-topic", commentary);

        assertThat(result.status()).isZero();
        assertThat(result.out().lines().filter(line -> line.contains(",NATIONAL,National,NATIONAL,MONTH,2026-02-01,")))
                .singleElement().asString().endsWith(",\"Analysis: Allocation held up, \"\"despite\"\" two vacancies. | "
                        + "Data-quality note: First extract");
        assertThat(result.out()).contains("\nfrom the new system.\"\n");
        assertThat(export("--commentary-topic", commentary, "--public").out()).doesNotContain("Allocation held up");
    }

    private static Cli.Result export(String... options) {
        return known.exec("export", options);
    }
}
