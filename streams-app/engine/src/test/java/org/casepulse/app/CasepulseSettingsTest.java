package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.http.OperationsSettings;
import org.casepulse.settings.DeclaredSettings;
import org.casepulse.settings.InvalidSettingException;
import org.casepulse.settings.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasepulseSettingsTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeFlagsOverTheEnvironmentOverTheFileOverTheDefaults() throws IOException {
        Path file = write("casepulse.http.port=9001\ncasepulse.reporting.months=6\ncasepulse.topics.partitions=8\n");
        CasepulseSettings settings = CasepulseSettings.load(Optional.of(file),
                Map.of("CASEPULSE_HTTP_PORT", "9002", "CASEPULSE_REPORTING_MONTHS", "7"),
                Map.of("casepulse.http.port", "9003"));

        assertThat(settings.httpPort()).isEqualTo(9003);
        assertThat(settings.reportingMonths()).isEqualTo(7);
        assertThat(settings.topicPartitions()).isEqualTo(8);
        assertThat(settings.cadence()).isEqualTo(org.casepulse.topology.FlushCadence.defaults());
    }

    @Test
    void shouldSetEveryDeclaredKeyFromTheEnvironmentHyphensIncluded() {
        CasepulseSettings settings = CasepulseSettings.load(Optional.empty(), Map.of(
                "CASEPULSE_AS_OF", "2026-03-31",
                "CASEPULSE_TOPICS_REPLICATION_FACTOR", "3",
                "CASEPULSE_TOPICS_CASE_EVENTS", "cms.events",
                "CASEPULSE_CALENDAR_MODE", "replace",
                "CASEPULSE_HTTP_HOST", "0.0.0.0",
                "CASEPULSE_HTTP_AUTH_MODE", "none",
                "CASEPULSE_STATE_DIR", "/var/lib/casepulse"));

        assertThat(settings.get(CasepulseSettings.AS_OF)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(settings.topicReplicationFactor()).isEqualTo((short) 3);
        assertThat(settings.topics().caseEvents()).isEqualTo("cms.events");
        assertThat(settings.get(CasepulseSettings.CALENDAR_MODE)).isEqualTo(WorkingDayCalendar.Mode.REPLACE);
        assertThat(settings.operations()).isEqualTo(OperationsSettings.of("0.0.0.0", 8080));
        assertThat(settings.passThrough()).containsEntry("state.dir", "/var/lib/casepulse");
    }

    @Test
    void shouldPassKafkaClientKeysFromTheEnvironmentTheFileAndFlagsThrough() throws IOException {
        Path file = write("kafka.sasl.mechanism=PLAIN\nssl.truststore.location=/etc/ts.jks\n");
        CasepulseSettings settings = CasepulseSettings.load(Optional.of(file),
                Map.of("CASEPULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "CASEPULSE_KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required;",
                        "CASEPULSE_SCHEMA_REGISTRY_URL", "https://registry:8081"),
                Map.of("basic.auth.user.info", "casepulse:secret"));

        assertThat(settings.passThrough())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "PlainLoginModule required;")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("ssl.truststore.location", "/etc/ts.jks")
                .containsEntry("basic.auth.user.info", "casepulse:secret")
                .containsEntry("schema.registry.url", "https://registry:8081")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .doesNotContainKeys("casepulse.http.port");
    }

    @Test
    void shouldStopOnAnUnknownKeyOfOursWhereverItComesFrom() throws IOException {
        Path file = write("casepulse.http.prot=9000\n");
        assertThatThrownBy(() -> CasepulseSettings.load(Optional.of(file), Map.of()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Unknown setting casepulse.http.prot in " + file + "; did you mean casepulse.http.port?");
        assertThatThrownBy(() -> CasepulseSettings.load(Optional.empty(), Map.of("CASEPULSE_TOPICS_REPLICATION", "3")))
                .hasMessage("Unknown setting in the environment: CASEPULSE_TOPICS_REPLICATION; did you mean "
                        + "CASEPULSE_TOPICS_REPLICATION_FACTOR (casepulse.topics.replication-factor)?");
        assertThatThrownBy(() -> CasepulseSettings.load(Optional.empty(), Map.of(), Map.of("casepulse.as_of", "2026-01-01")))
                .hasMessage("Unknown setting casepulse.as_of on the command line; did you mean casepulse.as-of?");
        assertThatThrownBy(() -> CasepulseSettings.defaults().with("casepulse.flush.interval", 5))
                .hasMessageStartingWith("Unknown setting casepulse.flush.interval");
    }

    @Test
    void shouldNameTheKeyAndSourceOfAValueOfTheWrongType() {
        assertThatThrownBy(() -> CasepulseSettings.load(Optional.empty(), Map.of("CASEPULSE_HTTP_PORT", "eighty")))
                .hasMessage("casepulse.http.port: expected a whole number, got 'eighty' in the environment");
        assertThatThrownBy(() -> CasepulseSettings.load(Optional.empty(), Map.of(), Map.of("casepulse.as-of", "tomorrow")))
                .hasMessage("casepulse.as-of: expected a date like 2026-03-31, got 'tomorrow' on the command line");
        assertThatThrownBy(() -> CasepulseSettings.defaults().with(CasepulseSettings.HTTP_PORT, 70000))
                .hasMessage("casepulse.http.port: expected a port number from 0 to 65535, got '70000'");
    }

    @Test
    void shouldHaveTheDefaultsItDocuments() {
        CasepulseSettings settings = CasepulseSettings.defaults();
        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThatThrownBy(settings::operations).as("authentication is on by default, and nobody can log in yet")
                .hasMessageContaining("nobody can log in");
        assertThat(settings.with(CasepulseSettings.HTTP_AUTH_MODE, "none").operations())
                .isEqualTo(OperationsSettings.defaults());
        assertThat(settings.httpEnabled()).isTrue();
        assertThat(settings.createTopics()).isTrue();
        assertThat(settings.find(CasepulseSettings.AS_OF)).isEmpty();
        assertThat(settings.get(CasepulseSettings.LOG_FORMAT)).isEqualTo(LogFormat.TEXT);
        assertThat(settings.passThrough()).containsEntry("application.id", "casepulse-indicators-v1")
                .containsEntry("commit.interval.ms", "2000").doesNotContainKey("state.dir");
    }

    @Test
    void shouldGiveEverySettingItsOwnEnvironmentVariable() {
        DeclaredSettings declared = CasepulseSettings.declared();
        for (Setting<?> setting : declared.all()) {
            assertThat(declared.forEnvironmentName(DeclaredSettings.environmentName(setting.key()))).contains(setting);
            assertThat(setting.doc()).as(setting.key()).isNotBlank().endsWith(".");
        }
    }

    private Path write(String properties) throws IOException {
        Path file = dir.resolve("casepulse.properties");
        Files.writeString(file, properties);
        return file;
    }
}
