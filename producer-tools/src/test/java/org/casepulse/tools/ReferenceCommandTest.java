package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldPrintTheShippedAreasCatalogueAndCalendar() {
        Cli.Result result = Cli.exec("reference");

        assertThat(result.status()).isZero();
        assertThat(result.out())
                .contains("Area hierarchy 2008-09-illustrative: 25 areas (1 national, 3 regions, 21 service areas), "
                        + "11,921,720 children under 18")
                .containsPattern("\n  NATIONAL +National +11,921,720\n    NORTH +North +3,324,320\n      N1 +North & South of Tyne +301,420\n")
                .contains("Indicator catalogue 2026.1: 125 indicators")
                .containsPattern("\n  allocation-within-2wd +allocation-timeliness\\(within 2wd\\) +H +PERCENT +65 +5 +MONTH,YTD "
                        + "+Cases allocated within 2 working days of referral\n")
                .containsPattern("\n  cp-plan-over-2y-at-end +cp-plan-duration-at-end\\(at least 2 years\\) +L")
                .contains("Working-day calendar: England and Wales, 2015-01-01 to 2027-12-31, from the shipped list")
                .contains("  2022: 250 working days, 10 bank holidays on weekdays")
                .contains("Benchmarks seeds-002-004 from the shipped samples: 5 indicators");
    }

    @Test
    void shouldReportWhatTheShippedBenchmarksHold() {
        Cli.Result result = Cli.exec("reference", "--only", "benchmarks");

        assertThat(result.status()).isZero();
        assertThat(result.out())
                .startsWith("Benchmarks seeds-002-004 from the shipped samples: 5 indicators, 2 years from 2008/09 to "
                        + "2016/17; values for England 5, region 2, statistical neighbours 2\n")
                .containsPattern("\n  INDICATOR +YEAR +ENGLAND +REGION +NEIGHBOURS\n")
                .containsPattern("\n  cp-plan-over-2y-at-end +2008/09 +6 +8 +9.1\n")
                .containsPattern("\n  re-referral-12m +2016/17 +24 +- +-\n");
    }

    @Test
    void shouldReportABenchmarksFileItIsGiven() throws IOException {
        Path benchmarks = benchmarksFile("dfe-2024", "re-referral-12m:",
                "  \"2023/24\": {england: 22.4, region: 21.0, neighbours: 23}", "  \"2024/25\": {england: 21.9}");
        Cli.Result result = Cli.exec("reference", "--benchmarks", benchmarks.toString(), "--only", "benchmarks");

        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("Benchmarks dfe-2024 from " + benchmarks + ": 1 indicator, 2 years from "
                + "2023/24 to 2024/25; values for England 2, region 1, statistical neighbours 1\n"
                + "  INDICATOR        YEAR     ENGLAND  REGION  NEIGHBOURS\n"
                + "  re-referral-12m  2023/24  22.4     21      23\n"
                + "  re-referral-12m  2024/25  21.9     -       -\n");
    }

    @Test
    void shouldNameTheNearestIndicatorForABenchmarkTheCatalogueLacks() throws IOException {
        Path benchmarks = benchmarksFile("typo", "re-referral-12m:", "  \"2023/24\": {england: 22.4}",
                "repeat-cp-plans:", "  \"2023/24\": {england: 23}");
        Cli.Result result = Cli.exec("reference", "--benchmarks", benchmarks.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("reference: " + benchmarks + ":5: benchmarks.repeat-cp-plans: no indicator "
                + "repeat-cp-plans in catalogue 2026.1: did you mean repeat-cp-plan?\n");
    }

    @Test
    void shouldNameTheLineAndFieldOfABadYearFromTheEnvironment() throws IOException {
        Path benchmarks = benchmarksFile("bad year", "re-referral-12m:", "  \"2023/24\": {england: 22.4}",
                "  \"2024/26\": {england: 21.9}");
        Cli.Result result = new Cli().env(java.util.Map.of("CASEPULSE_BENCHMARKS", benchmarks.toString()))
                .run("reference", "--only", "areas");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("reference: " + benchmarks + ":5: benchmarks.re-referral-12m.2024/26: "
                + "not a financial year such as 2008/09");
    }

    /** A benchmarks file: line 1 the version, line 2 {@code benchmarks:}, then {@code entries} from line 3. */
    private Path benchmarksFile(String version, String... entries) throws IOException {
        Path file = dir.resolve("benchmarks.yaml");
        StringBuilder yaml = new StringBuilder("version: \"" + version + "\"\nbenchmarks:\n");
        for (String entry : entries) {
            yaml.append("  ").append(entry).append('\n');
        }
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void shouldPrintOnlyThePartsAsked() {
        Cli.Result result = Cli.exec("reference", "--only", "calendar");
        assertThat(result.out()).startsWith("Working-day calendar").doesNotContain("Area hierarchy", "Indicator catalogue");
    }

    @Test
    void shouldPrintAnAreasFileItIsGiven() throws IOException {
        Path areas = dir.resolve("areas.yaml");
        Files.writeString(areas, """
                version: "test"
                national:
                  code: ENG
                  name: England
                  level: NATIONAL
                  children:
                    - {code: T1, name: Team one, level: TEAM, population: 1000}
                    - {code: T2, name: Team two, level: TEAM, population: 2500}
                """);
        Cli.Result result = Cli.exec("reference", "--areas", areas.toString(), "--only", "areas");

        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("""
                Area hierarchy test: 3 areas (1 national, 2 teams), 3,500 children under 18
                  ENG   England          3,500
                    T1  Team one         1,000
                    T2  Team two         2,500
                """);
    }

    @Test
    void shouldReportAMistakeByFileLineAndFieldWithStatusOne() throws IOException {
        Path catalogue = dir.resolve("catalogue.yaml");
        Files.writeString(catalogue, """
                version: "broken"
                indicators:
                  - id: allocation-within-2wd
                    title: Allocations
                    measure: allocation-timeliness
                    parameters:
                      withinWorkingDays: -2
                    polarity: H
                    target: 65
                    periods: [MONTH]
                """);
        Cli.Result result = Cli.exec("reference", "--catalogue", catalogue.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("reference: " + catalogue + ":7: indicators[0].parameters.withinWorkingDays: ");
    }
}
