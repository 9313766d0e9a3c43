package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in a JVM of its own, as a user runs it: exit statuses, standard output, and
 * no help from the test JVM's settings (Surefire trusts Avro's classes by a system property; a
 * user's JVM does not).
 */
class MainProcessTest {
    @TempDir
    Path dir;

    @Test
    void shouldGenerateWithFaultsAndExitZero() throws Exception {
        Run run = run("generate", "--from", "2025-04-01", "--to", "2025-04-30", "--referrals-per-day", "20",
                "--amendments", "0.2", "--retractions", "0.1", "--duplicates", "0.1", "--malformed", "0.1", "--output", "-");

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out.lines().count()).isGreaterThan(1000);
        assertThat(run.out).contains("\"revision\":1", "EVENT_RETRACTED");
        assertThat(run.err).contains("records (").doesNotContain("Exception");
    }

    @Test
    void shouldExitTwoOnAUsageError() throws Exception {
        Run run = run("generate", "--rate", "fast");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("Invalid value for option '--rate': 'fast' is not a double");
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CasepulseTools.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("casepulse-tools did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {}
}
