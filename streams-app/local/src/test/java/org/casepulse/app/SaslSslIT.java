package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.events.CaseEvent;
import org.casepulse.metrics.Metrics;
import org.casepulse.serde.SpecificAvroSerializer;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.SaslSslBroker;
import org.casepulse.testing.WithSaslSslBroker;
import org.junit.jupiter.api.Test;

/**
 * The application against a broker that only speaks SASL_SSL with SCRAM-SHA-512, its certificate
 * made in the test, configured by environment variables alone ({@code CASEPULSE_KAFKA_*} for every
 * Kafka client key), as a container in a secured cluster is: topics created, events read, figures
 * published and served by the view, every client through the secured listener.
 */
@WithSaslSslBroker
class SaslSslIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void shouldRunTheApplicationAgainstSaslSslConfiguredByEnvironmentOnly(SaslSslBroker secured) throws Exception {
        // What an operator puts in the container's environment for a SASL_SSL cluster.
        CasepulseSettings settings = CasepulseSettings.load(Optional.empty(),
                secured.applicationEnvironment(SaslSslBroker.PASSWORD));
        assertThat(settings.passThrough()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", secured.trustedCertificate().toString());
        try (CasepulseApplication application = new CasepulseApplication(settings, Metrics.prometheus())) {
            KafkaStreams streams = application.start();
            await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            // Recent dates: the business day is the wall clock's (casepulse.as-of has no environment name yet).
            String referred = LocalDate.now(ZoneId.of("Europe/London")).minusDays(3).toString();
            CaseEvents events = CaseEvents.forCase("case-1", "child-1");
            send(settings, events.referral("N1", referred), events.allocation("N1", referred, "worker-1"));

            // The figure went through the topology and back through the view, both on SASL_SSL.
            String url = application.server().url() + "/api/snapshots?indicator=allocation-within-2wd&area=NATIONAL&periodType=YTD";
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(get(url).get("figures"))
                        .anySatisfy(figure -> assertThat(figure.get("denominator").asLong()).isEqualTo(1));
            });
        }
    }

    @Test
    void shouldBeRefusedWithAWrongPassword(SaslSslBroker secured) {
        CasepulseSettings settings = CasepulseSettings.load(Optional.empty(),
                secured.applicationEnvironment("wrong-password"));
        Map<String, Object> config = new HashMap<>(clientConfig(settings, AdminClientConfig.configNames()));
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void send(CasepulseSettings settings, CaseEvent... events) throws Exception {
        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", settings.schemaRegistryUrl()), false);
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                clientConfig(settings, ProducerConfig.configNames()), new StringSerializer(), serializer)) {
            for (CaseEvent event : events) {
                producer.send(new ProducerRecord<>(settings.topics().caseEvents(), event.getCaseId(), event))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The settings' Kafka client keys that a client of this kind knows. */
    private static Map<String, Object> clientConfig(CasepulseSettings settings, java.util.Set<String> known) {
        return SaslSslBroker.clientConfig(settings.passThrough(), known);
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
