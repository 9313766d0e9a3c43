package org.casepulse.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A properties file of settings. {@code kafka.<key>} is the Kafka client (or serde) key {@code <key>},
 * for those who like to see which keys are Kafka's; any other key is taken as written.
 */
public final class SettingsFile {
    public static final String KAFKA_PREFIX = "kafka.";

    private SettingsFile() {
    }

    /**
     * The settings in the file, values stripped, by key.
     *
     * @throws InvalidSettingException when the file cannot be read
     */
    public static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingException("Cannot read the configuration file " + file + ": " + e, e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(key(name.strip()), properties.getProperty(name).strip()));
        return settings;
    }

    /** {@code kafka.security.protocol} -> {@code security.protocol}; any other key as it is. */
    public static String key(String name) {
        return name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()
                ? name.substring(KAFKA_PREFIX.length()) : name;
    }

    /**
     * {@code key=value} as given to {@code -X} on a command line.
     *
     * @throws InvalidSettingException without an {@code =} or a key
     */
    public static Map.Entry<String, String> assignment(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new InvalidSettingException("-X takes key=value, got '" + text + "'");
        }
        return Map.entry(key(text.substring(0, equals).strip()), text.substring(equals + 1).strip());
    }
}
