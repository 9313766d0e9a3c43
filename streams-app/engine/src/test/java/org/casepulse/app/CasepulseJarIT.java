package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code casepulse.jar}, run as a user runs it ({@code java -jar}): its version from the
 * manifest, its settings list, an unknown setting stopping start-up, and the log formats.
 */
class CasepulseJarIT {
    private static final Path JAR = Path.of(System.getProperty("casepulse.build.directory", "target"), "casepulse.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldPrintTheReleaseVersionFromTheManifest() throws Exception {
        Finished run = run(Map.of(), "--version");
        assertThat(run.status).isZero();
        assertThat(run.out).isEqualTo("casepulse " + System.getProperty("casepulse.version") + "\n");
    }

    @Test
    void shouldListEverySetting() throws Exception {
        Finished run = run(Map.of(), "settings");
        assertThat(run.status).isZero();
        assertThat(run.out).isEqualTo(CasepulseSettings.declared().markdownTable());
    }

    @Test
    void shouldStopOnAnUnknownSettingNamingItAndTheNearestOne() throws Exception {
        Finished fromEnvironment = run(Map.of("CASEPULSE_HTTP_PROT", "9000"), "describe");
        assertThat(fromEnvironment.status).isEqualTo(1);
        assertThat(fromEnvironment.err).isEqualTo("casepulse: Unknown setting in the environment: CASEPULSE_HTTP_PROT; "
                + "did you mean CASEPULSE_HTTP_PORT (casepulse.http.port)?\n");

        Path config = dir.resolve("casepulse.properties");
        Files.writeString(config, "casepulse.topics.replication-factr=3\n");
        Finished fromFile = run(Map.of(), "describe", "--config", config.toString());
        assertThat(fromFile.status).isEqualTo(1);
        assertThat(fromFile.err).isEqualTo("casepulse: Unknown setting casepulse.topics.replication-factr in " + config
                + "; did you mean casepulse.topics.replication-factor?\n");
    }

    @Test
    void shouldLogDatedLinesOrJsonLinesAsTold() throws Exception {
        String text = firstInfoLine(Map.of());
        assertThat(text).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO .+");

        JsonNode fromEnvironment = JSON.readTree(firstInfoLine(Map.of("CASEPULSE_LOG_FORMAT", "json")));
        assertThat(fromEnvironment.path("level").asText()).isEqualTo("INFO");
        assertThat(fromEnvironment.path("timestamp").asLong()).isPositive();
        assertThat(fromEnvironment.path("message").asText()).isNotBlank();

        Path config = dir.resolve("json.properties");
        Files.writeString(config, "casepulse.log.format=json\n");
        JsonNode fromFile = JSON.readTree(firstInfoLine(Map.of(), "--config", config.toString()));
        assertThat(fromFile.path("level").asText()).isEqualTo("INFO");
    }

    /** Starts {@code run} against a Kafka that is not there, and returns its first INFO line. */
    private String firstInfoLine(Map<String, String> env, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", "--bootstrap-servers", "127.0.0.1:1",
                "-X", "casepulse.topics.create=false", "-X", "casepulse.http.enabled=false",
                "-X", "state.dir=" + dir.resolve("state")));
        args.addAll(List.of(more));
        Process process = start(env, args.toArray(String[]::new));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was stopped
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> infoLine(lines) != null);
            return infoLine(lines);
        } finally {
            process.destroyForcibly(); // a clean stop is not what this test is about
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
    }

    private static String infoLine(List<String> lines) {
        synchronized (lines) {
            return lines.stream().filter(line -> line.contains("INFO")).findFirst().orElse(null);
        }
    }

    private Finished run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile())
                .directory(dir.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("casepulse.jar did not finish within 60 s");
        }
        return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(dir.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private record Finished(int status, String out, String err) {}
}
