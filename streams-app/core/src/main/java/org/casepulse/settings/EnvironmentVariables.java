package org.casepulse.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Settings from environment variables, so that a container needs no file:
 * <ul>
 *   <li>{@code CASEPULSE_<NAME>} sets the declared setting whose key, without {@code casepulse.} and
 *       compared in lower case with {@code .} and {@code -} as {@code _}, is {@code <NAME>}:
 *       {@code CASEPULSE_TOPICS_REPLICATION_FACTOR} sets {@code casepulse.topics.replication-factor},
 *       {@code CASEPULSE_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers};</li>
 *   <li>{@code CASEPULSE_KAFKA_<NAME>} sets the Kafka client (or serde) key {@code <name>}, as the Kafka
 *       images do: {@code _} is {@code .}, {@code __} is {@code _}, {@code ___} is {@code -}
 *       ({@code CASEPULSE_KAFKA_SASL_JAAS_CONFIG} sets {@code sasl.jaas.config}).</li>
 * </ul>
 * A blank value sets nothing.
 */
public final class EnvironmentVariables {
    public static final String PREFIX = "CASEPULSE_";
    public static final String KAFKA_PREFIX = PREFIX + "KAFKA_";

    /** Variables Kubernetes adds for a Service named casepulse(-...): not settings, never a mistake. */
    private static final Pattern SERVICE_LINK = Pattern.compile(
            "[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT_\\d+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?)");
    private static final Pattern SERVICE_LINK_PORT = Pattern.compile("(tcp|udp|sctp)://.+");

    private EnvironmentVariables() {
    }

    /**
     * The settings the environment gives, by key.
     *
     * @param strict whether a {@code CASEPULSE_} variable that names no declared setting stops start-up
     *               (the engine), or is left for another program sharing the environment (the tools)
     * @throws InvalidSettingException in strict mode, naming the variable and the nearest known one
     */
    public static Map<String, String> settings(Map<String, String> environment, DeclaredSettings declared, boolean strict) {
        Map<String, String> settings = new LinkedHashMap<>();
        new TreeMap<>(environment).forEach((name, value) -> {
            if (!name.startsWith(PREFIX) || value == null || value.isBlank()) {
                return;
            }
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                settings.put(clientKey(name.substring(KAFKA_PREFIX.length())), value.strip());
                return;
            }
            Optional<Setting<?>> setting = declared.forEnvironmentName(name);
            if (setting.isPresent()) {
                settings.put(setting.get().key(), value.strip());
            } else if (strict && !isServiceLink(name, value)) {
                throw new InvalidSettingException("Unknown setting in the environment: " + name
                        + declared.closestEnvironmentName(name).map(known -> "; did you mean " + known + " ("
                                + declared.forEnvironmentName(known).orElseThrow().key() + ")?")
                                .orElse("; " + KAFKA_PREFIX + "<NAME> sets a Kafka client setting"));
            }
        });
        return settings;
    }

    /** {@code SASL_JAAS_CONFIG} -> {@code sasl.jaas.config}; {@code __} -> {@code _}; {@code ___} -> {@code -}. */
    static String clientKey(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                .replace('\u0001', '-').replace('\u0002', '_');
    }

    private static boolean isServiceLink(String name, String value) {
        return SERVICE_LINK.matcher(name).matches()
                || name.endsWith("_PORT") && SERVICE_LINK_PORT.matcher(value.strip()).matches();
    }
}
