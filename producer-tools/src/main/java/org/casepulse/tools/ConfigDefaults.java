package org.casepulse.tools;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.casepulse.settings.Closest;
import org.casepulse.settings.CommonSettings;
import org.casepulse.settings.DeclaredSettings;
import org.casepulse.settings.EnvironmentVariables;
import org.casepulse.settings.InvalidSettingException;
import org.casepulse.settings.SettingLayers;
import org.casepulse.settings.SettingsFile;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it, in the engine's order
 * ({@link SettingLayers}): an option that stands for a shared setting ({@link SettingKey}) takes
 * {@code -X key=value}, then the environment ({@code CASEPULSE_BOOTSTRAP_SERVERS}), then the
 * {@code --config} file, then the default. In the file an option is also found by its name without
 * dashes ({@code bootstrap-servers}, {@code seed}), or qualified by its command ({@code generate.seed}),
 * which wins. Every other key of the file, of {@code -X} and of {@code CASEPULSE_KAFKA_*} is a Kafka
 * client or serde property ({@link #clientProperties()}).
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    static final String CONFIG_OPTION = "--config";
    static final String CLIENT_OPTION = "-X";

    /** The settings the tools share with the engine. */
    static final DeclaredSettings SHARED = new DeclaredSettings(CommonSettings.ALL);

    private final Map<String, String> file;
    private final SettingLayers layers;
    private final Set<String> commands;

    private ConfigDefaults(Map<String, String> file, SettingLayers layers, Set<String> commands) {
        this.file = file;
        this.layers = layers;
        this.commands = commands;
    }

    /**
     * The defaults for a command line: the file named by {@code --config FILE}, the {@code -X}
     * assignments, and the environment.
     *
     * @throws InvalidSettingException when the file cannot be read, or names an option no command has
     */
    static ConfigDefaults forArguments(List<String> args, Map<String, String> env, CommandLine cli) {
        Map<String, String> file = Map.of();
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (arg.startsWith(CONFIG_OPTION + "=") || arg.equals(CONFIG_OPTION) && next != null) {
                Path path = Path.of(arg.equals(CONFIG_OPTION) ? next : arg.substring(CONFIG_OPTION.length() + 1));
                file = SettingsFile.read(path);
                checkFile(file, path, cli);
            } else if (arg.startsWith(CLIENT_OPTION) && (arg.length() > 2 || next != null)) {
                Map.Entry<String, String> assignment = SettingsFile.assignment(arg.length() > 2 ? arg.substring(2) : next);
                SHARED.requireKnown(assignment.getKey(), "given to " + CLIENT_OPTION);
                flags.put(assignment.getKey(), assignment.getValue());
            }
        }
        Set<String> commands = new TreeSet<>(cli.getSubcommands().keySet());
        return new ConfigDefaults(file, new SettingLayers(flags, EnvironmentVariables.settings(env, SHARED, false), file,
                SHARED.defaults()), commands);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.command() == null) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        Optional<String> inFile = Optional.ofNullable(file.get(option.command().name() + "." + name))
                .or(() -> Optional.ofNullable(file.get(name)))
                .filter(value -> !value.isBlank());
        Optional<String> key = settingKey(option);
        if (key.isEmpty()) {
            return inFile.orElse(null);
        }
        Map<String, String> fileLayer = new HashMap<>();
        inFile.or(() -> Optional.ofNullable(file.get(key.get()))).ifPresent(value -> fileLayer.put(key.get(), value));
        return new SettingLayers(layers.layer(SettingLayers.Source.FLAGS), layers.layer(SettingLayers.Source.ENVIRONMENT),
                fileLayer, layers.layer(SettingLayers.Source.DEFAULTS)).value(key.get()).orElse(null);
    }

    /**
     * Kafka client and serde properties ({@code security.protocol}, {@code sasl.jaas.config},
     * {@code basic.auth.user.info}, ...): {@code -X} over {@code CASEPULSE_KAFKA_*} over the file.
     * The shared settings are not among them: their options carry them.
     */
    Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        layers.merged().forEach((key, value) -> {
            if (!DeclaredSettings.isOurs(key) && !isOptionKey(key) && !SHARED.isDeclared(key)) {
                properties.put(key, value);
            }
        });
        return properties;
    }

    /** An option's name ({@code seed}: Kafka's keys all have a dot) or a command's option ({@code generate.seed}). */
    private boolean isOptionKey(String key) {
        int dot = key.indexOf('.');
        return dot < 0 || commands.contains(key.substring(0, dot));
    }

    private static Optional<String> settingKey(OptionSpec option) {
        return option.userObject() instanceof Field field && field.isAnnotationPresent(SettingKey.class)
                ? Optional.of(field.getAnnotation(SettingKey.class).value()) : Optional.empty();
    }

    /** A key without a dot, or under a command's name, must be an option: a typo must not pass silently. */
    private static void checkFile(Map<String, String> file, Path path, CommandLine cli) {
        Map<String, Set<String>> options = new HashMap<>();
        Set<String> everyOption = new TreeSet<>();
        cli.getSubcommands().forEach((command, line) -> {
            Set<String> names = new TreeSet<>();
            for (OptionSpec option : line.getCommandSpec().options()) {
                names.add(option.longestName().replaceFirst("^-+", ""));
            }
            options.put(command, names);
            everyOption.addAll(names);
        });
        for (String key : file.keySet()) {
            int dot = key.indexOf('.');
            String command = dot < 0 ? null : key.substring(0, dot);
            if (dot < 0 && !everyOption.contains(key)) {
                throw unknown(key, path, everyOption);
            }
            if (command != null && options.containsKey(command) && !options.get(command).contains(key.substring(dot + 1))) {
                throw unknown(key, path, options.get(command).stream().map(name -> command + "." + name).toList());
            }
        }
    }

    private static InvalidSettingException unknown(String key, Path path, Collection<String> known) {
        return new InvalidSettingException("unknown option " + key + " in the --config file " + path
                + Closest.to(key, known).map(name -> "; did you mean " + name + "?").orElse(""));
    }
}
