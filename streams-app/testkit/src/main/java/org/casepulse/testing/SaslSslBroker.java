package org.casepulse.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.casepulse.broker.EmbeddedKafkaBroker;
import org.casepulse.registry.EmbeddedSchemaRegistry;

/**
 * The in-JVM broker with only a SASL_SSL listener (SCRAM-SHA-512, a certificate made here), a
 * SCRAM user and a schema registry, and the environment an operator gives a container for it.
 * Tests get one per class with {@link WithSaslSslBroker}.
 */
public final class SaslSslBroker implements AutoCloseable {
    public static final String USER = "casepulse";
    public static final String PASSWORD = "scram-secret-1";
    private static final String STORE_PASSWORD = "broker-store";

    private final Path dir;
    private final Path trustedCertificate;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private SaslSslBroker(Path dir, Path trustedCertificate, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.dir = dir;
        this.trustedCertificate = trustedCertificate;
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts it with its certificate, data and the application's state under {@code dir}. */
    public static SaslSslBroker start(Path dir) throws Exception {
        Path keyStore = dir.resolve("broker.p12");
        Path trustedCertificate = dir.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-file", trustedCertificate.toString());
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSaslSsl(dir.resolve("kafka"), "127.0.0.1",
                new EmbeddedKafkaBroker.SaslSsl(keyStore, STORE_PASSWORD));
        broker.createScramUser(USER, PASSWORD);
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
        return new SaslSslBroker(dir, trustedCertificate, broker, registry);
    }

    public Path trustedCertificate() {
        return trustedCertificate;
    }

    /** The connection and security settings, as CASEPULSE_* variables: what the app and every tool share. */
    public Map<String, String> clientEnvironment(String password) {
        Map<String, String> environment = new HashMap<>();
        environment.put("CASEPULSE_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("CASEPULSE_SCHEMA_REGISTRY_URL", registry.url());
        environment.put("CASEPULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        environment.put("CASEPULSE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        environment.put("CASEPULSE_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"" + USER + "\" password=\"" + password + "\";");
        environment.put("CASEPULSE_KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        environment.put("CASEPULSE_KAFKA_SSL_TRUSTSTORE_LOCATION", trustedCertificate.toString());
        return environment;
    }

    /** The application's environment: the client settings and a small, fast engine. */
    public Map<String, String> applicationEnvironment(String password) {
        Map<String, String> environment = clientEnvironment(password);
        environment.put("CASEPULSE_KAFKA_NUM_STREAM_THREADS", "1");
        environment.put("CASEPULSE_STATE_DIR", dir.resolve("state").toString());
        environment.put("CASEPULSE_FLUSH_INTERVAL_MS", "200");
        environment.put("CASEPULSE_HTTP_PORT", "0");
        environment.put("CASEPULSE_HTTP_AUTH_MODE", "none");
        return environment;
    }

    /** The entries of {@code settings} (an application's Kafka pass-through settings) that a client knowing {@code names} takes. */
    public static Map<String, Object> clientConfig(Map<String, ?> settings, Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        settings.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }

    @Override
    public void close() {
        registry.close();
        broker.close();
    }

    /** Closes it and deletes its directory, as JUnit's temporary directories are. */
    void closeAndDelete() throws IOException {
        close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void keytool(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
