package org.casepulse.tools;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it: first the
 * {@code --config} properties file, by the option's name without dashes ({@code bootstrap-servers})
 * or qualified by the subcommand ({@code generate.seed}), which wins; then the environment variable
 * the option names with {@link Env} ({@code CASEPULSE_BOOTSTRAP_SERVERS}); then the built-in default.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    static final String CONFIG_OPTION = "--config";

    private final Properties properties;
    private final Map<String, String> env;

    ConfigDefaults(Properties properties, Map<String, String> env) {
        this.properties = properties;
        this.env = env;
    }

    /**
     * The defaults for a command line: the file named by {@code --config FILE} or
     * {@code --config=FILE} among the arguments, if any, and the environment.
     *
     * @throws IllegalArgumentException when the file cannot be read
     */
    static ConfigDefaults forArguments(List<String> args, Map<String, String> env) {
        Properties properties = new Properties();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String file = arg.startsWith(CONFIG_OPTION + "=") ? arg.substring(CONFIG_OPTION.length() + 1)
                    : arg.equals(CONFIG_OPTION) && i + 1 < args.size() ? args.get(i + 1) : null;
            if (file != null) {
                properties = load(Path.of(file));
            }
        }
        return new ConfigDefaults(properties, env);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String value = option.command() == null ? null : properties.getProperty(option.command().name() + "." + name);
        if (value == null) {
            value = properties.getProperty(name);
        }
        if (value == null && option.userObject() instanceof Field field && field.isAnnotationPresent(Env.class)) {
            value = env.get(field.getAnnotation(Env.class).value());
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the --config file " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
