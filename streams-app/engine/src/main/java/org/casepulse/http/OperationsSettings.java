package org.casepulse.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the operations surface listens (settings {@code casepulse.http.*}, declared in CasepulseSettings).
 * Bound to the loopback interface unless told otherwise: it carries no personal data, but the
 * figures are for staff, not the internet.
 *
 * @param port      0 picks a free port
 * @param heartbeat how often an idle event stream gets a comment, so proxies keep it open and
 *                  dead clients are noticed
 */
public record OperationsSettings(String host, int port, Duration heartbeat) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    public OperationsSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, got " + heartbeat);
        }
    }

    public static OperationsSettings defaults() {
        return new OperationsSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_HEARTBEAT);
    }

    /** On {@code host} and {@code port} (0: any free port), with the default heartbeat. */
    public static OperationsSettings of(String host, int port) {
        return new OperationsSettings(host, port, DEFAULT_HEARTBEAT);
    }
}
