package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsSettingsTest {

    @Test
    void shouldListenOnLoopbackPort8080ByDefault() {
        assertThat(OperationsSettings.fromConfig(Map.of()))
                .isEqualTo(new OperationsSettings("127.0.0.1", 8080, Duration.ofSeconds(15)))
                .isEqualTo(OperationsSettings.defaults());
    }

    @Test
    void shouldReadHostAndPortSettings() {
        assertThat(OperationsSettings.fromConfig(Map.of("casepulse.http.host", "0.0.0.0", "casepulse.http.port", " 9090 ")))
                .isEqualTo(OperationsSettings.of("0.0.0.0", 9090));
    }

    @Test
    void shouldNameTheSettingOfABadPort() {
        assertThatThrownBy(() -> OperationsSettings.fromConfig(Map.of("casepulse.http.port", "eighty")))
                .hasMessage("casepulse.http.port must be a port number, got eighty");
        assertThatThrownBy(() -> OperationsSettings.fromConfig(Map.of("casepulse.http.port", "70000")))
                .hasMessage("casepulse.http.port: port must be 0 to 65535, got 70000");
    }
}
