package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperationsSettingsTest {

    @Test
    void shouldListenOnLoopbackPort8080ByDefault() {
        assertThat(OperationsSettings.defaults())
                .isEqualTo(new OperationsSettings("127.0.0.1", 8080, Duration.ofSeconds(15)));
    }

    @Test
    void shouldRefuseAPortOutOfRange() {
        assertThatThrownBy(() -> OperationsSettings.of("127.0.0.1", 70000))
                .hasMessage("port must be 0 to 65535, got 70000");
    }
}
