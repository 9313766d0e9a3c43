package org.casepulse.settings;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting a program takes, each declared once: the keys it knows, their defaults, their
 * environment variable names, the nearest known key to a mistyped one, and their documentation.
 * A key under {@value #PREFIX} that is not declared here is a mistake; any other key passes through
 * to Kafka and the serde as given.
 */
public final class DeclaredSettings {
    public static final String PREFIX = "casepulse.";

    private final Map<String, Setting<?>> byKey = new LinkedHashMap<>();
    private final Map<String, Setting<?>> byEnvironmentName = new LinkedHashMap<>();

    /** @throws IllegalStateException when two declarations share a key or an environment variable name */
    public DeclaredSettings(Collection<? extends Setting<?>> settings) {
        for (Setting<?> setting : settings) {
            if (byKey.putIfAbsent(setting.key(), setting) != null) {
                throw new IllegalStateException("Setting " + setting.key() + " is declared twice");
            }
            if (setting.key().startsWith(PREFIX + "kafka.")) {
                throw new IllegalStateException(setting.key() + ": casepulse.kafka.* names Kafka client settings");
            }
            Setting<?> clash = byEnvironmentName.putIfAbsent(environmentName(setting.key()), setting);
            if (clash != null) {
                throw new IllegalStateException("Settings " + clash.key() + " and " + setting.key()
                        + " have the same environment variable " + environmentName(setting.key()));
            }
        }
    }

    public List<Setting<?>> all() {
        return List.copyOf(byKey.values());
    }

    public Optional<Setting<?>> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public boolean isDeclared(String key) {
        return byKey.containsKey(key);
    }

    /** Whether the key is ours ({@value #PREFIX}...), and so must be declared. */
    public static boolean isOurs(String key) {
        return key.startsWith(PREFIX);
    }

    /** The defaults of the settings that have one, as text. */
    public Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        byKey.values().forEach(setting -> {
            if (setting.defaultValue() != null) {
                defaults.put(setting.key(), setting.defaultValue());
            }
        });
        return defaults;
    }

    /**
     * The environment variable that sets a key: {@code casepulse.topics.replication-factor} ->
     * {@code CASEPULSE_TOPICS_REPLICATION_FACTOR}, {@code bootstrap.servers} -> {@code CASEPULSE_BOOTSTRAP_SERVERS}.
     */
    public static String environmentName(String key) {
        String name = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
        return EnvironmentVariables.PREFIX + normalise(name).toUpperCase(Locale.ROOT);
    }

    /** The declared setting an environment variable names, whatever its case and separators. */
    public Optional<Setting<?>> forEnvironmentName(String name) {
        String wanted = EnvironmentVariables.PREFIX + normalise(name.substring(EnvironmentVariables.PREFIX.length()))
                .toUpperCase(Locale.ROOT);
        return Optional.ofNullable(byEnvironmentName.get(wanted));
    }

    /**
     * Fails on a key of ours that is not declared, naming it, where it came from and the nearest known key.
     *
     * @param where where the key was found: {@code in casepulse.properties}
     * @throws InvalidSettingException for an unknown {@value #PREFIX} key
     */
    public void requireKnown(String key, String where) {
        if (isOurs(key) && !isDeclared(key)) {
            throw new InvalidSettingException("Unknown setting " + key + " " + where + suggestion(key, byKey.keySet()));
        }
    }

    /** {@code "; did you mean casepulse.http.port?"}, or nothing when no declared key is near. */
    static String suggestion(String unknown, Collection<String> known) {
        return Closest.to(unknown, known).map(key -> "; did you mean " + key + "?").orElse("");
    }

    /** The known environment variable nearest to an unknown one. */
    Optional<String> closestEnvironmentName(String name) {
        return Closest.to(name, byEnvironmentName.keySet());
    }

    /** A Markdown table of every setting: key, environment variable, type, default, description. */
    public String markdownTable() {
        StringBuilder table = new StringBuilder("| key | environment | type | default | what it does |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Setting<?> setting : byKey.values()) {
            table.append("| `").append(setting.key()).append("` | `").append(environmentName(setting.key()))
                    .append("` | ").append(setting.type()).append(" | ")
                    .append(setting.defaultValue() == null ? "" : "`" + setting.defaultValue() + "`")
                    .append(" | ").append(setting.doc().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    /** Lower case, with {@code .} and {@code -} as {@code _}: how keys and environment names are compared. */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
