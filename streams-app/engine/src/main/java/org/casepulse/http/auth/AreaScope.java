package org.casepulse.http.auth;

import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;

/**
 * Which areas' figures a principal may see: with no area, all of them; scoped to area X, X, the
 * areas beneath X and the national figure (a team manager compares their area with the nation,
 * not with the other teams).
 */
public final class AreaScope {
    private final AreaHierarchy areas;
    private final Area scope;

    private AreaScope(AreaHierarchy areas, Area scope) {
        this.areas = areas;
        this.scope = scope;
    }

    /**
     * @throws IllegalArgumentException when the principal is scoped to an area the hierarchy does not know
     */
    public static AreaScope of(Principal principal, AreaHierarchy areas) {
        if (principal.area() == null) {
            return new AreaScope(areas, null);
        }
        Area scope = areas.find(principal.area()).orElseThrow(() -> new IllegalArgumentException(
                principal.name() + " is scoped to area " + principal.area() + ", which hierarchy "
                        + areas.version() + " does not have"));
        return new AreaScope(areas, scope);
    }

    /** Whether every area is permitted. */
    public boolean isUnrestricted() {
        return scope == null;
    }

    /** Whether figures of {@code areaCode} may be shown; an unknown area is not permitted to a scoped principal. */
    public boolean permits(String areaCode) {
        if (scope == null) {
            return true;
        }
        if (areaCode.equals(areas.national().code())) {
            return true;
        }
        return areas.find(areaCode).map(area -> areas.lineage(area.code()).contains(scope)).orElse(false);
    }

    /** The area scoped to, or null. */
    public String area() {
        return scope == null ? null : scope.code();
    }
}
