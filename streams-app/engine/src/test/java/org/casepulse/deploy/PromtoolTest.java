package org.casepulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus configuration and alert rules through Prometheus' own checker, and the alerts'
 * unit tests ({@code alerts.test.yml}). Needs {@code promtool} on the PATH (Debian's
 * {@code prometheus} package; {@code .ci/run} provides it) or at {@code -Dpromtool=PATH}.
 */
class PromtoolTest {
    private static final Path PROMETHEUS = DeploymentFiles.docker().resolve("prometheus");

    @Test
    void shouldAcceptTheConfigurationAndTheRulesItLoads() throws Exception {
        assertPasses("check", "config", "prometheus.yml");
    }

    @Test
    void shouldAcceptTheAlertRules() throws Exception {
        assertPasses("check", "rules", "alerts.yml");
    }

    @Test
    void shouldFireTheAlertsWhenAndOnlyWhenTheirTestsSay() throws Exception {
        assertPasses("test", "rules", "alerts.test.yml");
    }

    @Test
    void shouldReportABrokenRule(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("alerts-broken.yml");
        Files.writeString(broken, """
                groups:
                  - name: broken
                    rules:
                      - alert: Broken
                        expr: sum(rate(casepulse_events_processed_total[5m]) > 
                """);
        Result result = run("check", "rules", broken.toString());
        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    private static void assertPasses(String... arguments) throws Exception {
        Result result = run(arguments);
        assertThat(result.exitCode()).as("promtool %s%n%s", String.join(" ", arguments), result.output()).isZero();
    }

    private static Result run(String... arguments) throws Exception {
        Optional<Path> promtool = promtool();
        assumeTrue(promtool.isPresent(), "promtool not found on the PATH nor at -Dpromtool: "
                + "apt-get install prometheus (or extract usr/bin/promtool from its .deb, as .ci/run does)");
        List<String> command = new ArrayList<>(List.of(promtool.get().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Optional<Path> promtool() {
        String configured = System.getProperty("promtool", "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private record Result(int exitCode, String output) {}
}
