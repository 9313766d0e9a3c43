package org.casepulse.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * An OpenID Connect token issuer stood up in the test: a local RSA signing key, its public half
 * served as a JWKS (and a discovery document) over HTTP on a free port, and tokens signed with it.
 */
public final class TestIssuer implements AutoCloseable {
    public static final String AUDIENCE = "casepulse";

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/care";
    }

    public static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-key-1").algorithm(JWSAlgorithm.RS256).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestIssuer issuer = new TestIssuer(key, server);
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            server.createContext("/realms/care/keys", exchange -> answer(exchange, jwks));
            server.createContext("/realms/care/.well-known/openid-configuration", exchange -> answer(exchange,
                    "{\"issuer\":\"" + issuer.issuer + "\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}"));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public URI jwksUri() {
        return URI.create(issuer + "/keys");
    }

    /** Settings that accept this issuer's tokens for audience {@value #AUDIENCE}. */
    public OidcSettings settings() {
        return new OidcSettings(issuer, jwksUri(), AUDIENCE, OidcSettings.DEFAULT_ROLES_CLAIM,
                OidcSettings.DEFAULT_AREA_CLAIM);
    }

    /** A token valid for five minutes. */
    public String token(String subject, List<String> roles, String area) {
        return sign(key, claims(subject, roles, area, Instant.now().plus(Duration.ofMinutes(5))).build());
    }

    /** A token that expired an hour ago. */
    public String expiredToken(String subject, List<String> roles) {
        return sign(key, claims(subject, roles, null, Instant.now().minus(Duration.ofHours(1))).build());
    }

    /** A token that claims this issuer and key id but is signed with another key. */
    public String wronglySignedToken(String subject, List<String> roles) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            return sign(other, claims(subject, roles, null, Instant.now().plus(Duration.ofMinutes(5))).build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of this issuer with the claims given (to test the issuer, audience and claim checks). */
    public String token(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    public JWTClaimsSet.Builder claims(String subject, List<String> roles, String area, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiry))
                .claim("roles", roles);
        if (area != null) {
            claims.claim("casepulse_area", area);
        }
        return claims;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
