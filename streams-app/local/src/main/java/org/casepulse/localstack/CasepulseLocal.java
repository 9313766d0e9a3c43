package org.casepulse.localstack;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.casepulse.app.Casepulse;
import org.casepulse.benchmark.Benchmark;
import org.casepulse.benchmark.DayChangeBenchmark;
import org.casepulse.benchmark.RestartBenchmark;
import org.casepulse.metrics.Metrics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the local stack: everything in one process ({@code local}), the benchmarks, and the
 * engine's own {@code run} and {@code describe}. Kept out of the engine's jar so that production never
 * ships the broker.
 */
@Command(name = "casepulse-local", mixinStandardHelpOptions = true, versionProvider = Casepulse.Version.class,
        description = "Casepulse on an embedded local stack: Kafka broker, Schema Registry, the engine and a simulated feed.",
        subcommands = {CasepulseLocal.Local.class, CasepulseLocal.BenchmarkCommand.class, Casepulse.Run.class, Casepulse.Describe.class,
            Casepulse.Settings.class})
public final class CasepulseLocal {

    public static void main(String[] args) {
        System.exit(Casepulse.execute(new CasepulseLocal(), args));
    }

    @Command(name = "local", mixinStandardHelpOptions = true,
            description = "Run everything in this process: Kafka broker, Schema Registry, the indicator engine.")
    static final class Local implements Callable<Integer> {
        @CommandLine.Mixin
        Casepulse.Common common = new Casepulse.Common();

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "casepulse-data",
                description = "Where the broker, registry and state stores keep their data (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port, 0 for any (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(names = "--registry-port", defaultValue = "8081", description = "Schema Registry port, 0 for any (default: ${DEFAULT-VALUE}).")
        int registryPort;

        @Option(names = "--no-generator", description = "Do not feed the stack with simulated case events.")
        boolean noGenerator;

        @Option(names = "--referrals-per-day", defaultValue = "60",
                description = "National referrals a working day in the simulated history (default: ${DEFAULT-VALUE}).")
        double referralsPerDay;

        @Option(names = "--rate", defaultValue = "40",
                description = "Events a second for the last --live-days of the history (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--live-days", defaultValue = "30",
                description = "Days at the end of the history sent at the demo rate, after a fast backfill (default: ${DEFAULT-VALUE}).")
        int liveDays;

        @Option(names = "--seed", defaultValue = "7", description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws InterruptedException {
            var settings = common.settings();
            LocalStack[] stack = new LocalStack[1];
            Casepulse.runUntilStopped(() -> {
                if (stack[0] != null) {
                    stack[0].close();
                }
            }, () -> stack[0] = LocalStack.start(dataDir, host, kafkaPort, registryPort, settings, Metrics.prometheus(),
                    new DemoFeed(!noGenerator, seed, referralsPerDay, rate, liveDays)));
            return 0;
        }
    }

    @Command(name = "benchmark", mixinStandardHelpOptions = true,
            description = "Push a generated history through the full topology and a pass-through topology on the embedded broker; print both rates.")
    static final class BenchmarkCommand implements Callable<Integer> {
        @Option(names = "--events", defaultValue = "1000000", description = "Events in the history (default: ${DEFAULT-VALUE}).")
        int events;

        @Option(names = "--warm-up", paramLabel = "N", defaultValue = "0",
                description = "First push a history of N events through both topologies (other topics and "
                        + "application ids), so that the timed runs measure compiled code, not the JIT (default: none).")
        int warmUp;

        @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the input topic (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--threads", defaultValue = "2", description = "Stream threads of each application (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the broker and state live (default: a new temporary directory).")
        Path dataDir;

        @Option(names = "--day-change-cases", paramLabel = "N",
                description = "Instead: time a day change over the snapshot series of N open cases (no Kafka).")
        Integer dayChangeCases;

        @Option(names = "--restart",
                description = "Instead: time restarts after clean and unclean stops (engines in processes of their own; --events sizes the history).")
        boolean restart;

        @Option(names = "--latency",
                description = "Instead: warm up with --events (default here 50,000), then time probes from send to published figure.")
        boolean latency;

        @Option(names = "--rate", defaultValue = "1000", description = "With --latency: probes a second (default: ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--minutes", defaultValue = "2", description = "With --latency: minutes of probes (default: ${DEFAULT-VALUE}).")
        double minutes;

        @Override
        public Integer call() throws Exception {
            if (restart) {
                new RestartBenchmark(events, dataDir == null ? Benchmark.temporaryDirectory() : dataDir, System.out).run();
                return 0;
            }
            if (dayChangeCases != null) {
                new DayChangeBenchmark(dayChangeCases, System.out).run();
                return 0;
            }
            Path dir = dataDir == null ? Benchmark.temporaryDirectory() : dataDir;
            if (latency) {
                int warmUp = events == DEFAULT_EVENTS ? 50_000 : events;
                new Benchmark(warmUp, partitions, threads, dir, System.out)
                        .runLatency(rate, java.time.Duration.ofMillis((long) (minutes * 60_000)));
                return 0;
            }
            new Benchmark(events, partitions, threads, dir, System.out).run(warmUp);
            return 0;
        }

        private static final int DEFAULT_EVENTS = 1_000_000;
    }
}
