package org.casepulse.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.http.OperationsSettings;
import org.casepulse.settings.CommonSettings;
import org.casepulse.settings.DeclaredSettings;
import org.casepulse.settings.EnvironmentVariables;
import org.casepulse.settings.InvalidSettingException;
import org.casepulse.settings.Setting;
import org.casepulse.settings.SettingLayers;
import org.casepulse.settings.SettingsFile;
import org.casepulse.http.auth.AccessSettings;
import org.casepulse.http.tls.TlsSettings;
import org.casepulse.scorecard.commentary.CommentText;
import org.casepulse.topics.Topics;
import org.casepulse.topology.FlushCadence;
import org.casepulse.topology.TopologySettings;

/**
 * Casepulse's configuration. Every setting it reads is declared below, once, with its type, default
 * and description; {@code java -jar casepulse.jar settings} and the README's table are made from
 * these declarations. Any key not under {@code casepulse.} passes through to Kafka Streams, its
 * clients and the serde as given; an undeclared {@code casepulse.*} key stops start-up.
 *
 * <p>Values come from flags, then the environment, then the {@code --config} file, then the
 * defaults ({@link SettingLayers}); {@link EnvironmentVariables} says how variables name keys.
 *
 * <p>To add a setting, declare it here in one line and read it with {@link #get(Setting)}:
 * <pre>{@code public static final Setting<Integer> STANDBY_REPLICAS = declare(Setting.integer(
 *         "casepulse.standby.replicas", 0, "What it does, in one sentence."));}</pre>
 */
public final class CasepulseSettings {

    private static final List<Setting<?>> DECLARED = new ArrayList<>();

    // Where Kafka and the Schema Registry are, and the reference data: shared with casepulse-tools.
    public static final Setting<String> BOOTSTRAP_SERVERS = declare(CommonSettings.BOOTSTRAP_SERVERS);
    public static final Setting<String> SCHEMA_REGISTRY_URL = declare(CommonSettings.SCHEMA_REGISTRY_URL);
    public static final Setting<Path> INDICATOR_CATALOGUE = declare(CommonSettings.INDICATOR_CATALOGUE);
    public static final Setting<Path> AREAS = declare(CommonSettings.AREAS);
    public static final Setting<Path> BENCHMARKS = declare(CommonSettings.BENCHMARKS);
    public static final Setting<Path> BANK_HOLIDAYS = declare(CommonSettings.BANK_HOLIDAYS);
    public static final Setting<WorkingDayCalendar.Mode> CALENDAR_MODE = declare(CommonSettings.CALENDAR_MODE);

    // Kafka Streams keys Casepulse gives its own defaults (every other Kafka key passes through as given).
    public static final Setting<String> APPLICATION_ID = declare(Setting.text(StreamsConfig.APPLICATION_ID_CONFIG,
            "casepulse-indicators-v1", "Kafka Streams application id: consumer group and prefix of the internal topics; "
                    + "a new one reprocesses from the start."));
    public static final Setting<String> STATE_DIR = declare(Setting.text(StreamsConfig.STATE_DIR_CONFIG, null,
            "Where the state stores live (default: casepulse-streams in java.io.tmpdir)."));
    public static final Setting<Integer> STREAM_THREADS = declare(Setting.integer(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
            null, "Stream threads (default: one per core)."));
    public static final Setting<String> PROCESSING_GUARANTEE = declare(Setting.text(
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
            "exactly_once_v2: nothing pending is lost or counted twice; at_least_once is not faster here."));
    // Under exactly-once a figure is visible only once the transaction that wrote it commits, and an
    // event crosses two flushes and two commits (case ledger, then series stage). A stage whose input
    // is current asks for a commit right after each flush that sent something (FlushSchedule), so
    // live latency is about two live flushes plus two commits; this interval is the cadence of the
    // commits nobody asks for, while catching up: each one is a transaction and a flush of every
    // store cache, and 2 s lets the caches absorb ten times more repeated writes than 200 ms did.
    public static final Setting<Long> COMMIT_INTERVAL_MS = declare(Setting.longInteger(
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 2000L, "Exactly-once commits while catching up; a live stage asks "
                    + "for one after each flush, so a figure's p99 latency stays under a second."));
    public static final Setting<Integer> STANDBY_REPLICAS = declare(Setting.integer(
            StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1, "Warm copies of each task's stores on another instance: "
                    + "failover without replaying the changelogs. No effect with a single instance."));
    public static final Setting<Long> MAX_TASK_IDLE_MS = declare(Setting.longInteger(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
            -1L, "-1: never hold a task back to compare timestamps across partitions (the sums do not depend on that order)."));
    public static final Setting<Long> STATESTORE_CACHE_MAX_BYTES = declare(Setting.longInteger(
            StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024,
            "Store caches: they absorb repeated writes to hot keys (series cells, open cases)."));

    // A transaction's first sends can meet the previous commit's markers still being written
    // (CONCURRENT_TRANSACTIONS); the producer retries them with exponential backoff up to a second,
    // and with commits after every live flush those waits made the latency's tail: p99 6.2 s with
    // Kafka's backoff, 0.5 s with these (benchmark --latency).
    public static final Setting<Long> PRODUCER_RETRY_BACKOFF_MS = declare(Setting.longInteger(
            "producer.retry.backoff.ms", 20L, "First wait before a producer retry (a send that met the previous "
                    + "transaction's end): short, so that a live figure is not held back."));
    public static final Setting<Long> PRODUCER_RETRY_BACKOFF_MAX_MS = declare(Setting.longInteger(
            "producer.retry.backoff.max.ms", 100L, "Longest wait between producer retries (Kafka's 1 s put p99 "
                    + "latency at seconds)."));

    // A member that went away without leaving (a killed process, a stream thread replaced after a
    // registry outage) holds its partitions until its session times out.
    public static final Setting<Integer> SESSION_TIMEOUT_MS = declare(Setting.integer("session.timeout.ms", 10000,
            "Consumer session: a member gone without leaving holds its partitions this long (10 s, not Kafka's 45)."));

    // Casepulse's own.
    public static final Setting<Boolean> EXIT_ON_STREAMS_ERROR = declare(Setting.bool("casepulse.exit-on-streams-error",
            true, "Exit (status 70) when the streams client dies, so that an orchestrator restarts the process."));
    public static final Setting<Integer> CASE_STATE_MAX_BYTES = declare(Setting.integer("casepulse.case-state.max-bytes",
            512 * 1024, "Largest stored state of one case; an event that would pass it is dead-lettered (case-state-limit)."));
    public static final Setting<Duration> DEAD_LETTERS_RETENTION_MS = declare(Setting.millis(
            "casepulse.dead-letters.retention.ms", Duration.ofDays(30),
            "Retention of the dead-letter topic when Casepulse creates it: it holds original records, personal data."));
    public static final Setting<Boolean> STATIC_MEMBERSHIP = declare(Setting.bool("casepulse.static-membership", false,
            "Join the group with a group.instance.id kept in the state directory (static membership)."));
    public static final Setting<Boolean> LEAVE_GROUP_ON_CLOSE = declare(Setting.bool("casepulse.leave-group-on-close",
            true, "Leave the consumer group on a clean stop, so a restart does not wait for the session to time out."));
    public static final Setting<Long> ROCKSDB_MEMORY_BYTES = declare(Setting.longInteger("casepulse.rocksdb.memory.bytes",
            256L * 1024 * 1024, "Off-heap memory of all RocksDB stores together (block cache and memtables), so a "
                    + "container's memory limit holds: heap + this + about 200 MB of the JVM's own."));
    public static final Setting<LocalDate> AS_OF = declare(Setting.date("casepulse.as-of",
            "Compute as if today were this date, to reproduce a past report (default: today in Europe/London)."));
    public static final Setting<Integer> REPORTING_MONTHS = declare(Setting.integer("casepulse.reporting.months",
            TopologySettings.DEFAULT_REPORTING_MONTHS, "Months of figures published, the current one included."));
    public static final Setting<Duration> FLUSH_INTERVAL_MS = declare(Setting.millis("casepulse.flush.interval.ms",
            FlushCadence.DEFAULT_LIVE, "How often a stage whose input is current sends its summed changes or "
                    + "publishes what they changed (latency)."));
    public static final Setting<Duration> CATCH_UP_FLUSH_INTERVAL_MS = declare(Setting.millis(
            "casepulse.flush.catch-up-interval.ms", FlushCadence.DEFAULT_CATCH_UP, "The same while a stage catches up "
                    + "(backfill, reprocessing, restart): each changed figure is evaluated and sent once per interval."));
    public static final Setting<Duration> CATCH_UP_LAG_MS = declare(Setting.millis("casepulse.flush.catch-up-lag.ms",
            FlushCadence.DEFAULT_CATCH_UP_LAG, "A stage is catching up while the records it processes were produced "
                    + "more than this long before."));
    public static final Setting<Duration> CLOCK_INTERVAL_MS = declare(Setting.millis("casepulse.clock.interval.ms",
            TopologySettings.DEFAULT_CLOCK_INTERVAL, "How often the day is checked (snapshot figures move at midnight)."));
    public static final Setting<String> TOPIC_CASE_EVENTS = declare(Setting.text("casepulse.topics.case-events",
            Topics.CASE_EVENTS, "Input topic of case events."));
    public static final Setting<String> TOPIC_SNAPSHOTS = declare(Setting.text("casepulse.topics.snapshots",
            Topics.SNAPSHOTS, "Output topic of indicator snapshots (compacted)."));
    public static final Setting<String> TOPIC_DEAD_LETTERS = declare(Setting.text("casepulse.topics.dead-letters",
            Topics.DEAD_LETTERS, "Dead-letter topic: refused records with the reason in headers."));
    public static final Setting<String> TOPIC_COMMENTARY = declare(Setting.text("casepulse.topics.commentary",
            Topics.COMMENTARY, "Commentary and data-quality notes written through the API, every version (compacted)."));
    public static final Setting<String> TOPIC_WORKFORCE = declare(Setting.text("casepulse.topics.workforce",
            Topics.WORKFORCE, "Input topic of establishment and staff facts from HR (compacted: a fact per key)."));
    public static final Setting<Boolean> TOPIC_CREATE = declare(Setting.bool("casepulse.topics.create", true,
            "Create the five public topics at start-up if they are missing."));
    public static final Setting<Integer> TOPIC_PARTITIONS = declare(Setting.integer("casepulse.topics.partitions", 4,
            "Partitions of topics created at start-up."));
    public static final Setting<Integer> TOPIC_REPLICATION = declare(Setting.integer("casepulse.topics.replication-factor",
            -1, "Replication factor of topics created at start-up; -1: the broker's default."));
    public static final Setting<Boolean> HTTP_ENABLED = declare(Setting.bool("casepulse.http.enabled", true,
            "Serve the scorecard page, API, metrics and health checks."));
    public static final Setting<String> HTTP_HOST = declare(Setting.text("casepulse.http.host",
            OperationsSettings.DEFAULT_HOST, "Interface the page and API listen on (0.0.0.0: every interface)."));
    public static final Setting<Integer> HTTP_PORT = declare(Setting.port("casepulse.http.port",
            OperationsSettings.DEFAULT_PORT, "Port of the page, API, metrics and health checks."));
    public static final Setting<Integer> COMMENTARY_MAX_CHARS = declare(Setting.integer("casepulse.commentary.max-chars",
            CommentText.DEFAULT_MAX_CHARS, "Longest commentary or data-quality note accepted, in characters; a longer one gets 400."));
    public static final Setting<Integer> HTTP_STREAM_MAX_CLIENTS = declare(Setting.integer("casepulse.http.stream.max.clients",
            OperationsSettings.DEFAULT_MAX_STREAM_CLIENTS, "Clients following /api/stream at once; more get 503."));
    // No default on purpose: unset means required, and the local demo can tell "unset" from "asked for".
    public static final Setting<String> HTTP_AUTH_MODE = declare(Setting.text(AccessSettings.MODE_KEY,
            null, "required (when unset): every request authenticates (users file or OpenID Connect); none: nobody does."));
    public static final Setting<String> HTTP_AUTH_USERS = declare(Setting.text(AccessSettings.USERS_KEY, null,
            "Users file: one 'user:bcrypt-hash:roles[:area]' a line (roles viewer, editor, operator)."));
    public static final Setting<String> HTTP_AUTH_OPEN = declare(Setting.text(AccessSettings.OPEN_KEY, null,
            "Route groups served without authentication, comma-separated (e.g. metrics,health)."));
    public static final Setting<String> HTTP_AUTH_OIDC_ISSUER = declare(Setting.text(AccessSettings.OIDC_ISSUER_KEY, null,
            "OpenID Connect issuer whose bearer tokens are accepted."));
    public static final Setting<String> HTTP_AUTH_OIDC_JWKS_URI = declare(Setting.text(AccessSettings.OIDC_JWKS_URI_KEY,
            null, "The issuer's JWKS address (default: from its discovery document)."));
    public static final Setting<String> HTTP_AUTH_OIDC_AUDIENCE = declare(Setting.text(AccessSettings.OIDC_AUDIENCE_KEY,
            null, "Audience a token must carry, if any."));
    public static final Setting<String> HTTP_AUTH_OIDC_ROLES_CLAIM = declare(Setting.text(
            AccessSettings.OIDC_ROLES_CLAIM_KEY, null, "Claim holding the roles (default: roles)."));
    public static final Setting<String> HTTP_AUTH_OIDC_AREA_CLAIM = declare(Setting.text(
            AccessSettings.OIDC_AREA_CLAIM_KEY, null, "Claim holding the area a user is scoped to, if any."));
    public static final Setting<String> HTTP_TLS_KEYSTORE = declare(Setting.text(TlsSettings.KEY_STORE_KEY, null,
            "PKCS#12 key store for TLS on the HTTP port (or certificate and key as PEM)."));
    public static final Setting<String> HTTP_TLS_KEYSTORE_PASSWORD = declare(Setting.text(TlsSettings.PASSWORD_KEY, null,
            "Password of the key store."));
    public static final Setting<String> HTTP_TLS_CERTIFICATE = declare(Setting.text(TlsSettings.CERTIFICATE_KEY, null,
            "PEM certificate chain for TLS on the HTTP port."));
    public static final Setting<String> HTTP_TLS_KEY = declare(Setting.text(TlsSettings.PRIVATE_KEY_KEY, null,
            "PEM private key of that certificate."));
    public static final Setting<String> HTTP_TLS_RELOAD_INTERVAL_MS = declare(Setting.text(TlsSettings.RELOAD_INTERVAL_KEY,
            null, "How often the TLS files are checked for a change, which is then served without a restart."));
    public static final Setting<LogFormat> LOG_FORMAT = declare(Setting.oneOf("casepulse.log.format", LogFormat.class,
            LogFormat.TEXT, "text: a dated line per event; json: a JSON object per line, for log shippers."));

    private static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;

    private CasepulseSettings(Map<String, String> values) {
        this.values = values;
    }

    /** Declares a setting: one line per setting, in the order the documentation lists them. */
    private static <T> Setting<T> declare(Setting<T> setting) {
        DECLARED.add(setting);
        return setting;
    }

    /** Every setting Casepulse takes. */
    public static DeclaredSettings declared() {
        return Declared.SETTINGS;
    }

    /** Built on first use, so that it holds every declaration wherever in the class it is. */
    private static final class Declared {
        static final DeclaredSettings SETTINGS = new DeclaredSettings(DECLARED);
    }

    public static CasepulseSettings defaults() {
        return new CasepulseSettings(new LinkedHashMap<>(declared().defaults()));
    }

    /** The file (if any) and the environment, over the defaults. */
    public static CasepulseSettings load(Optional<Path> file, Map<String, String> environment) {
        return load(file, environment, Map.of());
    }

    /**
     * Flags, over the environment, over the file (if any), over the defaults.
     *
     * @throws InvalidSettingException naming an unknown {@code casepulse.*} key or variable and where
     *         it was found, or a value that is not of its setting's type and where it came from
     */
    public static CasepulseSettings load(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {
        DeclaredSettings declared = declared();
        Map<String, String> fromFile = file.map(SettingsFile::read).orElse(Map.of());
        fromFile.keySet().forEach(key -> declared.requireKnown(key, "in " + file.orElseThrow()));
        flags.keySet().forEach(key -> declared.requireKnown(key, "on the command line"));
        SettingLayers layers = new SettingLayers(flags, EnvironmentVariables.settings(environment, declared, true),
                fromFile, declared.defaults());
        for (Setting<?> setting : declared.all()) {
            Optional<String> value = layers.value(setting.key());
            try {
                value.ifPresent(setting::parse);
            } catch (InvalidSettingException e) {
                throw new InvalidSettingException(e.getMessage() + " " + layers.sourceOf(setting.key()).orElseThrow().where(), e);
            }
        }
        return new CasepulseSettings(layers.merged());
    }

    /**
     * These settings with one more value (null: unchanged).
     *
     * @throws InvalidSettingException for an unknown {@code casepulse.*} key or a value not of its type
     */
    public CasepulseSettings with(String key, Object value) {
        if (value == null) {
            return this;
        }
        declared().requireKnown(key, "given to CasepulseSettings.with");
        String text = String.valueOf(value);
        declared().find(key).ifPresent(setting -> setting.parse(text));
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, text);
        return new CasepulseSettings(copy);
    }

    public CasepulseSettings with(Setting<?> setting, Object value) {
        return with(setting.key(), value);
    }

    /** The setting's value, its default if not given, or null if it has neither. */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElse(null);
    }

    public <T> Optional<T> find(Setting<T> setting) {
        return find(setting.key()).or(() -> Optional.ofNullable(setting.defaultValue())).map(setting::parse);
    }

    /** The text of any key, ours or Kafka's, as given. */
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
        return get(BOOTSTRAP_SERVERS);
    }

    public String schemaRegistryUrl() {
        return get(SCHEMA_REGISTRY_URL);
    }

    public Topics topics() {
        return new Topics(get(TOPIC_CASE_EVENTS), get(TOPIC_SNAPSHOTS), get(TOPIC_DEAD_LETTERS), get(TOPIC_COMMENTARY),
                get(TOPIC_WORKFORCE));
    }

    public int topicPartitions() {
        return get(TOPIC_PARTITIONS);
    }

    public short topicReplicationFactor() {
        return get(TOPIC_REPLICATION).shortValue();
    }

    public boolean createTopics() {
        return get(TOPIC_CREATE);
    }

    public BusinessClock clock() {
        return find(AS_OF).map(BusinessClock::fixed).orElse(BusinessClock.wall());
    }

    public FlushCadence cadence() {
        return new FlushCadence(get(FLUSH_INTERVAL_MS), get(CATCH_UP_FLUSH_INTERVAL_MS), get(CATCH_UP_LAG_MS));
    }

    public Duration clockInterval() {
        return get(CLOCK_INTERVAL_MS);
    }

    public int reportingMonths() {
        return get(REPORTING_MONTHS);
    }

    public String httpHost() {
        return get(HTTP_HOST);
    }

    public boolean httpEnabled() {
        return get(HTTP_ENABLED);
    }

    public int httpPort() {
        return get(HTTP_PORT);
    }

    /** Where the operations surface listens. */
    public OperationsSettings operations() {
        Map<String, String> all = asMap();
        return new OperationsSettings(httpHost(), httpPort(), OperationsSettings.DEFAULT_HEARTBEAT,
                get(HTTP_STREAM_MAX_CLIENTS), AccessSettings.fromConfig(all), TlsSettings.fromConfig(all),
                commentaryMaxChars());
    }

    /** The longest commentary text accepted, in characters. */
    public int commentaryMaxChars() {
        return get(COMMENTARY_MAX_CHARS);
    }

    public boolean exitOnStreamsError() {
        return get(EXIT_ON_STREAMS_ERROR);
    }

    public int caseStateMaxBytes() {
        return get(CASE_STATE_MAX_BYTES);
    }

    public Duration deadLettersRetention() {
        return get(DEAD_LETTERS_RETENTION_MS);
    }

    /** Whether each instance joins its consumer group under a stable id kept in its state directory. */
    public boolean staticMembership() {
        return get(STATIC_MEMBERSHIP);
    }

    /** Whether a clean stop leaves the consumer group, so that the partitions move on at once. */
    public boolean leaveGroupOnClose() {
        return get(LEAVE_GROUP_ON_CLOSE);
    }

    /** Every key that is not ours: Kafka Streams, client and serde settings pass through as given. */
    public Map<String, Object> passThrough() {
        Map<String, Object> others = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!DeclaredSettings.isOurs(key)) {
                others.put(key, value);
            }
        });
        return others;
    }
}
