package org.casepulse.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies OpenID Connect access tokens (signed JWTs) with Nimbus JOSE+JWT: the signature against
 * the issuer's published keys (fetched, cached and refreshed when a new key id appears), the
 * issuer, the audience, and the expiry and not-before times (a minute's clock skew allowed). The
 * bearer's roles and area come from claims named in {@link OidcSettings}.
 */
public final class TokenVerifier implements Authenticator {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);
    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(10);

    private final OidcSettings settings;
    private final URI jwksUri;
    private final ConfigurableJWTProcessor<SecurityContext> processor;

    private TokenVerifier(OidcSettings settings, URI jwksUri) {
        this.settings = settings;
        this.jwksUri = jwksUri;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("The JWKS address " + jwksUri + " is not a URL", e);
        }
        DefaultJWTProcessor<SecurityContext> jwtProcessor = new DefaultJWTProcessor<>();
        jwtProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        Set<String> audience = settings.audience() == null ? null : Set.of(settings.audience());
        jwtProcessor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp"), null));
        this.processor = jwtProcessor;
    }

    /**
     * A verifier for the provider in {@code settings}; when they give no JWKS address it is read
     * from the issuer's discovery document now, so a wrong issuer stops start-up.
     *
     * @throws IllegalArgumentException when the discovery document cannot be read
     */
    public static TokenVerifier create(OidcSettings settings) {
        URI jwksUri = settings.jwksUri() != null ? settings.jwksUri() : discoverJwksUri(settings.issuer());
        return new TokenVerifier(settings, jwksUri);
    }

    public URI jwksUri() {
        return jwksUri;
    }

    @Override
    public String scheme() {
        return "Bearer";
    }

    @Override
    public String challenge() {
        return "Bearer realm=\"casepulse\"";
    }

    @Override
    public Principal authenticate(String token) throws AuthenticationException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token.strip(), null);
        } catch (ParseException e) {
            throw new AuthenticationException("the bearer token is not a JWT");
        } catch (BadJOSEException e) {
            throw new AuthenticationException("the bearer token was refused: " + e.getMessage());
        } catch (JOSEException e) {
            throw new AuthenticationException("the bearer token could not be checked: " + e.getMessage(), e);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(claim(claims.getClaims(), settings.rolesClaim()))) {
            Role.find(name).ifPresent(roles::add);
        }
        Object area = claim(claims.getClaims(), settings.areaClaim());
        return new Principal(claims.getSubject(), roles, area instanceof String code ? code : null);
    }

    /** The claim at a dotted path ({@code realm_access.roles}), or null. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static Collection<String> strings(Object value) {
        if (value instanceof String text) {
            return Arrays.asList(text.split("[\\s,]+"));
        }
        if (value instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static URI discoverJwksUri(String issuer) {
        URI discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(DISCOVERY_TIMEOUT).build()
                    .send(HttpRequest.newBuilder(discovery).timeout(DISCOVERY_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("The OpenID Connect discovery document " + discovery
                        + " answered " + response.statusCode());
            }
            JsonNode document = new ObjectMapper().readTree(response.body());
            JsonNode jwks = document.get("jwks_uri");
            if (jwks == null || !jwks.isTextual()) {
                throw new IllegalArgumentException("The OpenID Connect discovery document " + discovery
                        + " has no jwks_uri");
            }
            return URI.create(jwks.asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the OpenID Connect discovery document " + discovery
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading " + discovery, e);
        }
    }
}
