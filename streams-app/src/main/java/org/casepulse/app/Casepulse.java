package org.casepulse.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.casepulse.localstack.DemoFeed;
import org.casepulse.localstack.LocalStack;
import org.casepulse.metrics.Metrics;
import org.casepulse.serde.AvroTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Entry point of the streams application: {@code run} against a cluster, {@code local} on an embedded stack. */
@Command(name = "casepulse", mixinStandardHelpOptions = true, versionProvider = Casepulse.Version.class,
        description = "Near-real-time performance indicators for children's social care.",
        subcommands = {Casepulse.Run.class, Casepulse.Local.class, Casepulse.Describe.class, Casepulse.BenchmarkCommand.class})
public final class Casepulse {

    private static final Logger LOG = LoggerFactory.getLogger(Casepulse.class);

    public static void main(String[] args) {
        AvroTrust.ensure();
        CommandLine commandLine = new CommandLine(new Casepulse())
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    LOG.debug("Failed", failure);
                    command.getErr().println("casepulse: " + failure.getMessage());
                    return 1;
                });
        System.exit(commandLine.execute(args));
    }

    /** Settings shared by every command: a file, then the environment, then these flags. */
    static final class Common {
        @Option(names = "--config", paramLabel = "FILE", description = "Properties file (casepulse.*, Kafka Streams and serde keys).")
        Path config;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Compute as if today were DATE (reproduce a past report).")
        LocalDate asOf;

        @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the operations page and API (0: any).")
        Integer httpPort;

        CasepulseSettings settings() {
            return CasepulseSettings.load(Optional.ofNullable(config), System.getenv())
                    .with(CasepulseSettings.AS_OF, asOf)
                    .with(CasepulseSettings.HTTP_PORT, httpPort);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run against an existing Kafka cluster and Schema Registry.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT")
        String bootstrapServers;

        @Option(names = "--schema-registry-url", paramLabel = "URL")
        String schemaRegistryUrl;

        @Override
        public Integer call() throws InterruptedException {
            CasepulseSettings settings = common.settings()
                    .with("bootstrap.servers", bootstrapServers)
                    .with(CasepulseSettings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
            CasepulseApplication application = new CasepulseApplication(settings, Metrics.prometheus());
            runUntilStopped(application::close, () -> application.start());
            return 0;
        }
    }

    @Command(name = "local", mixinStandardHelpOptions = true,
            description = "Run everything in this process: Kafka broker, Schema Registry, the indicator engine.")
    static final class Local implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

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
            CasepulseSettings settings = common.settings();
            LocalStack[] stack = new LocalStack[1];
            runUntilStopped(() -> {
                if (stack[0] != null) {
                    stack[0].close();
                }
            }, () -> stack[0] = LocalStack.start(dataDir, host, kafkaPort, registryPort, settings, Metrics.prometheus(),
                    new DemoFeed(!noGenerator, seed, referralsPerDay, rate, liveDays)));
            return 0;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Print the topology: every processor, store and internal topic by name.")
    static final class Describe implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            try (Metrics metrics = Metrics.prometheus()) {
                System.out.println(new CasepulseApplication(common.settings(), metrics).topology().describe());
            }
            return 0;
        }
    }

    @Command(name = "benchmark", mixinStandardHelpOptions = true,
            description = "Push a generated history through the full topology and a pass-through topology on the embedded broker; print both rates.")
    static final class BenchmarkCommand implements Callable<Integer> {
        @Option(names = "--events", defaultValue = "1000000", description = "Events in the history (default: ${DEFAULT-VALUE}).")
        int events;

        @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the input topic (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--threads", defaultValue = "2", description = "Stream threads of each application (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the broker and state live (default: a new temporary directory).")
        Path dataDir;

        @Option(names = "--day-change-cases", paramLabel = "N",
                description = "Instead: time a day change over the snapshot series of N open cases (no Kafka).")
        Integer dayChangeCases;

        @Override
        public Integer call() throws Exception {
            if (dayChangeCases != null) {
                new DayChangeBenchmark(dayChangeCases, System.out).run();
                return 0;
            }
            new Benchmark(events, partitions, threads, dataDir == null ? Benchmark.temporaryDirectory() : dataDir,
                    System.out).run();
            return 0;
        }
    }

    /** Starts, then waits for Ctrl-C (or SIGTERM), then stops cleanly. */
    private static void runUntilStopped(Runnable stop, Runnable start) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping...");
            stop.run();
            stopped.countDown();
        }, "casepulse-shutdown"));
        start.run();
        stopped.await();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Casepulse.class.getPackage().getImplementationVersion();
            return new String[] {"casepulse " + (version == null ? "development" : version)};
        }
    }
}
