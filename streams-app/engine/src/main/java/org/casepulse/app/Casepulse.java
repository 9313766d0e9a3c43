package org.casepulse.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.casepulse.http.auth.PasswordAuthenticator;
import org.casepulse.metrics.Metrics;
import org.casepulse.serde.AvroTrust;
import org.casepulse.settings.Setting;
import org.casepulse.settings.SettingsFile;
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
        subcommands = {Casepulse.Run.class, Casepulse.Describe.class, Casepulse.Settings.class, Casepulse.HashPassword.class},
        footer = {"", "Settings: flags, then CASEPULSE_* environment variables, then the --config file, then the defaults.",
            "'settings' lists every key."})
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

    /** Settings shared by every command: flags, over the environment, over a file, over the defaults. */
    public static final class Common {
        @Option(names = "--config", paramLabel = "FILE", description = "Properties file (casepulse.*, Kafka Streams, client and serde keys).")
        Path config;

        @Option(names = "-X", paramLabel = "KEY=VALUE",
                description = "Any setting: a casepulse.* key, or a Kafka Streams, client or serde key (repeatable).")
        Map<String, String> settings = new LinkedHashMap<>();

        @Option(names = "--as-of", paramLabel = "DATE", description = "Compute as if today were DATE (reproduce a past report).")
        LocalDate asOf;

        @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the operations page and API (0: any).")
        Integer httpPort;

        public CasepulseSettings settings() {
            return settings(Map.of());
        }

        /** The settings, with these flags of the command over the common ones; applies the log format. */
        CasepulseSettings settings(Map<String, Object> commandFlags) {
            Map<String, String> flags = new LinkedHashMap<>();
            settings.forEach((key, value) -> flags.put(SettingsFile.key(key.strip()), value));
            put(flags, CasepulseSettings.AS_OF, asOf);
            put(flags, CasepulseSettings.HTTP_PORT, httpPort);
            commandFlags.forEach((key, value) -> {
                if (value != null) {
                    flags.put(key, value.toString());
                }
            });
            CasepulseSettings loaded = CasepulseSettings.load(Optional.ofNullable(config), System.getenv(), flags);
            loaded.get(CasepulseSettings.LOG_FORMAT).apply();
            return loaded;
        }

        private static void put(Map<String, String> flags, Setting<?> setting, Object value) {
            if (value != null) {
                flags.put(setting.key(), value.toString());
            }
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
            Map<String, Object> flags = new LinkedHashMap<>();
            flags.put(CasepulseSettings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
            flags.put(CasepulseSettings.SCHEMA_REGISTRY_URL.key(), schemaRegistryUrl);
            CasepulseSettings settings = common.settings(flags);
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

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "List every setting: key, environment variable, type, default and what it does (Markdown).")
    public static final class Settings implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(CasepulseSettings.declared().markdownTable());
            spec.commandLine().getOut().flush();
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

    /** The release version, from the {@code Implementation-Version} of the jar's manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Casepulse.class.getPackage().getImplementationVersion();
            return new String[] {"casepulse " + (version == null ? "(development build, not from a jar)" : version)};
        }
    }
}
