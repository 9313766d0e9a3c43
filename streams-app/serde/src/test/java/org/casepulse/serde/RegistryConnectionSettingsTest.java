package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casepulse.serde.Samples.TOPIC;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's keys for reaching a registry: TLS ({@code schema.registry.ssl.*}, against the
 * embedded registry served over HTTPS with certificates made here by the JDK's keytool), bearer
 * auth ({@code bearer.auth.*}) and the subject name strategies.
 */
class RegistryConnectionSettingsTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path localhostKeys;
    private static Path otherHostKeys;
    private static Path trustStore;

    @BeforeAll
    static void makeCertificates() throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Assumptions.assumeTrue(Files.isExecutable(keytool), "the JDK's keytool is missing at " + keytool);
        localhostKeys = dir.resolve("localhost.p12");
        otherHostKeys = dir.resolve("other.p12");
        trustStore = dir.resolve("trust.jks");
        keyPair(keytool, localhostKeys, "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        keyPair(keytool, otherHostKeys, "CN=registry.example.org", "SAN=dns:registry.example.org");
        for (Path keys : List.of(localhostKeys, otherHostKeys)) {
            Path certificate = dir.resolve(keys.getFileName() + ".crt");
            keytool(keytool, "-exportcert", "-alias", "registry", "-keystore", keys.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-file", certificate.toString());
            keytool(keytool, "-importcert", "-noprompt", "-alias", keys.getFileName().toString(), "-file",
                    certificate.toString(), "-keystore", trustStore.toString(), "-storetype", "JKS", "-storepass", PASSWORD);
        }
    }

    @Test
    void shouldReachAnHttpsRegistryWithTheConfiguredTrustStore() {
        try (EmbeddedSchemaRegistry registry = httpsRegistry(localhostKeys)) {
            assertThat(registry.url()).startsWith("https://127.0.0.1:");
            Map<String, Object> config = config(registry.url());
            config.put(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, trustStore.toString());
            config.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD);
            config.put(AvroSerdeConfig.SSL_TRUSTSTORE_TYPE, "JKS");

            assertThat(roundTrip(config)).isEqualTo(Samples.event(EventType.CASE_CLOSED));
        }
    }

    @Test
    void shouldRefuseAnUntrustedCertificate() {
        try (EmbeddedSchemaRegistry registry = httpsRegistry(localhostKeys)) {
            assertThatThrownBy(() -> roundTrip(config(registry.url())))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining("SSLHandshakeException");
            assertThat(registry.requests()).isEmpty();
        }
    }

    @Test
    void shouldCheckTheHostNameUnlessTheIdentificationAlgorithmIsEmpty() {
        try (EmbeddedSchemaRegistry registry = httpsRegistry(otherHostKeys)) {
            Map<String, Object> config = config(registry.url());
            config.put(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, trustStore.toString());
            config.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD);

            assertThatThrownBy(() -> roundTrip(config))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining("SSLHandshakeException");

            config.put(AvroSerdeConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "");
            assertThat(roundTrip(config)).isEqualTo(Samples.event(EventType.CASE_CLOSED));
        }
    }

    @Test
    void shouldNameAKeyStoreThatCannotBeRead() {
        Map<String, Object> config = config("https://127.0.0.1:1");
        config.put(AvroSerdeConfig.SSL_KEYSTORE_LOCATION, dir.resolve("missing.p12").toString());
        config.put(AvroSerdeConfig.SSL_KEYSTORE_PASSWORD, PASSWORD);
        config.put(AvroSerdeConfig.SSL_KEYSTORE_TYPE, "PKCS12");

        assertThatThrownBy(() -> AvroSerdeConfig.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.p12");
    }

    @Test
    void shouldSendAStaticBearerTokenAndConfluentCloudHeaders() throws IOException {
        List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(Map.of("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "cluster", String.valueOf(exchange.getRequestHeaders().getFirst("target-sr-cluster")),
                    "pool", String.valueOf(exchange.getRequestHeaders().getFirst("Confluent-Identity-Pool-Id"))));
            byte[] body = "{\"id\":42}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Map<String, Object> config = config("http://127.0.0.1:" + server.getAddress().getPort());
            config.put(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN");
            config.put(AvroSerdeConfig.BEARER_AUTH_TOKEN, "t0ken");
            config.put(AvroSerdeConfig.BEARER_AUTH_LOGICAL_CLUSTER, "lsrc-123");
            config.put(AvroSerdeConfig.BEARER_AUTH_IDENTITY_POOL_ID, "pool-9");
            SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
            serializer.configure(config, false);

            byte[] bytes = serializer.serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));

            assertThat(bytes[4]).isEqualTo((byte) 42);
            assertThat(seen).containsExactly(Map.of("authorization", "Bearer t0ken", "cluster", "lsrc-123", "pool", "pool-9"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRefuseBearerSourcesItDoesNotSupportAndMissingTokens() {
        Map<String, Object> oauth = config("http://127.0.0.1:1");
        oauth.put(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "OAUTHBEARER");
        Map<String, Object> noToken = config("http://127.0.0.1:1");
        noToken.put(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN");

        assertThatThrownBy(() -> AvroSerdeConfig.from(oauth))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OAUTHBEARER")
                .hasMessageContaining("supports STATIC_TOKEN only");
        assertThatThrownBy(() -> AvroSerdeConfig.from(noToken))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.BEARER_AUTH_TOKEN);
    }

    @Test
    void shouldRegisterUnderTheConfiguredSubjectNameStrategies() {
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            Map<String, Object> config = config(registry.url());
            config.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy");
            config.put(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy");
            SpecificAvroSerializer<CaseEvent> values = new SpecificAvroSerializer<>();
            values.configure(config, false);
            SpecificAvroSerializer<CaseEvent> keys = new SpecificAvroSerializer<>();
            keys.configure(config, true);
            SpecificAvroSerializer<CaseEvent> byDefault = new SpecificAvroSerializer<>();
            byDefault.configure(config(registry.url()), false);

            values.serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));
            keys.serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));
            byDefault.serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));

            assertThat(registry.requests()).containsExactly(
                    "POST /subjects/org.casepulse.events.CaseEvent/versions",
                    "POST /subjects/" + TOPIC + "-org.casepulse.events.CaseEvent/versions",
                    "POST /subjects/" + TOPIC + "-value/versions");
        }
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicNameStrategy"))
                .contains(SubjectNameStrategy.TOPIC);
        Map<String, Object> unknown = config("http://127.0.0.1:1");
        unknown.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.MyStrategy");
        assertThatThrownBy(() -> AvroSerdeConfig.from(unknown))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("com.example.MyStrategy")
                .hasMessageContaining("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
    }

    private static CaseEvent roundTrip(Map<String, Object> config) {
        SpecificAvroSerde<CaseEvent> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        byte[] bytes = serde.serializer().serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));
        SpecificAvroDeserializer<CaseEvent> reader = new SpecificAvroDeserializer<>();
        reader.configure(config, false);
        return reader.deserialize(TOPIC, bytes);
    }

    private static Map<String, Object> config(String url) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        config.put(AvroSerdeConfig.MAX_RETRIES, "0");
        config.put(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, "5000");
        return config;
    }

    private static EmbeddedSchemaRegistry httpsRegistry(Path keys) {
        return new EmbeddedSchemaRegistry().serveTls(keys, PASSWORD, "PKCS12").start("127.0.0.1", 0);
    }

    private static void keyPair(Path keytool, Path store, String name, String san) throws IOException, InterruptedException {
        keytool(keytool, "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", name, "-ext", san, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
    }

    private static void keytool(Path keytool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        File output = dir.resolve("keytool.log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool failed: " + command + "\n" + Files.readString(output.toPath()));
        }
    }
}
