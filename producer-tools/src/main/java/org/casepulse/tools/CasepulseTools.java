package org.casepulse.tools;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.casepulse.calendar.CalendarGapException;
import org.casepulse.publish.PublishException;
import org.casepulse.reference.file.ReferenceFileException;
import org.casepulse.serde.AvroTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * casepulse-tools: generate case events, replay CMS extracts, print the reference data, and follow
 * or export the published indicator snapshots. Exit status 0 on success, 1 when the work failed,
 * 2 on a usage error.
 */
@Command(name = "casepulse-tools", mixinStandardHelpOptions = true, versionProvider = CasepulseTools.Version.class,
        description = {"Tools around Casepulse, near-real-time indicators for children's social care.", "",
            "Settings come from the command line, else from the environment (CASEPULSE_BOOTSTRAP_SERVERS, "
                    + "CASEPULSE_SCHEMA_REGISTRY_URL, CASEPULSE_CATALOGUE, CASEPULSE_AREAS, CASEPULSE_BENCHMARKS, CASEPULSE_CALENDAR_BANK_HOLIDAYS, "
                    + "CASEPULSE_CALENDAR_MODE), else from the --config properties file (the engine's keys, "
                    + "bootstrap.servers=broker:9092, or option names without dashes, optionally prefixed by the "
                    + "command: generate.seed=7), else from the defaults: the engine's order.",
            "Kafka client and serde properties (security.protocol, sasl.*, ssl.*, schema.registry.*, basic.auth.*, "
                    + "bearer.auth.*) come from -X key=value, else CASEPULSE_KAFKA_<KEY> (CASEPULSE_KAFKA_SASL_JAAS_CONFIG), "
                    + "else the --config file, and go to every Kafka client and the serde."},
        subcommands = {GenerateCommand.class, ReplayCommand.class, ReferenceCommand.class, TailCommand.class,
            ExportCommand.class, ReportCommand.class},
        footer = {"", "Exit status: 0 success, 1 failure, 2 usage error."})
public final class CasepulseTools implements Runnable {
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private final ToolContext context;

    @Spec
    CommandSpec spec;

    @Option(names = ConfigDefaults.CONFIG_OPTION, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A properties file of settings, one option a line (bootstrap-servers=broker:9092).")
    Path config;

    @Option(names = ConfigDefaults.CLIENT_OPTION, paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
            description = "A Kafka client or serde property, as kcat takes them (-X security.protocol=SASL_SSL); repeatable.")
    List<String> clientSettings;

    private ConfigDefaults settings;

    public CasepulseTools(ToolContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "casepulse-tools-logback.xml");
        }
        ToolContext context = ToolContext.of(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), System.getenv(), System.console() != null, Clock.systemUTC());
        int status = execute(args, context);
        context.out().flush();
        context.err().flush();
        System.exit(status);
    }

    /** Runs one command line and returns its exit status. */
    public static int execute(String[] args, ToolContext context) {
        AvroTrust.ensure();
        CasepulseTools root = new CasepulseTools(context);
        CommandLine cli = new CommandLine(root);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + describe(error));
            return error instanceof IllegalArgumentException ? USAGE : FAILURE;
        });
        try {
            root.settings = ConfigDefaults.forArguments(List.of(args), context.env(), cli);
            cli.setDefaultValueProvider(root.settings);
        } catch (IllegalArgumentException e) {
            context.err().println("casepulse-tools: " + e.getMessage());
            return USAGE;
        }
        int status = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return status;
    }

    ToolContext context() {
        return context;
    }

    /** Kafka client and serde properties: -X, CASEPULSE_KAFKA_*, the --config file. */
    Map<String, Object> clientProperties() {
        return settings == null ? Map.of() : settings.clientProperties();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: generate, replay, reference, tail or export");
    }

    /** The message for the user: known failures speak for themselves; anything else is named by its type. */
    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException config) {
                return "a Kafka client or serde setting is wrong: " + config.getMessage();
            }
        }
        if (error instanceof ToolFailure || error instanceof PublishException || error instanceof ReferenceFileException
                || error instanceof CalendarGapException || error instanceof IllegalArgumentException
                || error instanceof UncheckedIOException) {
            return error.getMessage();
        }
        if (error instanceof NoSuchFileException) {
            return "no such file: " + error.getMessage();
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied: " + error.getMessage();
        }
        if (error instanceof IOException) {
            return "input/output error: " + error.getMessage();
        }
        return error.toString();
    }

    /** The release version, from the {@code Implementation-Version} of the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CasepulseTools.class.getPackage().getImplementationVersion();
            return new String[] {"casepulse-tools " + (version == null ? "(development build, not from a jar)" : version)};
        }
    }
}
