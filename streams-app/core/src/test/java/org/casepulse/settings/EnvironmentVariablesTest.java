package org.casepulse.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {
    private static final DeclaredSettings DECLARED = new DeclaredSettings(List.of(
            Setting.date("casepulse.as-of", "Today."),
            Setting.integer("casepulse.topics.replication-factor", -1, "Replicas."),
            Setting.file("casepulse.calendar.bank-holidays", "Holidays."),
            Setting.port("casepulse.http.port", 8080, "Port."),
            Setting.text("bootstrap.servers", "localhost:9092", "Kafka.")));

    @Test
    void shouldMatchHyphenatedAndDottedKeysWhateverTheSeparators() {
        assertThat(EnvironmentVariables.settings(Map.of(
                "CASEPULSE_AS_OF", "2026-03-31",
                "CASEPULSE_TOPICS_REPLICATION_FACTOR", "3",
                "CASEPULSE_CALENDAR_BANK_HOLIDAYS", "/etc/holidays.json",
                "CASEPULSE_BOOTSTRAP_SERVERS", " broker:9092 "), DECLARED, true))
                .containsOnly(
                        Map.entry("casepulse.as-of", "2026-03-31"),
                        Map.entry("casepulse.topics.replication-factor", "3"),
                        Map.entry("casepulse.calendar.bank-holidays", "/etc/holidays.json"),
                        Map.entry("bootstrap.servers", "broker:9092"));
    }

    @Test
    void shouldTurnKafkaVariablesIntoClientKeysAsTheKafkaImagesDo() {
        assertThat(EnvironmentVariables.settings(Map.of(
                "CASEPULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "CASEPULSE_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "CASEPULSE_KAFKA_BASIC_AUTH_USER_INFO", "casepulse:secret",
                "CASEPULSE_KAFKA_SOME__ODD___KEY", "x"), DECLARED, true))
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;"),
                        Map.entry("basic.auth.user.info", "casepulse:secret"),
                        Map.entry("some_odd-key", "x"));
    }

    @Test
    void shouldIgnoreBlankValuesAndOtherPrograms() {
        assertThat(EnvironmentVariables.settings(Map.of("CASEPULSE_AS_OF", " ", "PATH", "/bin", "KAFKA_HOME", "/opt"),
                DECLARED, true)).isEmpty();
    }

    @Test
    void shouldStopOnAnUnknownVariableNamingItAndTheNearestOne() {
        assertThatThrownBy(() -> EnvironmentVariables.settings(Map.of("CASEPULSE_HTTP_PROT", "80"), DECLARED, true))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Unknown setting in the environment: CASEPULSE_HTTP_PROT; did you mean CASEPULSE_HTTP_PORT"
                        + " (casepulse.http.port)?");
        assertThatThrownBy(() -> EnvironmentVariables.settings(Map.of("CASEPULSE_SECURITY_PROTOCOL", "SSL"), DECLARED, true))
                .hasMessage("Unknown setting in the environment: CASEPULSE_SECURITY_PROTOCOL; CASEPULSE_KAFKA_<NAME> sets"
                        + " a Kafka client setting");
    }

    @Test
    void shouldLeaveUnknownVariablesToOtherProgramsWhenNotStrict() {
        assertThat(EnvironmentVariables.settings(Map.of("CASEPULSE_HTTP_PROT", "80", "CASEPULSE_AS_OF", "2026-01-31"),
                DECLARED, false)).containsOnly(Map.entry("casepulse.as-of", "2026-01-31"));
    }

    @Test
    void shouldNotMistakeKubernetesServiceLinksForSettings() {
        assertThat(EnvironmentVariables.settings(Map.of(
                "CASEPULSE_PORT", "tcp://10.0.0.7:8080",
                "CASEPULSE_SERVICE_HOST", "10.0.0.7",
                "CASEPULSE_SERVICE_PORT", "8080",
                "CASEPULSE_PORT_8080_TCP_ADDR", "10.0.0.7"), DECLARED, true)).isEmpty();
        assertThatThrownBy(() -> EnvironmentVariables.settings(Map.of("CASEPULSE_PORT", "8080"), DECLARED, true))
                .hasMessageStartingWith("Unknown setting in the environment: CASEPULSE_PORT");
    }
}
