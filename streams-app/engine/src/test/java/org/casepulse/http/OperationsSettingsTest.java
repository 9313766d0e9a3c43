package org.casepulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.casepulse.app.CasepulseSettings;
import java.util.Set;
import org.casepulse.http.auth.AccessSettings;
import org.casepulse.http.auth.RouteGroup;
import org.casepulse.http.tls.TlsSettings;
import org.junit.jupiter.api.Test;

class OperationsSettingsTest {
    private static final Map<String, String> NO_AUTH = Map.of("casepulse.http.auth.mode", "none");

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

    @Test
    void shouldRefuseToStartWithAuthenticationOnAndNobodyToLogIn() {
        assertThatThrownBy(() -> operations(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Authentication of the HTTP surface is on, but nobody can log in")
                .hasMessageContaining("casepulse.http.auth.users")
                .hasMessageContaining("casepulse.http.auth.oidc.issuer")
                .hasMessageContaining("casepulse.http.auth.mode=none");
    }

    @Test
    void shouldReadAuthenticationTlsAndStreamSettings() {
        OperationsSettings settings = operations(Map.of(
                "casepulse.http.auth.users", "/etc/casepulse/users",
                "casepulse.http.auth.oidc.issuer", "https://login.example.org/realms/care",
                "casepulse.http.auth.oidc.audience", "casepulse",
                "casepulse.http.auth.oidc.roles.claim", "realm_access.roles",
                "casepulse.http.auth.open", "metrics, page",
                "casepulse.http.tls.keystore", "/etc/casepulse/http.p12",
                "casepulse.http.tls.keystore.password", "secret",
                "casepulse.http.stream.max.clients", "50"));
        AccessSettings access = settings.access();
        assertThat(access.required()).isTrue();
        assertThat(access.usersFile()).isEqualTo(Path.of("/etc/casepulse/users"));
        assertThat(access.oidc().issuer()).isEqualTo("https://login.example.org/realms/care");
        assertThat(access.oidc().jwksUri()).isNull();
        assertThat(access.oidc().audience()).isEqualTo("casepulse");
        assertThat(access.oidc().rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(access.oidc().areaClaim()).isEqualTo("casepulse_area");
        assertThat(access.open()).isEqualTo(Set.of(RouteGroup.METRICS, RouteGroup.PAGE));
        assertThat(settings.tls()).isEqualTo(TlsSettings.pkcs12(Path.of("/etc/casepulse/http.p12"), "secret"));
        assertThat(settings.maxStreamClients()).isEqualTo(50);
    }

    @Test
    void shouldNameWrongAuthenticationAndTlsSettings() {
        assertThatThrownBy(() -> operations(Map.of("casepulse.http.auth.mode", "off")))
                .hasMessage("casepulse.http.auth.mode must be required or none, got off");
        assertThatThrownBy(() -> operations(Map.of("casepulse.http.auth.mode", "none",
                "casepulse.http.auth.open", "everything")))
                .hasMessageContaining("casepulse.http.auth.open: unknown part everything");
        assertThatThrownBy(() -> operations(Map.of("casepulse.http.auth.mode", "none",
                "casepulse.http.tls.certificate", "/etc/casepulse/http.pem")))
                .hasMessageContaining("casepulse.http.tls.key");
    }

    /** The operations settings the application would start with, given these settings. */
    private static OperationsSettings operations(Map<String, String> settings) {
        CasepulseSettings all = CasepulseSettings.defaults();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            all = all.with(setting.getKey(), setting.getValue());
        }
        return all.operations();
    }
}
