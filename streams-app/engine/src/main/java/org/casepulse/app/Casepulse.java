package org.casepulse.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.casepulse.http.auth.PasswordAuthenticator;
import org.casepulse.metrics.Metrics;
import org.casepulse.serde.AvroTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Entry point of the engine as production runs it: {@code run} against a cluster, {@code describe} the topology.
 * The local stack and the benchmarks add their commands in {@code casepulse-local}.
 */
@Command(name = "casepulse", mixinStandardHelpOptions = true, versionProvider = Casepulse.Version.class,
        description = "Near-real-time performance indicators for children's social care.",
        subcommands = {Casepulse.Run.class, Casepulse.Describe.class, Casepulse.HashPassword.class})
public final class Casepulse {

    private static final Logger LOG = LoggerFactory.getLogger(Casepulse.class);

    public static void main(String[] args) {
        System.exit(execute(new Casepulse(), args));
    }

    /** Runs a command line with the error handling every Casepulse command shares; returns the exit status. */
    public static int execute(Object root, String... args) {
        AvroTrust.ensure();
        CommandLine commandLine = new CommandLine(root)
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    LOG.debug("Failed", failure);
                    command.getErr().println("casepulse: " + failure.getMessage());
                    return 1;
                });
        return commandLine.execute(args);
    }

    /** Settings shared by every command: a file, then the environment, then these flags. */
    public static final class Common {
        @Option(names = "--config", paramLabel = "FILE", description = "Properties file (casepulse.*, Kafka Streams and serde keys).")
        Path config;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Compute as if today were DATE (reproduce a past report).")
        LocalDate asOf;

        @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the operations page and API (0: any).")
        Integer httpPort;

        public CasepulseSettings settings() {
            return CasepulseSettings.load(Optional.ofNullable(config), System.getenv())
                    .with(CasepulseSettings.AS_OF, asOf)
                    .with(CasepulseSettings.HTTP_PORT, httpPort);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run against an existing Kafka cluster and Schema Registry.")
    public static final class Run implements Callable<Integer> {
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

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Print the topology: every processor, store and internal topic by name.")
    public static final class Describe implements Callable<Integer> {
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

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = {"Print the bcrypt hash of a password for the users file (casepulse.http.auth.users).",
                    "Reads the password from the terminal without echo, or the first line of standard input."})
    public static final class HashPassword implements Callable<Integer> {
        @Option(names = "--cost", defaultValue = "12", description = "bcrypt cost, 4 to 31 (default: ${DEFAULT-VALUE}).")
        int cost;

        @Override
        public Integer call() throws IOException {
            char[] password;
            Console console = System.console();
            if (console != null) {
                password = console.readPassword("Password: ");
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            if (password == null || password.length == 0) {
                throw new IllegalArgumentException("no password given");
            }
            System.out.println(PasswordAuthenticator.hash(password, cost));
            Arrays.fill(password, '\0');
            return 0;
        }
    }

    /** Starts, then waits for Ctrl-C (or SIGTERM), then stops cleanly. */
    public static void runUntilStopped(Runnable stop, Runnable start) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping...");
            stop.run();
            stopped.countDown();
        }, "casepulse-shutdown"));
        start.run();
        stopped.await();
    }

    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Casepulse.class.getPackage().getImplementationVersion();
            return new String[] {"casepulse " + (version == null ? "development" : version)};
        }
    }
}
