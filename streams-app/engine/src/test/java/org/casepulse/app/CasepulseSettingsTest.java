package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CasepulseSettingsTest {

    @Test
    void shouldTakeAnyKafkaClientKeyFromTheEnvironment() {
        CasepulseSettings settings = CasepulseSettings.load(Optional.empty(), Map.of(
                "CASEPULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "CASEPULSE_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "CASEPULSE_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/casepulse/ca.pem",
                "CASEPULSE_HTTP_AUTH_USERS", "/etc/casepulse/users",
                "CASEPULSE_BOOTSTRAP_SERVERS", "broker:9093"));

        assertThat(settings.passThrough())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .containsEntry("ssl.truststore.location", "/etc/casepulse/ca.pem")
                .containsEntry("bootstrap.servers", "broker:9093")
                .doesNotContainKey("casepulse.http.auth.users");
        assertThat(settings.get("casepulse.http.auth.users")).isEqualTo("/etc/casepulse/users");
    }
}
