package org.casepulse.benchmark;

import org.casepulse.app.CasepulseApplication;
import org.casepulse.app.CasepulseSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.figures.IndicatorSeries;
import org.casepulse.indicators.figures.SeriesKey;
import org.casepulse.broker.EmbeddedKafkaBroker;
import org.casepulse.topics.TopicProvisioner;
import org.casepulse.topics.TopicSpec;
import org.casepulse.metrics.Metrics;
import org.casepulse.publish.CaseEventPublisher;
import org.casepulse.publish.PublisherSettings;
import org.casepulse.reference.ReferenceData;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.simulation.Simulation;
import org.casepulse.simulation.SimulationSettings;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.state.SeriesMonth;
import org.casepulse.state.SeriesState;
import org.casepulse.topology.SeriesBook;

/**
 * Pushes a generated history through the full topology on the embedded broker, and the same data
 * through a pass-through topology (bytes in, bytes out, same guarantees), and prints both rates
 * and their ratio. Then times what a new day costs: re-evaluating every series the run built.
 */
public final class Benchmark {

    private final int events;
    private final int partitions;
    private final int threads;
    private final Path dataDir;
    private final PrintStream out;

    public Benchmark(int events, int partitions, int threads, Path dataDir, PrintStream out) {
        this.events = events;
        this.partitions = partitions;
        this.threads = threads;
        this.dataDir = dataDir;
        this.out = out;
    }

    /** Throughput: the full topology against a pass-through on the same data, and what it leaves behind. */
    public void run() throws Exception {
        run(0);
    }

    /**
     * As {@link #run()}, after pushing a history of {@code warmUpEvents} through both topologies
     * (their own input topic and application ids) when it is positive. In a new JVM the JIT
     * compiler takes a large share of the two cores for the first minutes (it prints what it
     * took); a warm-up measures both topologies as a long reprocessing runs, on compiled code.
     */
    public void run(int warmUpEvents) throws Exception {
        ReferenceData reference = ReferenceData.defaults();
        LocalDate end = BusinessClock.wall().today().minusDays(1);
        try (Stack stack = new Stack()) {
            if (warmUpEvents > 0) {
                warmUp(stack, reference, end, warmUpEvents);
            }
            long producing = System.nanoTime();
            long produced = produce(simulation(reference, end, events), events, stack.bootstrap(), stack.registry.url(), INPUT);
            double produceSeconds = (System.nanoTime() - producing) / 1e9;

            double passThrough = passThrough(stack.bootstrap(), INPUT, produced, stack.admin, PASS_THROUGH_ID);
            out.printf("pass-through topology: %,.0f events/s (exactly-once, commits every %s ms)%n", passThrough,
                    CasepulseSettings.COMMIT_INTERVAL_MS.defaultValue());

            CasepulseSettings settings = settings(stack, end, INPUT, APPLICATION_ID);
            Metrics meters = Metrics.prometheus();
            try (CasepulseApplication application = new CasepulseApplication(settings, meters)) {
                double full = timeUntilConsumed(application::start, APPLICATION_ID, stack.admin, produced);
                out.printf("full topology:         %,.0f events/s (%,.0f figures published)%n", full,
                        meters.registry().counter("casepulse.snapshots.emitted").count());
                out.printf("ratio full / pass-through: %.2f (design goal: at least 0.5)%n", full / passThrough);
                out.printf("backfill end to end: %,d events produced in %.0f s and processed in %.0f s: %.1f min%n",
                        produced, produceSeconds, produced / full, (produceSeconds + produced / full) / 60);
                dayChange(application.streams(), reference, settings.reportingMonths(), end.plusDays(1));
                // Last: it forces a full collection, a pause the running application must ride out.
                new StateFigures(application.streams(), stack.admin, APPLICATION_ID, reference, out)
                        .print(produced);
            }
        }
    }

    private void warmUp(Stack stack, ReferenceData reference, LocalDate end, int warmUpEvents) throws Exception {
        out.printf("warm-up: %,d events through both topologies (not timed into the figures below)%n", warmUpEvents);
        try (TopicProvisioner topics = new TopicProvisioner(stack.bootstrap(), Duration.ofSeconds(30))) {
            topics.ensureTopics(TopicSpec.of(WARM_UP_INPUT, partitions));
        }
        long produced = produce(simulation(reference, end, warmUpEvents), warmUpEvents, stack.bootstrap(),
                stack.registry.url(), WARM_UP_INPUT);
        passThrough(stack.bootstrap(), WARM_UP_INPUT, produced, stack.admin, WARM_UP + PASS_THROUGH_ID);
        try (CasepulseApplication application = new CasepulseApplication(
                settings(stack, end, WARM_UP_INPUT, WARM_UP + APPLICATION_ID), Metrics.prometheus())) {
            timeUntilConsumed(application::start, WARM_UP + APPLICATION_ID, stack.admin, produced);
        }
        out.println("warm-up done; the timed runs:");
    }

    /**
     * Latency: a warm topology (a backfill of this benchmark's size, processed to idle), then
     * probes at a steady {@code rate} for {@code length}, each timed from its send to the first
     * published figure that reflects it.
     */
    public void runLatency(int rate, Duration length) throws Exception {
        ReferenceData reference = ReferenceData.defaults();
        LocalDate end = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(1);
        try (Stack stack = new Stack()) {
            long produced = produce(simulation(reference, end, events), events, stack.bootstrap(), stack.registry.url(), INPUT);
            CasepulseSettings settings = settings(stack, end, INPUT, APPLICATION_ID);
            try (CasepulseApplication application = new CasepulseApplication(settings, Metrics.prometheus());
                 CaseEventPublisher publisher = CaseEventPublisher.connect(
                         PublisherSettings.of(stack.bootstrap(), stack.registry.url()).withTopic(INPUT))) {
                double warm = timeUntilConsumed(application::start, APPLICATION_ID, stack.admin, produced);
                out.printf("warm-up: %,d events processed at %,.0f events/s%n", produced, warm);
                String area = reference.areas().lowest().get(0).code();
                new LatencyProbe(stack.bootstrap(), stack.registry.url(), settings.topics().snapshots(), area, end, out)
                        .run(publisher, rate, length);
            }
        }
    }

    private static final String INPUT = "benchmark.case-events";
    private static final String APPLICATION_ID = "benchmark-casepulse";
    private static final String PASS_THROUGH_ID = "benchmark-pass-through";
    private static final String WARM_UP_INPUT = "benchmark.warm-up.case-events";
    /** Prefixes the warm-up's application ids, so that its threads, topics and stores stay apart from the timed runs'. */
    private static final String WARM_UP = "warm-up-";

    /** The embedded broker and registry, with the benchmark's topics. */
    private final class Stack implements AutoCloseable {
        final EmbeddedKafkaBroker broker;
        final EmbeddedSchemaRegistry registry;
        final Admin admin;

        Stack() throws Exception {
            broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), "127.0.0.1", 0);
            registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
            try (TopicProvisioner topics = new TopicProvisioner(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                topics.ensureTopics(TopicSpec.of(INPUT, partitions), TopicSpec.of("benchmark.pass-through", partitions));
            }
        }

        String bootstrap() {
            return broker.bootstrapServers();
        }

        @Override
        public void close() throws Exception {
            admin.close(Duration.ofSeconds(10));
            registry.close();
            broker.close();
        }
    }

    private Simulation simulation(ReferenceData reference, LocalDate end, int size) {
        SimulationSettings simulation = SimulationSettings.defaults(end);
        simulation = simulation.withReferralsPerWorkingDay(
                Simulation.referralsPerWorkingDayFor(size, simulation, reference.areas(), reference.calendar()));
        return new Simulation(simulation, reference.areas(), reference.calendar());
    }

    /** The application's defaults, on the embedded stack, with the clock fixed at the end of the history. */
    private CasepulseSettings settings(Stack stack, LocalDate end, String input, String applicationId) {
        CasepulseSettings settings = CasepulseSettings.defaults()
                .with(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap())
                .with(CasepulseSettings.SCHEMA_REGISTRY_URL, stack.registry.url())
                .with(StreamsConfig.APPLICATION_ID_CONFIG, applicationId)
                .with(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams-" + applicationId))
                .with(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads)
                .with(CasepulseSettings.TOPIC_CASE_EVENTS, input)
                .with(CasepulseSettings.TOPIC_PARTITIONS, partitions)
                .with(CasepulseSettings.TOPIC_REPLICATION, 1)
                .with(CasepulseSettings.AS_OF, end)
                .with(CasepulseSettings.HTTP_ENABLED, false);
        for (String extra : System.getProperty("casepulse.benchmark.extra", "").split(",")) {
            if (extra.contains("=")) {
                settings = settings.with(extra.substring(0, extra.indexOf('=')), extra.substring(extra.indexOf('=') + 1));
            }
        }
        return settings;
    }

    private long produce(Simulation simulation, int size, String bootstrap, String registryUrl, String topic) {
        long started = System.nanoTime();
        long sent = History.publish(simulation, size, bootstrap, registryUrl, topic);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("history: %,d events (%s to %s), produced at %,.0f events/s%n", sent,
                simulation.settings().from(), simulation.settings().to(), sent / seconds);
        return sent;
    }

    private double passThrough(String bootstrap, String input, long produced, Admin admin, String applicationId)
            throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("source"))
                .to("benchmark.pass-through", Produced.with(Serdes.String(), Serdes.ByteArray()).withName("sink"));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // The full topology's commit interval while it catches up, which is all a backfill does:
        // fewer transactions would flatter one side of the ratio only.
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, CasepulseSettings.COMMIT_INTERVAL_MS.defaultValue());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams-" + applicationId).toString());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            double rate = timeUntilConsumed(() -> {
                streams.start();
                return streams;
            }, applicationId, admin, produced);
            streams.close(Duration.ofSeconds(30));
            return rate;
        }
    }

    /**
     * Events per second from the moment the application processes its first record until its
     * consumer group has committed every partition it reads (input and repartition topics) to
     * their end. Not from RUNNING: a stream thread processes the tasks it has while another still
     * joins, and a warm pass-through finished 300,000 events before the client said RUNNING.
     */
    private double timeUntilConsumed(java.util.function.Supplier<KafkaStreams> start, String groupId, Admin admin,
                                     long produced) throws Exception {
        KafkaStreams streams = start.get();
        while (recordsProcessed(streams) == 0) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("the benchmarked application stopped: " + streams.state());
            }
            Thread.sleep(5); // polling a client metric; nothing to wait on
        }
        long started = System.nanoTime();
        CpuTime cpu = CpuTime.start(groupId);
        long lastReport = started;
        while (!caughtUp(admin, groupId)) {
            Thread.sleep(200); // polling a remote state; nothing to wait on
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                out.printf("  %s: %.0f s...%n", groupId, (lastReport - started) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        cpu.print(out, produced, seconds);
        return produced / seconds;
    }

    /** Records the stream threads have processed so far (their process-total metrics). */
    private static double recordsProcessed(KafkaStreams streams) {
        double processed = 0;
        for (var metric : streams.metrics().values()) {
            if (metric.metricName().name().equals("process-total")
                    && metric.metricName().group().equals("stream-thread-metrics")) {
                processed += ((Number) metric.metricValue()).doubleValue();
            }
        }
        return processed;
    }

    private static boolean caughtUp(Admin admin, String groupId) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return false;
        }
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        for (var entry : committed.entrySet()) {
            // A transactional topic ends with a commit marker that the group never commits past.
            if (entry.getValue() == null || entry.getValue().offset() < ends.get(entry.getKey()).offset() - 1) {
                return false;
            }
        }
        return true;
    }

    /** Re-publishes every series the run built as if the day had changed, as the series stage does at midnight. */
    private void dayChange(KafkaStreams streams, ReferenceData reference, int reportingMonths, LocalDate tomorrow) {
        ReadOnlyKeyValueStore<String, SeriesState> published = streams.store(
                StoreQueryParameters.fromNameAndType(SeriesBook.PUBLISHED_STORE, QueryableStoreTypes.keyValueStore()));
        ReadOnlyKeyValueStore<String, SeriesMonth> cells = streams.store(
                StoreQueryParameters.fromNameAndType(SeriesBook.CELLS_STORE, QueryableStoreTypes.keyValueStore()));
        Map<SeriesKey, IndicatorSeries> series = new HashMap<>();
        Map<SeriesKey, List<IndicatorSnapshot>> figures = new HashMap<>();
        try (KeyValueIterator<String, SeriesState> entries = published.all()) {
            entries.forEachRemaining(entry -> {
                SeriesKey key = SeriesKey.parse(entry.key);
                series.put(key, SeriesBook.read(cells, entry.key, reference.catalogue().indicator(key.indicatorId()),
                        reference.areas().population(key.areaCode())));
                figures.put(key, entry.value.getPublished());
            });
        }
        IndicatorSeries workload = series.get(new SeriesKey("workload-allocated", reference.areas().national().code()));
        long openCases = workload == null ? 0 : workload.counts(Period.snapshot(tomorrow), tomorrow).denominator();
        long started = System.nanoTime();
        int changed = DayChangeBenchmark.republish(series, figures, reference, tomorrow, reportingMonths);
        out.printf("day change: %,d series (%,d open cases) re-evaluated in %.0f ms, %,d figures to publish%n",
                series.size(), openCases, (System.nanoTime() - started) / 1e6, changed);
    }

    public static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("casepulse-benchmark");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
