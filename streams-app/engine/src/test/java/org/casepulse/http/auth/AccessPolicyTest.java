package org.casepulse.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.casepulse.reference.AreaHierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each role on each part of the surface, by password and by token. */
class AccessPolicyTest {
    private static final AreaHierarchy AREAS = AreaHierarchy.defaults();
    private static TestIssuer issuer;
    private static AccessPolicy policy;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        issuer = TestIssuer.start();
        Path users = dir.resolve("users");
        String hash = PasswordAuthenticator.hash("pw".toCharArray(), 4);
        Files.write(users, List.of("viewer:" + hash + ":viewer", "editor:" + hash + ":editor",
                "operator:" + hash + ":operator", "both:" + hash + ":viewer,operator"), StandardCharsets.UTF_8);
        policy = AccessPolicy.create(new AccessSettings(true, users, issuer.settings(), Set.of()), AREAS);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "viewer,   /,                 GRANTED",
            "viewer,   /app.js,           GRANTED",
            "viewer,   /api/snapshots,    GRANTED",
            "viewer,   /api/stream,       GRANTED",
            "viewer,   /metrics,          FORBIDDEN",
            "editor,   /api/scorecard,    GRANTED",
            "editor,   /metrics,          FORBIDDEN",
            "operator, /metrics,          GRANTED",
            "operator, /api/snapshots,    FORBIDDEN",
            "operator, /,                 FORBIDDEN",
            "both,     /metrics,          GRANTED",
            "both,     /api/areas,        GRANTED",
    })
    void shouldGrantEachRoleItsParts(String user, String path, Access.Outcome outcome) {
        assertThat(policy.decide(path, "Basic " + PasswordAuthenticatorTest.basic(user, "pw")).outcome())
                .isEqualTo(outcome);
        assertThat(policy.decide(path, "Bearer " + issuer.token(user + "-sub",
                user.equals("both") ? List.of("viewer", "operator") : List.of(user), null)).outcome())
                .isEqualTo(outcome);
    }

    @Test
    void shouldChallengeARequestWithoutOrWithRefusedCredentials() {
        Access none = policy.decide("/api/snapshots", null);
        assertThat(none.outcome()).isEqualTo(Access.Outcome.UNAUTHENTICATED);
        assertThat(none.challenges()).containsExactly("Basic realm=\"casepulse\", charset=\"UTF-8\"",
                "Bearer realm=\"casepulse\"");
        assertThat(policy.decide("/api/snapshots", "Basic " + PasswordAuthenticatorTest.basic("viewer", "wrong"))
                .outcome()).isEqualTo(Access.Outcome.UNAUTHENTICATED);
        assertThat(policy.decide("/metrics", "Bearer " + issuer.expiredToken("ops", List.of("operator"))).outcome())
                .isEqualTo(Access.Outcome.UNAUTHENTICATED);
        assertThat(policy.decide("/metrics", "Bearer " + issuer.wronglySignedToken("ops", List.of("operator")))
                .outcome()).isEqualTo(Access.Outcome.UNAUTHENTICATED);
        assertThat(policy.decide("/metrics", "Digest whatever").outcome()).isEqualTo(Access.Outcome.UNAUTHENTICATED);
    }

    @Test
    void shouldAnswerHealthProbesWithoutCredentialsButWithoutRoles() {
        Access probe = policy.decide("/health/ready", null);
        assertThat(probe.isGranted()).isTrue();
        assertThat(probe.principal().has(Role.OPERATOR)).isFalse();
        Access operator = policy.decide("/health/ready", "Basic " + PasswordAuthenticatorTest.basic("operator", "pw"));
        assertThat(operator.principal().has(Role.OPERATOR)).isTrue();
    }

    @Test
    void shouldLeaveOpenOnlyThePartsConfiguredOpen() {
        AccessPolicy metricsOpen = AccessPolicy.create(new AccessSettings(true, null, issuer.settings(),
                Set.of(RouteGroup.METRICS)), AREAS);
        assertThat(metricsOpen.decide("/metrics", null).isGranted()).isTrue();
        assertThat(metricsOpen.decide("/api/snapshots", null).isGranted()).isFalse();
        assertThat(metricsOpen.describe()).contains("OpenID Connect issuer " + issuer.issuer())
                .contains("open without authentication: metrics");
    }

    @Test
    void shouldLetEveryoneInWhenSwitchedOff() {
        AccessPolicy off = AccessPolicy.create(AccessSettings.OFF, AREAS);
        assertThat(off.isRequired()).isFalse();
        assertThat(off.decide("/metrics", null).principal()).isEqualTo(Principal.UNRESTRICTED);
    }

    @Test
    void shouldScopeAnAreaToItselfItsDescendantsAndTheNation() {
        AreaScope north = AreaScope.of(new Principal("manager", Set.of(Role.VIEWER), "NORTH"), AREAS);
        assertThat(north.permits("NORTH")).isTrue();
        assertThat(north.permits("N6")).isTrue();
        assertThat(north.permits("NATIONAL")).isTrue();
        assertThat(north.permits("CENTRAL")).isFalse();
        assertThat(north.permits("S4")).isFalse();
        AreaScope n6 = AreaScope.of(new Principal("team", Set.of(Role.VIEWER), "N6"), AREAS);
        assertThat(n6.permits("N6")).isTrue();
        assertThat(n6.permits("NORTH")).isFalse();
        assertThat(n6.permits("N5")).isFalse();
        assertThat(AreaScope.of(Principal.UNRESTRICTED, AREAS).permits("S4")).isTrue();
    }
}
