package org.casepulse.serde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.casepulse.registry.RegistryClientSettings;
import org.casepulse.registry.RegistryTls;
import org.casepulse.registry.RestSchemaRegistryClient;
import org.casepulse.registry.RetryPolicy;

/**
 * The serde's configuration keys, named as Confluent's so that Confluent's
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde} can be swapped in by class name,
 * and their parsed values.
 */
public final class AvroSerdeConfig {
    /** Comma-separated registry base URLs; the first that answers is used. Required. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the record's schema under the subject when serializing (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /**
     * Serialize with the subject's latest registered schema (default false). As in Confluent, only
     * effective with {@code auto.register.schemas=false}.
     */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Read into generated classes; the specific serde always does, as Confluent's forces it true. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** {@code URL} (default: credentials from the URL's user info) or {@code USER_INFO}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password}, used when the credentials source is {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    /** {@code STATIC_TOKEN} sends {@code bearer.auth.token} as {@code Authorization: Bearer}; unset: no bearer auth. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    /** The token sent when the bearer credentials source is {@code STATIC_TOKEN}. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    /** Confluent Cloud's logical cluster, sent as header {@code target-sr-cluster} with bearer auth. */
    public static final String BEARER_AUTH_LOGICAL_CLUSTER = "bearer.auth.logical.cluster";
    /** Confluent Cloud's identity pool, sent as header {@code Confluent-Identity-Pool-Id} with bearer auth. */
    public static final String BEARER_AUTH_IDENTITY_POOL_ID = "bearer.auth.identity.pool.id";
    /** Subject name strategy of keys: Confluent's class name or simple name (default TopicNameStrategy). */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** Subject name strategy of values: Confluent's class name or simple name (default TopicNameStrategy). */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** TLS to the registry, as Confluent names it: Kafka's {@code ssl.*} keys under {@code schema.registry.}. */
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** JKS (default) or PKCS12. */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    /** JKS (default) or PKCS12. */
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    /** {@code https} (default): the certificate must name the host; empty: it need not. */
    public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM = "schema.registry.ssl.endpoint.identification.algorithm";
    /** Retries of a call after a transient fault (no answer, timeout, 5xx, 429); default 3, as Confluent's. */
    public static final String MAX_RETRIES = "max.retries";
    /** First wait before a retry, doubling each time; default 1000. */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    /** Longest wait between retries; default 20000. */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    /** Connection timeout of each attempt; default 10000. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Time allowed for each attempt's answer; default 30000. */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    private final RegistryClientSettings registry;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final SubjectNameStrategy keySubjectNameStrategy;
    private final SubjectNameStrategy valueSubjectNameStrategy;

    private AvroSerdeConfig(RegistryClientSettings registry, boolean autoRegisterSchemas, boolean useLatestVersion,
                            SubjectNameStrategy keySubjectNameStrategy, SubjectNameStrategy valueSubjectNameStrategy) {
        this.registry = registry;
        this.autoRegisterSchemas = autoRegisterSchemas;
        this.useLatestVersion = useLatestVersion;
        this.keySubjectNameStrategy = keySubjectNameStrategy;
        this.valueSubjectNameStrategy = valueSubjectNameStrategy;
    }

    /** Parses Kafka-style configs; values may be strings or typed values. */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        List<String> urls = registryUrls(configs.get(SCHEMA_REGISTRY_URL));
        RegistryClientSettings registry = RegistryClientSettings.of(urls)
                .withHeaders(authenticationHeaders(configs, urls))
                .withTimeouts(Duration.ofMillis(positiveLong(configs, HTTP_CONNECT_TIMEOUT_MS,
                                RegistryClientSettings.DEFAULT_CONNECT_TIMEOUT.toMillis())),
                        Duration.ofMillis(positiveLong(configs, HTTP_READ_TIMEOUT_MS,
                                RegistryClientSettings.DEFAULT_REQUEST_TIMEOUT.toMillis())))
                .withRetry(new RetryPolicy((int) nonNegativeLong(configs, MAX_RETRIES, RetryPolicy.DEFAULT.maxRetries()),
                        Duration.ofMillis(nonNegativeLong(configs, RETRIES_WAIT_MS, RetryPolicy.DEFAULT.initialWait().toMillis())),
                        Duration.ofMillis(nonNegativeLong(configs, RETRIES_MAX_WAIT_MS, RetryPolicy.DEFAULT.maxWait().toMillis()))));
        registry = withTls(configs, registry);
        return new AvroSerdeConfig(registry, bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                strategy(configs, KEY_SUBJECT_NAME_STRATEGY), strategy(configs, VALUE_SUBJECT_NAME_STRATEGY));
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }

    /** How the registry is reached: URLs, credentials, TLS, timeouts, retries. */
    public RegistryClientSettings registrySettings() {
        return registry;
    }

    /** A new caching client for the configured registry and credentials. */
    public RestSchemaRegistryClient newRegistryClient() {
        return new RestSchemaRegistryClient(registry);
    }

    /** Basic auth ({@code basic.auth.*}) or bearer auth ({@code bearer.auth.*}), as Confluent's client reads them. */
    private static Map<String, String> authenticationHeaders(Map<String, ?> configs, List<String> urls) {
        String bearerSource = string(configs, BEARER_AUTH_CREDENTIALS_SOURCE, "");
        if (!bearerSource.isEmpty()) {
            if (configs.containsKey(BASIC_AUTH_CREDENTIALS_SOURCE)) {
                throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource, "set either "
                        + BASIC_AUTH_CREDENTIALS_SOURCE + " or " + BEARER_AUTH_CREDENTIALS_SOURCE + ", not both");
            }
            if (!"STATIC_TOKEN".equals(bearerSource)) {
                throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource, "Casepulse's serde supports "
                        + "STATIC_TOKEN only (with " + BEARER_AUTH_TOKEN + "); fetch an OAuth token outside and pass it");
            }
            String token = string(configs, BEARER_AUTH_TOKEN, "");
            if (token.isEmpty()) {
                throw new ConfigException(BEARER_AUTH_TOKEN, "(hidden)", "must be set when "
                        + BEARER_AUTH_CREDENTIALS_SOURCE + " is STATIC_TOKEN");
            }
            Map<String, String> headers = new HashMap<>();
            headers.put("Authorization", "Bearer " + token);
            String cluster = string(configs, BEARER_AUTH_LOGICAL_CLUSTER, "");
            if (!cluster.isEmpty()) {
                headers.put("target-sr-cluster", cluster);
            }
            String pool = string(configs, BEARER_AUTH_IDENTITY_POOL_ID, "");
            if (!pool.isEmpty()) {
                headers.put("Confluent-Identity-Pool-Id", pool);
            }
            return headers;
        }
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL");
        String userInfo = switch (source) {
            case "URL" -> RestSchemaRegistryClient.userInfoInUrls(urls);
            case "USER_INFO" -> {
                String info = string(configs, BASIC_AUTH_USER_INFO, "");
                if (!info.contains(":")) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO, "(hidden)",
                            "must be user:password when " + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO");
                }
                yield info;
            }
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported values are URL and USER_INFO");
        };
        return userInfo == null ? Map.of() : Map.of("Authorization", RestSchemaRegistryClient.basicAuthorization(userInfo));
    }

    private static RegistryClientSettings withTls(Map<String, ?> configs, RegistryClientSettings registry) {
        String algorithm = string(configs, SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "https");
        if (!algorithm.isEmpty() && !algorithm.equalsIgnoreCase("https")) {
            throw new ConfigException(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, algorithm, "must be https or empty");
        }
        boolean verifyHostname = !algorithm.isEmpty();
        RegistryTls.Store trustStore = store(configs, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE);
        RegistryTls.Store keyStore = store(configs, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE);
        if (trustStore == null && keyStore == null && verifyHostname) {
            return registry;
        }
        String keyPassword = string(configs, SSL_KEY_PASSWORD, "");
        try {
            return registry.withTls(RegistryTls.context(trustStore, keyStore,
                    keyPassword.isEmpty() ? null : keyPassword.toCharArray(), verifyHostname), verifyHostname);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static RegistryTls.Store store(Map<String, ?> configs, String locationKey, String passwordKey, String typeKey) {
        String location = string(configs, locationKey, "");
        if (location.isEmpty()) {
            return null;
        }
        String password = string(configs, passwordKey, "");
        return new RegistryTls.Store(Path.of(location), password.isEmpty() ? null : password.toCharArray(),
                string(configs, typeKey, "JKS"));
    }

    private static SubjectNameStrategy strategy(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return SubjectNameStrategy.TOPIC;
        }
        String name = value instanceof Class<?> type ? type.getName() : value.toString();
        return SubjectNameStrategy.parse(name).orElseThrow(() -> new ConfigException(key, name, "supported strategies are "
                + Arrays.stream(SubjectNameStrategy.values()).map(SubjectNameStrategy::confluentClass).toList()
                + " (or their simple names)"));
    }

    private static long nonNegativeLong(Map<String, ?> configs, String key, long defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ConfigException(key, value, "expected a whole number, 0 or more");
    }

    private static long positiveLong(Map<String, ?> configs, String key, long defaultValue) {
        long value = nonNegativeLong(configs, key, defaultValue);
        if (value == 0) {
            throw new ConfigException(key, value, "expected a whole number above 0");
        }
        return value;
    }

    private static List<String> registryUrls(Object value) {
        List<String> urls = value instanceof List<?> list
                ? list.stream().map(String::valueOf).flatMap(url -> RestSchemaRegistryClient.splitUrls(url).stream()).toList()
                : value == null ? List.of() : RestSchemaRegistryClient.splitUrls(value.toString());
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\" which has no default value.");
        }
        return urls;
    }

    private static String string(Map<String, ?> configs, String key, String defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : value.toString().trim();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "expected true or false");
    }
}
