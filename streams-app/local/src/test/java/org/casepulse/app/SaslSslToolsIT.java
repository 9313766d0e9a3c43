package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.events.CaseEventJsonl;
import org.casepulse.metrics.Metrics;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.SaslSslBroker;
import org.casepulse.testing.WithSaslSslBroker;
import org.casepulse.tools.CasepulseTools;
import org.casepulse.tools.ToolContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every producer tool against the broker that only speaks SASL_SSL, configured by environment
 * variables alone (the same {@code CASEPULSE_*} variables as the application, no flag or file):
 * generate writes events, replay writes the lines of an extract, which the application counts,
 * and tail and export read the figures the application published.
 */
@WithSaslSslBroker
class SaslSslToolsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String GENERATED = "casepulse.generated-events";

    @TempDir
    Path dir;

    @Test
    void shouldRunEveryToolAgainstSaslSslConfiguredByEnvironmentOnly(SaslSslBroker secured) throws Exception {
        Map<String, String> environment = secured.clientEnvironment(SaslSslBroker.PASSWORD);
        CasepulseSettings settings = CasepulseSettings.load(Optional.empty(),
                secured.applicationEnvironment(SaslSslBroker.PASSWORD));
        try (CasepulseApplication application = new CasepulseApplication(settings, Metrics.prometheus())) {
            KafkaStreams streams = application.start();
            await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            // generate: a few days of history to its own topic, then counted there.
            createTopic(settings, GENERATED);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            Tool generate = tool(environment, "generate", "--from", today.minusDays(10).toString(),
                    "--to", today.minusDays(8).toString(), "--referrals-per-day", "3", "--areas", "N1", "--topic", GENERATED);
            assertThat(generate.status()).as(generate.err()).isZero();
            assertThat(recordsIn(settings, GENERATED)).isPositive();

            // replay: an extract's lines to the application's input, which counts them.
            String referred = today.minusDays(3).toString();
            CaseEvents events = CaseEvents.forCase("case-replayed", "child-replayed");
            Path extract = dir.resolve("extract.jsonl");
            Files.write(extract, List.of(CaseEventJsonl.toLine(events.referral("N1", referred)),
                    CaseEventJsonl.toLine(events.allocation("N1", referred, "worker-1"))));
            Tool replay = tool(environment, "replay", extract.toString());
            assertThat(replay.status()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("2 lines read, 2 sent to " + settings.topics().caseEvents());

            // export and tail: the figure the application published from the replayed lines.
            await().atMost(TIMEOUT).untilAsserted(() -> {
                Tool export = tool(environment, "export");
                assertThat(export.status()).as(export.err()).isZero();
                assertThat(export.out().lines())
                        .anyMatch(line -> line.contains(",allocation-within-2wd,") && line.contains(",NATIONAL,")
                                && line.contains(",YTD,"));
            });
            Tool tail = tool(environment, "tail", "--once");
            assertThat(tail.status()).as(tail.err()).isZero();
            assertThat(tail.out()).contains("Cases allocated within 2 working days of referral");
        }
    }

    /** What one run of casepulse-tools printed and returned. */
    private record Tool(int status, String out, String err) {}

    /** Runs casepulse-tools in this JVM with only {@code environment} (no flag or file) for settings. */
    private static Tool tool(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ToolContext context = ToolContext.of(new ByteArrayInputStream(new byte[0]), out, err, environment, false,
                Clock.systemUTC());
        int status = CasepulseTools.execute(args, context);
        context.out().flush();
        context.err().flush();
        return new Tool(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void createTopic(CasepulseSettings settings, String topic) throws Exception {
        try (Admin admin = Admin.create(clientConfig(settings, AdminClientConfig.configNames()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static long recordsIn(CasepulseSettings settings, String topic) {
        Map<String, Object> config = clientConfig(settings, ConsumerConfig.configNames());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(Set.of(partition), Duration.ofSeconds(30)).get(partition);
        }
    }

    /** The settings' Kafka client keys that a client of this kind knows. */
    private static Map<String, Object> clientConfig(CasepulseSettings settings, Set<String> known) {
        Map<String, Object> config = SaslSslBroker.clientConfig(settings.passThrough(), known);
        config.put("bootstrap.servers", settings.bootstrapServers());
        return config;
    }
}
