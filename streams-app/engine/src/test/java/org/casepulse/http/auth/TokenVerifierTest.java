package org.casepulse.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens against an issuer stood up in the test: its JWKS served over HTTP, tokens signed with its key. */
class TokenVerifierTest {
    private static TestIssuer issuer;
    private static TokenVerifier verifier;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.start();
        verifier = TokenVerifier.create(issuer.settings());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void shouldAcceptAValidTokenWithItsRolesAndArea() throws AuthenticationException {
        Principal principal = verifier.authenticate(issuer.token("manager-7", List.of("viewer", "editor", "other"), "N3"));
        assertThat(principal).isEqualTo(new Principal("manager-7", Set.of(Role.VIEWER, Role.EDITOR), "N3"));
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        assertThatThrownBy(() -> verifier.authenticate(issuer.expiredToken("someone", List.of("viewer"))))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Expired JWT");
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() {
        assertThatThrownBy(() -> verifier.authenticate(issuer.wronglySignedToken("someone", List.of("operator"))))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuerOrAudience() {
        Instant expiry = Instant.now().plus(Duration.ofMinutes(5));
        assertThatThrownBy(() -> verifier.authenticate(issuer.token(
                issuer.claims("someone", List.of("viewer"), null, expiry).issuer("https://elsewhere.example").build())))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("iss");
        assertThatThrownBy(() -> verifier.authenticate(issuer.token(
                issuer.claims("someone", List.of("viewer"), null, expiry).audience("another-service").build())))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void shouldRefuseWhatIsNotAJwt() {
        assertThatThrownBy(() -> verifier.authenticate("not-a-token"))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("the bearer token is not a JWT");
    }

    @Test
    void shouldFindTheKeysThroughDiscoveryAndReadNestedRoles() throws AuthenticationException {
        TokenVerifier keycloak = TokenVerifier.create(new OidcSettings(issuer.issuer(), null, TestIssuer.AUDIENCE,
                "realm_access.roles", "casepulse_area"));
        assertThat(keycloak.jwksUri()).isEqualTo(issuer.jwksUri());
        String token = issuer.token(issuer.claims("ops-1", List.of(), null, Instant.now().plus(Duration.ofMinutes(5)))
                .claim("realm_access", Map.of("roles", List.of("operator", "offline_access"))).build());
        assertThat(keycloak.authenticate(token)).isEqualTo(new Principal("ops-1", Set.of(Role.OPERATOR), null));
    }

    @Test
    void shouldStopStartUpWhenTheIssuerCannotBeRead() {
        assertThatThrownBy(() -> TokenVerifier.create(new OidcSettings(issuer.issuer() + "/missing", null, null,
                "roles", "casepulse_area")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discovery document")
                .hasMessageContaining("404");
    }
}
