package org.casepulse.http.auth;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the HTTP surface authenticates, read from {@code casepulse.http.auth.*}. Authentication is
 * required unless {@value #MODE_KEY} is {@code none}; when required, a users file, an OpenID
 * Connect issuer, or both must be given.
 *
 * @param required  false only when switched off explicitly
 * @param usersFile null when there is none
 * @param oidc      null when there is none
 * @param open      route groups served without authentication (for example metrics, when only the
 *                  cluster's network reaches the port)
 */
public record AccessSettings(boolean required, Path usersFile, OidcSettings oidc, Set<RouteGroup> open) {
    public static final String MODE_KEY = "casepulse.http.auth.mode";
    public static final String USERS_KEY = "casepulse.http.auth.users";
    public static final String OPEN_KEY = "casepulse.http.auth.open";
    public static final String OIDC_ISSUER_KEY = "casepulse.http.auth.oidc.issuer";
    public static final String OIDC_JWKS_URI_KEY = "casepulse.http.auth.oidc.jwks.uri";
    public static final String OIDC_AUDIENCE_KEY = "casepulse.http.auth.oidc.audience";
    public static final String OIDC_ROLES_CLAIM_KEY = "casepulse.http.auth.oidc.roles.claim";
    public static final String OIDC_AREA_CLAIM_KEY = "casepulse.http.auth.oidc.area.claim";
    public static final String REQUIRED = "required";
    public static final String NONE = "none";

    /** Nobody is asked who they are: the local demo on the loopback interface, and tests. */
    public static final AccessSettings OFF = new AccessSettings(false, null, null, Set.of());

    public AccessSettings {
        open = open.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(open));
    }

    /**
     * @throws IllegalArgumentException naming the setting when a value is wrong, or when
     *         authentication is required and neither users nor an issuer are configured
     */
    public static AccessSettings fromConfig(Map<String, ?> config) {
        String mode = text(config, MODE_KEY);
        boolean required;
        if (mode == null || mode.equalsIgnoreCase(REQUIRED)) {
            required = true;
        } else if (mode.equalsIgnoreCase(NONE)) {
            required = false;
        } else {
            throw new IllegalArgumentException(MODE_KEY + " must be " + REQUIRED + " or " + NONE + ", got " + mode);
        }
        String users = text(config, USERS_KEY);
        String issuer = text(config, OIDC_ISSUER_KEY);
        OidcSettings oidc = null;
        if (issuer != null) {
            String jwks = text(config, OIDC_JWKS_URI_KEY);
            oidc = new OidcSettings(issuer, jwks == null ? null : URI.create(jwks), text(config, OIDC_AUDIENCE_KEY),
                    Objects.requireNonNullElse(text(config, OIDC_ROLES_CLAIM_KEY), OidcSettings.DEFAULT_ROLES_CLAIM),
                    Objects.requireNonNullElse(text(config, OIDC_AREA_CLAIM_KEY), OidcSettings.DEFAULT_AREA_CLAIM));
        }
        Set<RouteGroup> open = EnumSet.noneOf(RouteGroup.class);
        String openList = text(config, OPEN_KEY);
        if (openList != null) {
            for (String name : openList.split(",")) {
                if (!name.isBlank()) {
                    open.add(RouteGroup.find(name).orElseThrow(() -> new IllegalArgumentException(OPEN_KEY
                            + ": unknown part " + name.strip() + ": use page, api, stream, metrics")));
                }
            }
        }
        if (required && users == null && oidc == null) {
            throw new IllegalArgumentException("Authentication of the HTTP surface is on, but nobody can log in: "
                    + "set " + USERS_KEY + " (a users file) or " + OIDC_ISSUER_KEY + " (an OpenID Connect issuer), "
                    + "or switch it off explicitly with " + MODE_KEY + "=" + NONE
                    + " (only behind something that authenticates)");
        }
        return new AccessSettings(required, users == null ? null : Path.of(users), oidc, open);
    }

    private static String text(Map<String, ?> config, String key) {
        Object value = config.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
