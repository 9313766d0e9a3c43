package org.casepulse.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.topics.Topics;
import org.casepulse.topology.TopologySettings;

/**
 * Casepulse's configuration: our own {@code casepulse.*} keys, Confluent's serde keys
 * ({@code schema.registry.url}, ...) and any Kafka Streams or client key, which pass through.
 * Read from a properties file, then environment variables ({@code CASEPULSE_FOO_BAR} for
 * {@code casepulse.foo.bar}), then command-line flags, each overriding the one before.
 */
public final class CasepulseSettings {

    public static final String AS_OF = "casepulse.as-of";
    public static final String FLUSH_INTERVAL_MS = "casepulse.flush.interval.ms";
    public static final String CLOCK_INTERVAL_MS = "casepulse.clock.interval.ms";
    public static final String REPORTING_MONTHS = "casepulse.reporting.months";
    public static final String TOPIC_CASE_EVENTS = "casepulse.topics.case-events";
    public static final String TOPIC_SNAPSHOTS = "casepulse.topics.snapshots";
    public static final String TOPIC_DEAD_LETTERS = "casepulse.topics.dead-letters";
    public static final String TOPIC_PARTITIONS = "casepulse.topics.partitions";
    public static final String TOPIC_REPLICATION = "casepulse.topics.replication-factor";
    public static final String TOPIC_CREATE = "casepulse.topics.create";
    public static final String HTTP_HOST = "casepulse.http.host";
    public static final String HTTP_PORT = "casepulse.http.port";
    public static final String HTTP_ENABLED = "casepulse.http.enabled";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(StreamsConfig.APPLICATION_ID_CONFIG, "casepulse-indicators-v1"),
            Map.entry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"),
            Map.entry(SCHEMA_REGISTRY_URL, "http://localhost:8081"),
            Map.entry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2),
            // Under exactly-once a figure is visible only once the transaction that wrote it
            // commits, and an event crosses two commits (case ledger, then series stage) and two
            // flushes: latency is about 2 x (commit + flush) at worst. 200 ms each keeps p99 under
            // a second (benchmark --latency) while the store caches still absorb repeated writes
            // to hot keys between commits (README, Benchmarks, says what it costs against 1 s).
            Map.entry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200"),
            // A second instance keeps a warm copy of each task's stores: on failover it takes over
            // without replaying the changelogs from the start. No effect with a single instance.
            Map.entry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1"),
            // Sums and ledgers do not depend on the order of records across partitions: never
            // hold a task back waiting for another partition's records to compare timestamps.
            Map.entry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1"),
            // The store caches absorb repeated writes to hot keys (series cells, open cases).
            Map.entry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(64L * 1024 * 1024)),
            Map.entry(FLUSH_INTERVAL_MS, String.valueOf(TopologySettings.DEFAULT_FLUSH_INTERVAL.toMillis())),
            Map.entry(CLOCK_INTERVAL_MS, String.valueOf(TopologySettings.DEFAULT_CLOCK_INTERVAL.toMillis())),
            Map.entry(REPORTING_MONTHS, String.valueOf(TopologySettings.DEFAULT_REPORTING_MONTHS)),
            Map.entry(TOPIC_CASE_EVENTS, Topics.CASE_EVENTS),
            Map.entry(TOPIC_SNAPSHOTS, Topics.SNAPSHOTS),
            Map.entry(TOPIC_DEAD_LETTERS, Topics.DEAD_LETTERS),
            Map.entry(TOPIC_PARTITIONS, "4"),
            Map.entry(TOPIC_REPLICATION, "-1"),
            Map.entry(TOPIC_CREATE, "true"),
            Map.entry(HTTP_HOST, "127.0.0.1"),
            Map.entry(HTTP_ENABLED, "true"),
            Map.entry(HTTP_PORT, "8080"));

    private final Map<String, String> values;

    private CasepulseSettings(Map<String, String> values) {
        this.values = values;
    }

    public static CasepulseSettings defaults() {
        return new CasepulseSettings(new LinkedHashMap<>(DEFAULTS));
    }

    /** Defaults, overridden by the file (if any), then by {@code CASEPULSE_*} environment variables. */
    public static CasepulseSettings load(Optional<Path> file, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        file.ifPresent(path -> values.putAll(readProperties(path)));
        environment.forEach((name, value) -> {
            if (name.startsWith("CASEPULSE_") && !value.isBlank()) {
                values.put(fromEnvironmentName(name), value);
            }
        });
        return new CasepulseSettings(values);
    }

    /** {@code CASEPULSE_HTTP_PORT} -> {@code casepulse.http.port}; {@code CASEPULSE_BOOTSTRAP_SERVERS} -> {@code bootstrap.servers}. */
    static String fromEnvironmentName(String name) {
        String key = name.substring("CASEPULSE_".length()).toLowerCase().replace('_', '.');
        return switch (key) {
            case "bootstrap.servers", "schema.registry.url", "application.id", "state.dir" -> key;
            default -> "casepulse." + key;
        };
    }

    public CasepulseSettings with(String key, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        if (value != null) {
            copy.put(key, String.valueOf(value));
        }
        return new CasepulseSettings(copy);
    }

    public String get(String key) {
        return values.get(key);
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    public String bootstrapServers() {
        return get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    public String schemaRegistryUrl() {
        return get(SCHEMA_REGISTRY_URL);
    }

    public Topics topics() {
        return new Topics(get(TOPIC_CASE_EVENTS), get(TOPIC_SNAPSHOTS), get(TOPIC_DEAD_LETTERS));
    }

    public int topicPartitions() {
        return integer(TOPIC_PARTITIONS);
    }

    public short topicReplicationFactor() {
        return (short) integer(TOPIC_REPLICATION);
    }

    public boolean createTopics() {
        return Boolean.parseBoolean(get(TOPIC_CREATE));
    }

    public BusinessClock clock() {
        return find(AS_OF).map(CasepulseSettings::date).map(BusinessClock::fixed).orElse(BusinessClock.wall());
    }

    public Duration flushInterval() {
        return Duration.ofMillis(integer(FLUSH_INTERVAL_MS));
    }

    public Duration clockInterval() {
        return Duration.ofMillis(integer(CLOCK_INTERVAL_MS));
    }

    public int reportingMonths() {
        return integer(REPORTING_MONTHS);
    }

    public String httpHost() {
        return get(HTTP_HOST);
    }

    public boolean httpEnabled() {
        return Boolean.parseBoolean(get(HTTP_ENABLED));
    }

    public int httpPort() {
        return integer(HTTP_PORT);
    }

    /** Every key that is not ours: Kafka Streams, client and serde settings pass through as given. */
    public Map<String, Object> passThrough() {
        Map<String, Object> others = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!key.startsWith("casepulse.")) {
                others.put(key, value);
            }
        });
        return others;
    }

    private int integer(String key) {
        String value = get(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a whole number, got '" + value + "'");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(AS_OF + ": expected a date like 2026-03-31, got '" + value + "'");
        }
    }

    private static Map<String, String> readProperties(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the configuration file " + path + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }
}
