package org.casepulse.http.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who made a request, as authentication established it.
 *
 * @param name  the user name, or the token's subject
 * @param roles what they may do
 * @param area  the area they are scoped to (they see it, the areas beneath it and the national
 *              figure); null for every area
 */
public record Principal(String name, Set<Role> roles, String area) {
    /** Whoever calls when authentication is off, or on a route group left open: every role, every area. */
    public static final Principal UNRESTRICTED = new Principal("anonymous", EnumSet.allOf(Role.class), null);

    public Principal {
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        area = area == null || area.isBlank() ? null : area.strip();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Reads figures: a viewer, or an editor. */
    public boolean canView() {
        return has(Role.VIEWER) || has(Role.EDITOR);
    }
}
