package org.casepulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.events.CaseEvent;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceKeys;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.ReferenceData;
import org.casepulse.serde.SpecificAvroSerde;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.topology.CasepulseTopology;
import org.casepulse.topology.RegistryOutage;
import org.casepulse.topics.Topics;
import org.casepulse.topology.FlushCadence;
import org.casepulse.topology.TopologySettings;

/**
 * The whole topology under TopologyTestDriver, with the clock driven by the driver's wall time:
 * the day is the wall-clock date in London, so advancing the driver advances the day.
 */
public final class TopologyHarness implements AutoCloseable {

    public static final Duration FLUSH = Duration.ofMillis(500);
    /** The engine's default (512 KiB). */
    public static final int DEFAULT_CASE_STATE_LIMIT = 512 * 1024;
    private static final Map<String, Object> SERDE_CONFIG = Map.of("schema.registry.url", "memory://test");

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, CaseEvent> events;
    private final TestInputTopic<String, byte[]> raw;
    private final TestInputTopic<String, WorkforceEvent> workforce;
    private final TestInputTopic<String, byte[]> rawWorkforce;
    private final SpecificAvroSerializer<WorkforceEvent> workforceSerializer;
    private final SpecificAvroSerializer<CaseEvent> serializer;
    private final TestOutputTopic<IndicatorSnapshotKey, IndicatorSnapshot> snapshots;
    private final TestOutputTopic<String, byte[]> deadLetters;
    private final PipelineMetrics metrics = PipelineMetrics.discarding();
    private final Path stateDir;
    private final Map<IndicatorSnapshotKey, IndicatorSnapshot> current = new LinkedHashMap<>();
    private final List<IndicatorSnapshot> emitted = new ArrayList<>();

    private TopologyHarness(ReferenceData reference, BusinessClock clock, Instant start, int reportingMonths,
                            int caseStateLimitBytes) {
        // One interval whatever the events' timestamps (their recordedAt, mostly long before the
        // driver's clock), so that flush() is one flush of every stage.
        this(reference, clock, start, reportingMonths, caseStateLimitBytes, FlushCadence.every(FLUSH));
    }

    private TopologyHarness(ReferenceData reference, BusinessClock clock, Instant start, int reportingMonths,
                            int caseStateLimitBytes, FlushCadence cadence) {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        var eventSerde = new SpecificAvroSerde<>(registry, CaseEvent.class);
        eventSerde.configure(SERDE_CONFIG, false);
        var workforceSerde = new SpecificAvroSerde<>(registry, WorkforceEvent.class);
        workforceSerde.configure(SERDE_CONFIG, false);
        var keySerde = new SpecificAvroSerde<>(registry, IndicatorSnapshotKey.class);
        keySerde.configure(SERDE_CONFIG, true);
        var snapshotSerde = new SpecificAvroSerde<>(registry, IndicatorSnapshot.class);
        snapshotSerde.configure(SERDE_CONFIG, false);

        TopologySettings settings = new TopologySettings(Topics.defaults(), reference, clock, cadence,
                Duration.ofSeconds(30), reportingMonths, eventSerde.deserializer(), keySerde, snapshotSerde, metrics,
                caseStateLimitBytes, new RegistryOutage(), workforceSerde.deserializer());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "casepulse-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // A directory of its own: RocksDB state left by another run (or another build on this
        // machine, all with this application id) must not be read back as this test's.
        stateDir = temporaryDirectory();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(CasepulseTopology.build(settings, props), props, start);

        serializer = new SpecificAvroSerializer<>(registry);
        serializer.configure(SERDE_CONFIG, false);
        events = driver.createInputTopic(Topics.CASE_EVENTS, Serdes.String().serializer(), serializer);
        workforceSerializer = new SpecificAvroSerializer<>(registry);
        workforceSerializer.configure(SERDE_CONFIG, false);
        workforce = driver.createInputTopic(Topics.WORKFORCE, Serdes.String().serializer(), workforceSerializer);
        rawWorkforce = driver.createInputTopic(Topics.WORKFORCE, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        raw = driver.createInputTopic(Topics.CASE_EVENTS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        snapshots = driver.createOutputTopic(Topics.SNAPSHOTS, keySerde.deserializer(), snapshotSerde.deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    /** Today is the London date of the driver's wall clock, which starts at noon on {@code today}. */
    public static TopologyHarness onWallClock(ReferenceData reference, LocalDate today) {
        return onWallClock(reference, today, DEFAULT_CASE_STATE_LIMIT);
    }

    /** As {@link #onWallClock(ReferenceData, LocalDate)}, with a case-state limit of the caller's choice. */
    public static TopologyHarness onWallClock(ReferenceData reference, LocalDate today, int caseStateLimitBytes) {
        return new TopologyHarness(reference, BusinessClock.wall(), CaseEvents.noon(today.toString()), 13,
                caseStateLimitBytes);
    }

    /** As {@link #onWallClock(ReferenceData, LocalDate)}, flushing on {@code cadence} (advance the clock yourself). */
    public static TopologyHarness onWallClock(ReferenceData reference, LocalDate today, FlushCadence cadence) {
        return new TopologyHarness(reference, BusinessClock.wall(), CaseEvents.noon(today.toString()), 13,
                DEFAULT_CASE_STATE_LIMIT, cadence);
    }

    /** Today is fixed, whatever the driver's wall clock says. */
    public static TopologyHarness asOf(ReferenceData reference, LocalDate today, int reportingMonths) {
        return new TopologyHarness(reference, BusinessClock.fixed(today), CaseEvents.noon(today.toString()), reportingMonths,
                DEFAULT_CASE_STATE_LIMIT);
    }

    public TopologyHarness send(CaseEvent... caseEvents) {
        for (CaseEvent event : caseEvents) {
            events.pipeInput(event.getCaseId(), event, event.getRecordedAt());
        }
        return this;
    }

    /** Sends workforce facts under the key the contract asks for (WorkforceKeys). */
    public TopologyHarness sendWorkforce(List<WorkforceEvent> facts) {
        for (WorkforceEvent fact : facts) {
            workforce.pipeInput(WorkforceKeys.recordKey(fact), fact, fact.getRecordedAt());
        }
        return this;
    }

    /** Sends bytes to the workforce topic under a key of the caller's choice. */
    public TopologyHarness sendRawWorkforce(String key, byte[] value) {
        rawWorkforce.pipeInput(key, value);
        return this;
    }

    public byte[] serialize(WorkforceEvent fact) {
        return workforceSerializer.serialize(Topics.WORKFORCE, fact);
    }

    public TopologyHarness send(List<CaseEvent> caseEvents) {
        return send(caseEvents.toArray(CaseEvent[]::new));
    }

    /** Sends an event under a key of the caller's choice (the engine requires the caseId). */
    public TopologyHarness sendKeyed(String key, CaseEvent event) {
        events.pipeInput(key, event, event.getRecordedAt());
        return this;
    }

    public TopologyHarness sendRaw(String key, byte[] value) {
        raw.pipeInput(key, value);
        return this;
    }

    /** Sends bytes with headers of the caller's choice (a producer may send anything). */
    public TopologyHarness sendRaw(String key, byte[] value, Headers headers) {
        raw.pipeInput(new TestRecord<>(key, value, headers));
        return this;
    }

    /** The bytes our serde writes for {@code event}: the Confluent wire format, with the harness' registry. */
    public byte[] serialize(CaseEvent event) {
        return serializer.serialize(Topics.CASE_EVENTS, event);
    }

    /** Lets pending changes travel through every stage (case, child and worker ledgers, then series). */
    public TopologyHarness flush() {
        for (int stage = 0; stage < 3; stage++) {
            driver.advanceWallClockTime(FLUSH);
        }
        return this;
    }

    /** Moves the wall clock on by {@code duration} and nothing more (each punctuation due fires once). */
    public TopologyHarness tick(Duration duration) {
        driver.advanceWallClockTime(duration);
        return this;
    }

    /** Moves the wall clock on (punctuations fire as they fall due). */
    public TopologyHarness advance(Duration duration) {
        driver.advanceWallClockTime(duration);
        return flush();
    }

    /** The figures standing now: the latest per key, withdrawals removed. */
    public Map<IndicatorSnapshotKey, IndicatorSnapshot> current() {
        for (TestRecord<IndicatorSnapshotKey, IndicatorSnapshot> record : snapshots.readRecordsToList()) {
            if (record.value() == null) {
                current.remove(record.key());
            } else {
                current.put(record.key(), record.value());
                emitted.add(record.value());
            }
        }
        return current;
    }

    /** Every figure emitted so far, in order (withdrawals excluded). */
    public List<IndicatorSnapshot> emitted() {
        current();
        return emitted;
    }

    public IndicatorSnapshot figure(String indicatorId, String areaCode, PeriodType type, String periodEnd) {
        return current().get(new IndicatorSnapshotKey(indicatorId, areaCode, type, LocalDate.parse(periodEnd)));
    }

    public List<TestRecord<String, byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
        deleteRecursively(stateDir);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("casepulse-topology-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
