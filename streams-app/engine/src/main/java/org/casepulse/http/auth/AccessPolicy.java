package org.casepulse.http.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casepulse.reference.AreaHierarchy;

/**
 * Who may use which part of the HTTP surface: reads the {@code Authorization} header of a request,
 * authenticates it with the configured schemes (Basic against the users file, Bearer against the
 * OpenID Connect issuer) and checks the role the route group needs. Free of the web framework so
 * it can be tested alone.
 */
public final class AccessPolicy {
    private static final Principal NOBODY = new Principal("anonymous", Set.of(), null);

    private final boolean required;
    private final Set<RouteGroup> open;
    private final List<Authenticator> authenticators;
    private final String description;

    AccessPolicy(boolean required, Set<RouteGroup> open, List<Authenticator> authenticators, String description) {
        this.required = required;
        this.open = open;
        this.authenticators = List.copyOf(authenticators);
        this.description = description;
    }

    /** Nobody is asked who they are. */
    public static AccessPolicy off() {
        return new AccessPolicy(false, Set.of(), List.of(), "authentication OFF");
    }

    /**
     * Loads the users file and sets up token verification as {@code settings} say.
     *
     * @throws IllegalArgumentException when the users file is wrong or the issuer cannot be reached
     */
    public static AccessPolicy create(AccessSettings settings, AreaHierarchy areas) {
        if (!settings.required()) {
            return off();
        }
        List<Authenticator> authenticators = new ArrayList<>();
        List<String> described = new ArrayList<>();
        if (settings.usersFile() != null) {
            UsersFile users = UsersFile.load(settings.usersFile(), areas);
            authenticators.add(new PasswordAuthenticator(users));
            described.add("users file " + users.path() + " (" + users.size() + " users, HTTP Basic)");
        }
        if (settings.oidc() != null) {
            TokenVerifier verifier = TokenVerifier.create(settings.oidc());
            authenticators.add(verifier);
            described.add("OpenID Connect issuer " + settings.oidc().issuer() + " (bearer tokens, keys from "
                    + verifier.jwksUri() + ", audience " + (settings.oidc().audience() == null ? "any"
                    : settings.oidc().audience()) + ")");
        }
        String openParts = settings.open().isEmpty() ? "" : "; open without authentication: "
                + String.join(", ", settings.open().stream().map(RouteGroup::id).sorted().toList());
        return new AccessPolicy(true, settings.open(), authenticators,
                "authentication ON: " + String.join(", ", described) + openParts);
    }

    public boolean isRequired() {
        return required;
    }

    /** For the start-up log: whether authentication is on and how. */
    public String describe() {
        return description;
    }

    /**
     * Decides one request.
     *
     * @param path          the request path
     * @param authorization the {@code Authorization} header, or null
     */
    public Access decide(String path, String authorization) {
        RouteGroup group = RouteGroup.of(path);
        if (!required || open.contains(group)) {
            return Access.granted(Principal.UNRESTRICTED);
        }
        List<String> challenges = authenticators.stream().map(Authenticator::challenge).toList();
        if (authorization == null || authorization.isBlank()) {
            // Probes carry no credentials: health answers them, without the detail.
            return group == RouteGroup.HEALTH ? Access.granted(NOBODY)
                    : Access.unauthenticated(challenges, "no credentials");
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        Optional<Authenticator> authenticator = Authenticator.forScheme(authenticators, parts[0]);
        if (authenticator.isEmpty() || parts.length < 2) {
            return group == RouteGroup.HEALTH ? Access.granted(NOBODY)
                    : Access.unauthenticated(challenges, "unsupported authorization scheme " + parts[0]);
        }
        Principal principal;
        try {
            principal = authenticator.get().authenticate(parts[1]);
        } catch (AuthenticationException e) {
            return group == RouteGroup.HEALTH ? Access.granted(NOBODY) : Access.unauthenticated(challenges, e.getMessage());
        }
        if (!group.permits(principal)) {
            return Access.forbidden(principal.name() + " (roles " + principal.roles() + ") may not use the "
                    + group.id() + " part");
        }
        return Access.granted(principal);
    }
}
