package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags win over the environment, which wins over the --config file, which wins over the defaults: the engine's order. */
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
    void shouldTakeConnectionSettingsFromFlagsThenEnvironmentThenFile() throws IOException {
        String[] toKafka = {"generate", "--to", "2025-04-30", "--connect-timeout", "1"};
        Path config = write("bootstrap-servers=localhost:2\n");
        Path engineConfig = write("bootstrap.servers=localhost:3\ncasepulse.http.port=9000\n");
        Map<String, String> env = Map.of("CASEPULSE_BOOTSTRAP_SERVERS", "localhost:1");

        assertThat(Cli.exec(with(toKafka, "--config", config.toString())).err())
                .startsWith("generate: Kafka at localhost:2 did not answer");
        assertThat(Cli.exec(with(toKafka, "--config", engineConfig.toString())).err())
                .startsWith("generate: Kafka at localhost:3 did not answer");
        Cli.Result fromEnv = new Cli().env(env).run(with(toKafka, "--config", config.toString()));
        assertThat(fromEnv.status()).isEqualTo(1);
        assertThat(fromEnv.err()).startsWith("generate: Kafka at localhost:1 did not answer");
        assertThat(new Cli().env(env).run(with(toKafka, "-X", "bootstrap.servers=localhost:4")).err())
                .startsWith("generate: Kafka at localhost:4 did not answer");
        assertThat(new Cli().env(env).run(with(toKafka, "--bootstrap-servers", "localhost:5", "-X",
                "bootstrap.servers=localhost:4")).err()).startsWith("generate: Kafka at localhost:5 did not answer");
    }

    @Test
    void shouldGiveClientPropertiesToEveryKafkaClientFlagsFirst() throws IOException {
        Path config = write("kafka.security.protocol=FROM_FILE\n");
        Map<String, String> env = Map.of("CASEPULSE_KAFKA_SECURITY_PROTOCOL", "FROM_ENV");
        String[] tail = {"tail", "--once", "--connect-timeout", "1", "--config", config.toString()};
        String[] generate = {"generate", "--to", "2025-04-30", "--connect-timeout", "1", "--config", config.toString()};

        assertThat(Cli.exec(tail).err()).startsWith("tail: a Kafka client or serde setting is wrong: Invalid value FROM_FILE"
                + " for configuration security.protocol: String must be one of");
        assertThat(new Cli().env(env).run(tail).err()).contains("security.protocol").contains("FROM_ENV");
        assertThat(new Cli().env(env).run(with(tail, "-X", "security.protocol=FROM_FLAG")).err())
                .contains("security.protocol").contains("FROM_FLAG");
        assertThat(new Cli().env(env).run(with(generate, "-Xsecurity.protocol=FROM_FLAG")).err())
                .contains("security.protocol").contains("FROM_FLAG");
        assertThat(Cli.exec("export", "--connect-timeout", "1", "-X", "security.protocol=FROM_FLAG").err())
                .contains("security.protocol").contains("FROM_FLAG");
    }

    @Test
    void shouldNameAnUnknownOptionInTheConfigFile() throws IOException {
        Cli.Result result = Cli.exec(with(SMALL, "--config", write("seeed=7\n").toString()));
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("unknown option seeed in the --config file").endsWith("did you mean seed?\n");
        Cli.Result qualified = Cli.exec(with(SMALL, "--config", write("generate.totl=7\n").toString()));
        assertThat(qualified.err()).endsWith("did you mean generate.total?\n");
        Cli.Result setting = Cli.exec(with(SMALL, "-X", "casepulse.catalouge=x.yaml"));
        assertThat(setting.status()).isEqualTo(2);
        assertThat(setting.err()).contains("Unknown setting casepulse.catalouge given to -X; did you mean casepulse.catalogue?");
    }

    @Test
    void shouldApplyTheEnvironmentToTheOptionThatNamesItOnly() {
        // CASEPULSE_AREAS names the area hierarchy file, never generate's choice of areas.
        Cli.Result result = new Cli().env(Map.of("CASEPULSE_AREAS", "/no/such/areas.yaml")).run(SMALL);
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("generate: /no/such/areas.yaml: cannot read the file");
        Cli.Result holidays = new Cli().env(Map.of("CASEPULSE_CALENDAR_BANK_HOLIDAYS", "/no/such/holidays.json",
                "CASEPULSE_HTTP_PORT", "9000")).run("reference", "--only", "calendar");
        assertThat(holidays.status()).isEqualTo(1);
        assertThat(holidays.err()).contains("/no/such/holidays.json");
    }

    @Test
    void shouldRefuseAConfigFileThatCannotBeRead() {
        Cli.Result result = Cli.exec(with(SMALL, "--config", dir.resolve("missing.properties").toString()));
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).startsWith("casepulse-tools: Cannot read the configuration file " + dir.resolve("missing.properties"));
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
