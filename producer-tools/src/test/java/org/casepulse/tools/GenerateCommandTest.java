package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepulse.events.CaseEventJsonl;
import org.casepulse.events.ParsedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final String[] SMALL = {"--from", "2025-04-01", "--to", "2025-05-31", "--referrals-per-day", "40"};

    @TempDir
    Path dir;

    @Test
    void shouldWriteByteIdenticalFilesForTheSameSeedAndOptions() throws IOException {
        String[] faults = {"--amendments", "0.01", "--retractions", "0.01", "--duplicates", "0.01", "--late", "0.02",
            "--malformed", "0.01"};
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        Path otherSeed = dir.resolve("other.jsonl");

        assertThat(generate(first, "--seed", "7", faults).status()).isZero();
        assertThat(generate(second, "--seed", "7", faults).status()).isZero();
        assertThat(generate(otherSeed, "--seed", "8", faults).status()).isZero();

        assertThat(Files.size(first)).isGreaterThan(1_000_000);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(otherSeed)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void shouldSummariseTheRunAndStayQuietOtherwiseWhenNotOnATerminal() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Cli.Result result = generate(file, "--seed", "3", "--malformed", "0.01");

        long lines = Files.lines(file).count();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).matches(String.format(
                "%,d records \\(\\d+ malformed\\) written to %s in 0:\\d\\d \\([\\d,]+ records/s\\): 2025-04-01 to 2025-05-31, "
                        + "21 areas, 40.0 referrals a working day, seed 3\\R", lines, file.toString().replace("\\", "\\\\")));
    }

    @Test
    void shouldWriteToStandardOutputWithTheSummaryOnStandardError() {
        Cli.Result result = Cli.exec(args("--output", "-", "--total", "500"));

        assertThat(result.status()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(500);
        assertThat(lines).allSatisfy(line -> assertThat(CaseEventJsonl.parseLine(line, 1)).isInstanceOf(ParsedLine.Event.class));
        assertThat(result.err()).startsWith("500 records (0 malformed) written to standard output");
    }

    @Test
    void shouldDefaultToTheEighteenMonthsEndingToday() {
        Cli.Result result = Cli.exec("generate", "--output", "-", "--total", "10", "--referrals-per-day", "200");
        assertThat(result.err()).contains(": 2024-09-15 to 2026-03-14, 21 areas, 200.0 referrals a working day, seed 1");
    }

    @Test
    void shouldSizeTheHistoryToATotalAndKeepToTheAreasAsked() throws IOException {
        Path file = dir.resolve("north.jsonl");
        Cli.Result result = Cli.exec("generate", "--from", "2025-01-01", "--to", "2025-06-30", "--areas", "3",
                "--total", "20000", "--output", file.toString());

        assertThat(result.status()).isZero();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(20_000);
        // Sized to about 20,000 records over the whole history, not cut off after a few days.
        assertThat(lines.get(lines.size() - 1)).contains("\"occurredOn\":\"2025-06");
        Set<String> areas = lines.stream().map(line -> ((ParsedLine.Event) CaseEventJsonl.parseLine(line, 1)).event().getAreaCode())
                .collect(Collectors.toSet());
        assertThat(areas).containsExactlyInAnyOrder("N1", "C1", "S1");
    }

    @Test
    void shouldWriteTheWorkforceOfTheSameAreasAndPeriodForReplay() throws IOException {
        Path events = dir.resolve("events.jsonl");
        Path workforce = dir.resolve("workforce.jsonl");
        Cli.Result result = Cli.exec("generate", "--from", "2025-01-01", "--to", "2025-06-30", "--areas", "N1,S3",
                "--referrals-per-day", "10", "--output", events.toString(), "--workforce", workforce.toString());

        assertThat(result.status()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(workforce, StandardCharsets.UTF_8);
        assertThat(result.out()).contains(String.format("%,d workforce facts of 2 areas written to %s", lines.size(), workforce));
        assertThat(lines).allSatisfy(line -> assertThat(org.casepulse.workforce.WorkforceJsonl.parse(line, 1))
                .isInstanceOf(org.casepulse.workforce.WorkforceJsonl.Line.Fact.class));
        assertThat(String.join("\n", lines)).contains("\"areaCode\":\"N1\"", "\"areaCode\":\"S3\"",
                "\"filledBy\":\"AGENCY\"", "\"type\":\"APPRAISAL_COMPLETED\"", "\"type\":\"ABSENCE_RECORDED\"",
                "\"type\":\"QUALIFICATION_RECORDED\"", "\"appraisalRating\":\"GOOD\"");

        Cli.Result dryRun = Cli.exec("replay", workforce.toString(), "--dry-run");
        assertThat(dryRun.out()).contains(String.format("%,d lines read, %,d valid (dry run: nothing sent), 0 rejected",
                lines.size(), lines.size()));
    }

    @Test
    void shouldTypeAssessmentsInitialAndCoreWhenAsked() throws IOException {
        Path file = dir.resolve("initial-core.jsonl");
        Cli.Result result = Cli.exec("generate", "--from", "2025-01-01", "--to", "2025-03-31", "--areas", "NORTH",
                "--referrals-per-day", "100", "--assessment-framework", "initial-core", "--output", file.toString());

        assertThat(result.status()).isZero();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("\"assessmentType\":\"INITIAL\"", "\"assessmentType\":\"CORE\"");

        Cli.Result bad = Cli.exec("generate", "--assessment-framework", "triple", "--output", "-");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--assessment-framework must be single, initial-core or mixed, got triple");
    }

    @Test
    void shouldRefuseBadUsageWithStatusTwo() {
        Cli.Result backwards = Cli.exec("generate", "--from", "2025-05-01", "--to", "2025-04-01", "--output", "-");
        assertThat(backwards.status()).isEqualTo(2);
        assertThat(backwards.err()).contains("--from 2025-05-01 is after --to 2025-04-01");

        Cli.Result rate = Cli.exec(args("--amendments", "1.5", "--output", "-"));
        assertThat(rate.status()).isEqualTo(2);
        assertThat(rate.err()).isEqualTo("generate: amendments rate must be between 0 and 1, got 1.5\n");

        Cli.Result area = Cli.exec(args("--areas", "N1,Q7", "--output", "-"));
        assertThat(area.status()).isEqualTo(2);
        assertThat(area.err()).startsWith("generate: unknown area Q7");

        Cli.Result unknownOption = Cli.exec("generate", "--colour", "blue");
        assertThat(unknownOption.status()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown options: '--colour', 'blue'");

        assertThat(Cli.exec("generate", "--from", "yesterday").status()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAHistoryBeyondTheCalendarInOneLine() {
        Cli.Result result = Cli.exec("generate", "--from", "2027-10-01", "--to", "2028-02-01", "--output", "-");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err().lines()).hasSize(1).first().asString()
                .startsWith("generate: 2028-01-01 is outside the working-day calendar, which covers 2015-01-01 to 2027-12-31");
    }

    @Test
    void shouldNameKafkaInOneLineWhenItDoesNotAnswer() {
        Cli.Result result = Cli.exec(args("--bootstrap-servers", "localhost:1", "--connect-timeout", "1"));
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "generate: Kafka at localhost:1 did not answer within 1 s (is it running, and is the address right?)\n");
    }

    @Test
    void shouldShowHelpWithExamples() {
        Cli.Result result = Cli.exec("generate", "--help");
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("--seed", "--malformed", "--rate", "--assessment-framework", "Examples:");
    }

    private Cli.Result generate(Path file, String option, String value, String... more) {
        List<String> all = new ArrayList<>(List.of(args("--output", file.toString(), option, value)));
        all.addAll(List.of(more));
        return Cli.exec(all.toArray(String[]::new));
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("generate"));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
