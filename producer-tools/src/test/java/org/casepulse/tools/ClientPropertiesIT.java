package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client properties from -X, the environment and the --config file reach the serde's registry
 * client, in the one precedence order: a registry that wants a password gets it from any of them.
 */
@WithRealKafka
class ClientPropertiesIT {
    private static final String USER_INFO = "casepulse:s3cret";

    @TempDir
    Path dir;

    @Test
    void shouldGenerateToARegistryThatWantsAPasswordGivenByAnySource(RealKafka kafka) throws IOException {
        String topic = kafka.uniqueTopic("case-events");
        kafka.createTopic(topic, 1);
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().requireBasicAuth(USER_INFO).start("127.0.0.1", 0)) {
            String[] generate = {"generate", "--from", "2025-04-01", "--to", "2025-04-03", "--referrals-per-day", "5",
                "--topic", topic, "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url()};

            Cli.Result without = Cli.exec(generate);
            assertThat(without.status()).isEqualTo(1);
            assertThat(without.err()).contains("Unauthorized");

            Cli.Result flags = Cli.exec(with(generate, "-X", "basic.auth.credentials.source=USER_INFO",
                    "-X", "basic.auth.user.info=" + USER_INFO));
            assertThat(flags.status()).as(flags.err()).isZero();

            Path config = dir.resolve("client.properties");
            Files.writeString(config, "kafka.basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=wrong:password\n");
            Cli.Result envOverFile = new Cli().env(Map.of("CASEPULSE_KAFKA_BASIC_AUTH_USER_INFO", USER_INFO))
                    .run(with(generate, "--config", config.toString()));
            assertThat(envOverFile.status()).as(envOverFile.err()).isZero();

            Cli.Result fileAlone = Cli.exec(with(generate, "--config", config.toString()));
            assertThat(fileAlone.status()).isEqualTo(1);
            assertThat(fileAlone.err()).contains("Unauthorized");
        }
    }

    @Test
    void shouldExportFromARegistryThatWantsAPassword(RealKafka kafka) {
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            String topic = SnapshotTopicFixture.publishKnownSnapshots(kafka, registry);
            registry.requireBasicAuth(USER_INFO);
            String[] export = {"export", "--topic", topic, "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url()};

            Cli.Result without = Cli.exec(export);
            assertThat(without.out().lines().count()).isEqualTo(1); // the header: nothing could be read
            assertThat(without.err()).startsWith("Skipped ");
            Cli.Result result = Cli.exec(with(export, "-X", "basic.auth.credentials.source=USER_INFO",
                    "-X", "basic.auth.user.info=" + USER_INFO));
            assertThat(result.status()).as(result.err()).isZero();
            assertThat(result.out().lines().count()).isEqualTo(25);
            assertThat(result.err()).isEqualTo("Skipped 1 record of " + topic + " that could not be read.\n");
        }
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
