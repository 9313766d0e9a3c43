package org.casepulse.serde;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.casepulse.registry.RestSchemaRegistryClient;

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

    private final List<String> registryUrls;
    private final String userInfo;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;

    private AvroSerdeConfig(List<String> registryUrls, String userInfo, boolean autoRegisterSchemas,
                            boolean useLatestVersion) {
        this.registryUrls = registryUrls;
        this.userInfo = userInfo;
        this.autoRegisterSchemas = autoRegisterSchemas;
        this.useLatestVersion = useLatestVersion;
    }

    /** Parses Kafka-style configs; values may be strings or typed values. */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        List<String> urls = registryUrls(configs.get(SCHEMA_REGISTRY_URL));
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
        return new AvroSerdeConfig(urls, userInfo, bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false));
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    /** A new caching client for the configured registry and credentials. */
    public RestSchemaRegistryClient newRegistryClient() {
        return new RestSchemaRegistryClient(registryUrls, userInfo, RestSchemaRegistryClient.DEFAULT_TIMEOUT);
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
