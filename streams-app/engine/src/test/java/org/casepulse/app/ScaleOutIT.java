package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.events.CaseEvent;
import org.casepulse.oracle.ExpectedFigure;
import org.casepulse.oracle.FigureKey;
import org.casepulse.oracle.RandomHistories;
import org.casepulse.oracle.ReferenceComputation;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.RunningCasepulse;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the application under one application id share the partitions; one is killed
 * (a separate JVM, destroyed without warning) while events are in flight, and the other takes its
 * tasks over. The published figures must then be exactly those of the reference computation,
 * which a single instance reproduces (DifferentialTest): nothing lost, nothing counted twice.
 */
@WithRealKafka
class ScaleOutIT {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final LocalDate TODAY = LocalDate.parse("2025-05-14");
    private static final Duration SETTLE = Duration.ofSeconds(150);

    @Test
    void shouldPublishTheSingleInstanceFiguresWhenOneOfTwoInstancesIsKilledMidStream(
            RealKafka kafka, @TempDir Path stateDir, @TempDir Path otherStateDir, @TempDir Path work) throws Exception {
        List<CaseEvent> events = RandomHistories.generate(11, 60, TODAY);
        List<CaseEvent> first = events.subList(0, events.size() / 2);
        List<CaseEvent> second = events.subList(events.size() / 2, events.size());

        try (RunningCasepulse survivor = RunningCasepulse.start(kafka, stateDir, TODAY.toString(), settings -> settings
                .with(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1)
                .with(CasepulseSettings.TOPIC_PARTITIONS, 4)
                // A killed member is noticed after its session times out; keep that short here.
                .with("consumer.session.timeout.ms", 6000)
                .with("consumer.heartbeat.interval.ms", 1000))) {
            Process victim = startInAnotherJvm(survivor.settings()
                    .with(CasepulseSettings.SCHEMA_REGISTRY_URL, survivor.schemaRegistryUrl())
                    .with(StreamsConfig.STATE_DIR_CONFIG, otherStateDir)
                    .with(CasepulseSettings.HTTP_ENABLED, false), work);
            try {
                String group = survivor.settings().get(StreamsConfig.APPLICATION_ID_CONFIG);
                await().atMost(Duration.ofSeconds(90)).until(() -> members(kafka, group) == 2);

                survivor.send(first.toArray(CaseEvent[]::new));
                try (TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots = survivor.snapshots(kafka)) {
                    snapshots.readAtLeast(1, Duration.ofSeconds(60)); // both are processing
                }
                survivor.send(second.toArray(CaseEvent[]::new));
                assertThat(victim.isAlive()).as("the other instance was still running when killed").isTrue();
                victim.destroyForcibly().waitFor();
            } finally {
                victim.destroyForcibly();
            }

            Map<String, ExpectedFigure> expected = new HashMap<>();
            ReferenceComputation.compute(events, REFERENCE, TODAY, 13)
                    .forEach((key, figure) -> expected.put(key.toString(), figure));
            try (TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots = survivor.snapshots(kafka)) {
                Map<String, IndicatorSnapshot> current = new HashMap<>();
                List<String> differences = new ArrayList<>();
                try {
                    snapshots.readUntil(records -> {
                        records.forEach(record -> current.put(FigureKey.of(record.key()).toString(), record.value()));
                        differences.clear();
                        differences.addAll(differences(expected, current));
                        return differences.isEmpty();
                    }, SETTLE);
                } catch (AssertionError notSettled) {
                    // the differences left at the deadline say more than the records read
                }
                assertThat(expected).hasSizeGreaterThan(200);
                assertThat(differences).as("differences from the single-instance figures").isEmpty();
            }
        }
    }

    private static List<String> differences(Map<String, ExpectedFigure> expected, Map<String, IndicatorSnapshot> current) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        current.forEach((key, snapshot) -> {
            if (snapshot != null) {
                keys.add(key);
            }
        });
        for (String key : keys) {
            IndicatorSnapshot actual = current.get(key);
            ExpectedFigure wanted = expected.get(key);
            if (actual == null) {
                differences.add(key + ": missing");
            } else if (wanted == null) {
                differences.add(key + ": not expected");
            } else {
                wanted.mismatches(actual).forEach(m -> differences.add(key + ": " + m));
            }
        }
        return differences;
    }

    private static int members(RealKafka kafka, String group) throws Exception {
        return kafka.admin().describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
    }


    /** The engine's own command line in a child JVM, on this test's class path. */
    private static Process startInAnotherJvm(CasepulseSettings settings, Path work) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings.asMap());
        Path config = work.resolve("other-instance.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "second instance of the scale-out test");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Casepulse.class.getName(),
                "run", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("other-instance.log").toFile())
                .start();
    }
}
