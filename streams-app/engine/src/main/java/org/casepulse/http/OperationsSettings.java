package org.casepulse.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the operations surface listens. Bound to the loopback interface unless told otherwise:
 * it carries no personal data, but the figures are for staff, not the internet.
 *
 * @param port      0 picks a free port
 * @param heartbeat how often an idle event stream gets a comment, so proxies keep it open and
 *                  dead clients are noticed
 */
public record OperationsSettings(String host, int port, Duration heartbeat) {
    public static final String HOST_KEY = "casepulse.http.host";
    public static final String PORT_KEY = "casepulse.http.port";
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

    /**
     * From settings {@value #HOST_KEY} (default {@value #DEFAULT_HOST}) and {@value #PORT_KEY}
     * (default {@value #DEFAULT_PORT}).
     *
     * @throws IllegalArgumentException naming the setting when the port is not a port number
     */
    public static OperationsSettings fromConfig(Map<String, ?> config) {
        Object host = config.get(HOST_KEY);
        Object port = config.get(PORT_KEY);
        int portNumber = DEFAULT_PORT;
        if (port != null && !port.toString().isBlank()) {
            try {
                portNumber = Integer.parseInt(port.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PORT_KEY + " must be a port number, got " + port, e);
            }
        }
        try {
            return new OperationsSettings(host == null || host.toString().isBlank() ? DEFAULT_HOST : host.toString().strip(),
                    portNumber, DEFAULT_HEARTBEAT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PORT_KEY + ": " + e.getMessage(), e);
        }
    }
}
