package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.http.tls.TlsSettings;
import org.casepulse.reference.ReferenceData;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on the HTTP port, with certificates made in the test by the JDK's keytool: served from a
 * PKCS#12 key store or PEM files, and replaced without a restart (a new connection gets the new one).
 */
@WithRealKafka
class OperationsTlsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSWORD = "changeit";

    private static SnapshotTopic topic;
    private static SnapshotView view;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(RealKafka kafka) {
        topic = SnapshotTopic.create(kafka, 1);
        view = topic.startView();
    }

    @AfterAll
    static void stop() {
        view.close();
        topic.close();
    }

    @Test
    void shouldServeAPkcs12CertificateAndTheNextOneWithoutRestart() throws Exception {
        Path keyStore = dir.resolve("http.p12");
        keytool(keyStore, "first");
        TlsSettings tls = TlsSettings.pkcs12(keyStore, PASSWORD).withReloadInterval(Duration.ofMillis(200));
        try (OperationsServer server = start(tls)) {
            assertThat(server.url()).startsWith("https://127.0.0.1:");
            HttpResponse<String> answer = get(server, keyStore);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(subject(answer)).isEqualTo("CN=first");

            Path renewed = dir.resolve("renewed.p12");
            keytool(renewed, "second");
            Files.move(renewed, keyStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Trusting only the new certificate: the handshake fails until it is served.
            await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(SSLException.class)
                    .untilAsserted(() -> assertThat(subject(get(server, keyStore))).isEqualTo("CN=second"));
        }
    }

    @Test
    void shouldServePemFilesAndTheNextOnesWithoutRestart() throws Exception {
        Path certificate = dir.resolve("http.crt");
        Path key = dir.resolve("http.key");
        Path keyStore = dir.resolve("pem-source.p12");
        keytool(keyStore, "pem-first");
        writePem(keyStore, certificate, key);
        TlsSettings tls = TlsSettings.pem(certificate, key).withReloadInterval(Duration.ofMillis(200));
        try (OperationsServer server = start(tls)) {
            assertThat(subject(get(server, keyStore))).isEqualTo("CN=pem-first");

            Path next = dir.resolve("pem-next.p12");
            keytool(next, "pem-second");
            writePem(next, certificate, key);
            await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(SSLException.class)
                    .untilAsserted(() -> assertThat(subject(get(server, next))).isEqualTo("CN=pem-second"));
        }
    }

    private static OperationsServer start(TlsSettings tls) {
        return OperationsServer.start(new OperationsSettings("127.0.0.1", 0, Duration.ofSeconds(15)).withTls(tls), view,
                ReferenceData.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> KafkaStreams.State.RUNNING);
    }

    /** GET /health/live on a new connection, trusting only the certificate in {@code trusted}. */
    private static HttpResponse<String> get(OperationsServer server, Path trusted) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trusted)) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        // A new client each time: a new connection, a new handshake.
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String subject(HttpResponse<String> answer) throws Exception {
        Certificate served = answer.sslSession().orElseThrow().getPeerCertificates()[0];
        return ((X509Certificate) served).getSubjectX500Principal().getName();
    }

    /** A self-signed certificate for 127.0.0.1 and localhost in a new PKCS#12 key store. */
    private static void keytool(Path keyStore, String commonName) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "casepulse",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + commonName,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The key store's certificate and PKCS#8 key as PEM files, each written whole then moved in place. */
    private void writePem(Path keyStore, Path certificate, Path key) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String certificatePem = "-----BEGIN CERTIFICATE-----\n"
                + base64.encodeToString(store.getCertificate("casepulse").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        String keyPem = "-----BEGIN PRIVATE KEY-----\n"
                + base64.encodeToString(store.getKey("casepulse", PASSWORD.toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        for (var file : List.of(List.of(key, keyPem), List.of(certificate, certificatePem))) {
            Path target = (Path) file.get(0);
            Path written = Files.writeString(dir.resolve(target.getFileName() + ".new"), (String) file.get(1));
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
