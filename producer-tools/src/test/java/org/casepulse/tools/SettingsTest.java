package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags win over the --config file, which wins over the environment, which wins over the defaults. */
class SettingsTest {
    private static final String[] SMALL = {"generate", "--from", "2025-04-01", "--to", "2025-04-30",
        "--referrals-per-day", "40", "--output", "-"};

    @TempDir
    Path dir;

    @Test
    void shouldTakeSettingsFromTheConfigFileWithCommandKeysFirst() throws IOException {
        Path config = write("total=100\ngenerate.total=70\n");

        assertThat(lines(Cli.exec(with(SMALL, "--config", config.toString())))).isEqualTo(70);
        assertThat(lines(Cli.exec(with(SMALL, "--config=" + config)))).isEqualTo(70);
        assertThat(lines(Cli.exec(with(SMALL, "--config", config.toString(), "--total", "50")))).isEqualTo(50);
    }

    @Test
    void shouldFallBackOnTheEnvironmentForConnectionSettings() throws IOException {
        Map<String, String> env = Map.of("CASEPULSE_BOOTSTRAP_SERVERS", "localhost:1");
        String[] toKafka = {"generate", "--to", "2025-04-30", "--connect-timeout", "1"};

        Cli.Result fromEnv = new Cli().env(env).run(toKafka);
        assertThat(fromEnv.status()).isEqualTo(1);
        assertThat(fromEnv.err()).startsWith("generate: Kafka at localhost:1 did not answer");

        Path config = write("bootstrap-servers=localhost:2\n");
        Cli.Result fromFile = new Cli().env(env).run(with(toKafka, "--config", config.toString()));
        assertThat(fromFile.err()).startsWith("generate: Kafka at localhost:2 did not answer");
    }

    @Test
    void shouldApplyTheEnvironmentToTheOptionThatNamesItOnly() {
        // CASEPULSE_AREAS names the area hierarchy file, never generate's choice of areas.
        Cli.Result result = new Cli().env(Map.of("CASEPULSE_AREAS", "/no/such/areas.yaml")).run(SMALL);
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("generate: /no/such/areas.yaml: cannot read the file");
    }

    @Test
    void shouldRefuseAConfigFileThatCannotBeRead() {
        Cli.Result result = Cli.exec(with(SMALL, "--config", dir.resolve("missing.properties").toString()));
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).startsWith("casepulse-tools: cannot read the --config file");
    }

    @Test
    void shouldAskForACommand() {
        Cli.Result result = Cli.exec();
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command").contains("Usage: casepulse-tools");
        assertThat(Cli.exec("--help").status()).isZero();
    }

    private Path write(String properties) throws IOException {
        Path file = Files.createTempFile(dir, "settings", ".properties");
        Files.writeString(file, properties);
        return file;
    }

    private static long lines(Cli.Result result) {
        assertThat(result.status()).as(result.err()).isZero();
        return result.out().lines().count();
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
