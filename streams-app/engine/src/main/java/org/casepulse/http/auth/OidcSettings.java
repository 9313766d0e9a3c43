package org.casepulse.http.auth;

import java.net.URI;
import java.util.Objects;

/**
 * Which OpenID Connect provider's access tokens are accepted and where their claims say what the
 * bearer may do.
 *
 * @param issuer     the {@code iss} every token must carry, exactly
 * @param jwksUri    where the provider publishes its signing keys; null to read it from the
 *                   issuer's {@code /.well-known/openid-configuration}
 * @param audience   the {@code aud} a token must include; null to accept any (not advised: a token
 *                   issued for another service of the same provider would do)
 * @param rolesClaim the claim listing the roles (a list, or a space-separated string); a dotted
 *                   path reaches into objects, {@code realm_access.roles} for Keycloak
 * @param areaClaim  the claim naming the area the bearer is scoped to; absent: every area
 */
public record OidcSettings(String issuer, URI jwksUri, String audience, String rolesClaim, String areaClaim) {
    public static final String DEFAULT_ROLES_CLAIM = "roles";
    public static final String DEFAULT_AREA_CLAIM = "casepulse_area";

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        Objects.requireNonNull(areaClaim, "areaClaim");
    }
}
