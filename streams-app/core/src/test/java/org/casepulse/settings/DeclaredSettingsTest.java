package org.casepulse.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

class DeclaredSettingsTest {
    private static final Setting<Integer> PORT = Setting.port("casepulse.http.port", 8080, "Port.");
    private static final Setting<Duration> FLUSH = Setting.millis("casepulse.flush.interval.ms", Duration.ofSeconds(1), "Flush.");
    private static final Setting<LocalDate> AS_OF = Setting.date("casepulse.as-of", "Today.");
    private static final DeclaredSettings DECLARED = new DeclaredSettings(List.of(PORT, FLUSH, AS_OF,
            Setting.text("bootstrap.servers", "localhost:9092", "Kafka | brokers.")));

    @Test
    void shouldNameTheNearestKeyOfAnUnknownOneOfOurs() {
        assertThatThrownBy(() -> DECLARED.requireKnown("casepulse.htp.port", "in casepulse.properties"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Unknown setting casepulse.htp.port in casepulse.properties; did you mean casepulse.http.port?");
        assertThatThrownBy(() -> DECLARED.requireKnown("casepulse.something-else-entirely", "on the command line"))
                .hasMessage("Unknown setting casepulse.something-else-entirely on the command line");
    }

    @Test
    void shouldLetKafkaKeysPass() {
        DECLARED.requireKnown("security.protocol", "in the file");
        DECLARED.requireKnown("casepulse.http.port", "in the file");
        assertThat(DeclaredSettings.isOurs("sasl.jaas.config")).isFalse();
    }

    @Test
    void shouldParseValuesAndNameTheKeyOfABadOne() {
        assertThat(PORT.parse(" 9090 ")).isEqualTo(9090);
        assertThat(FLUSH.parse("200")).isEqualTo(Duration.ofMillis(200));
        assertThat(AS_OF.parse("2026-03-31")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Setting.oneOf("casepulse.calendar.mode", WorkingDayCalendar.Mode.class, WorkingDayCalendar.Mode.EXTEND, "")
                .parse("Replace")).isEqualTo(WorkingDayCalendar.Mode.REPLACE);
        assertThatThrownBy(() -> PORT.parse("eighty")).isInstanceOf(InvalidSettingException.class)
                .hasMessage("casepulse.http.port: expected a whole number, got 'eighty'");
        assertThatThrownBy(() -> PORT.parse("70000"))
                .hasMessage("casepulse.http.port: expected a port number from 0 to 65535, got '70000'");
        assertThatThrownBy(() -> FLUSH.parse("0"))
                .hasMessage("casepulse.flush.interval.ms: expected a positive number of milliseconds, got '0'");
        assertThatThrownBy(() -> AS_OF.parse("31/03/2026"))
                .hasMessage("casepulse.as-of: expected a date like 2026-03-31, got '31/03/2026'");
        assertThatThrownBy(() -> Setting.bool("casepulse.topics.create", true, "").parse("yes"))
                .hasMessage("casepulse.topics.create: expected true or false, got 'yes'");
    }

    @Test
    void shouldRefuseDeclarationsThatCollide() {
        assertThatThrownBy(() -> new DeclaredSettings(List.of(PORT, Setting.integer("casepulse.http.port", 1, ""))))
                .hasMessage("Setting casepulse.http.port is declared twice");
        assertThatThrownBy(() -> new DeclaredSettings(List.of(Setting.text("casepulse.a-b", null, ""),
                Setting.text("casepulse.a.b", null, ""))))
                .hasMessage("Settings casepulse.a-b and casepulse.a.b have the same environment variable CASEPULSE_A_B");
        assertThatThrownBy(() -> new DeclaredSettings(List.of(Setting.text("casepulse.kafka.acks", null, ""))))
                .hasMessageContaining("casepulse.kafka.* names Kafka client settings");
        assertThatThrownBy(() -> Setting.integer("casepulse.x", null, "").parse("x"))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> Setting.of("casepulse.y", "number", "not a number", "", Integer::parseInt))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void shouldDocumentEverySettingInATable() {
        assertThat(DECLARED.defaults()).containsExactly(Map.entry("casepulse.http.port", "8080"),
                Map.entry("casepulse.flush.interval.ms", "1000"), Map.entry("bootstrap.servers", "localhost:9092"));
        assertThat(DECLARED.markdownTable()).isEqualTo("""
                | key | environment | type | default | what it does |
                | --- | --- | --- | --- | --- |
                | `casepulse.http.port` | `CASEPULSE_HTTP_PORT` | port (0: any) | `8080` | Port. |
                | `casepulse.flush.interval.ms` | `CASEPULSE_FLUSH_INTERVAL_MS` | milliseconds | `1000` | Flush. |
                | `casepulse.as-of` | `CASEPULSE_AS_OF` | date (YYYY-MM-DD) |  | Today. |
                | `bootstrap.servers` | `CASEPULSE_BOOTSTRAP_SERVERS` | text | `localhost:9092` | Kafka \\| brokers. |
                """);
    }
}
