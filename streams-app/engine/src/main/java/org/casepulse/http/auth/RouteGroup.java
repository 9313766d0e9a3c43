package org.casepulse.http.auth;

import java.util.Locale;
import java.util.Optional;

/** The parts of the HTTP surface whose access is configured separately. */
public enum RouteGroup {
    /** The scorecard page and its static files. */
    PAGE,
    /** {@code /api/*} but the stream: figures, the catalogue, the areas. */
    API,
    /** {@code /api/stream}, the server-sent event stream. */
    STREAM,
    /** {@code /metrics}, for Prometheus. */
    METRICS,
    /** {@code /health/*}: always answered (probes carry no credentials); the detail only to operators. */
    HEALTH;

    public static RouteGroup of(String path) {
        if (path.equals("/api/stream")) {
            return STREAM;
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            return API;
        }
        if (path.equals("/metrics") || path.startsWith("/metrics/")) {
            return METRICS;
        }
        if (path.equals("/health") || path.startsWith("/health/")) {
            return HEALTH;
        }
        return PAGE;
    }

    public static Optional<RouteGroup> find(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (RouteGroup group : values()) {
            if (group.name().equals(wanted)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code principal} may use this part: figures need a viewer or editor, metrics an operator. */
    boolean permits(Principal principal) {
        return switch (this) {
            case PAGE, API, STREAM -> principal.canView();
            case METRICS -> principal.has(Role.OPERATOR);
            case HEALTH -> true;
        };
    }
}
