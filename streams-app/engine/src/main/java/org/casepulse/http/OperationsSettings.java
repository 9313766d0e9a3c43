package org.casepulse.http;

import java.time.Duration;
import java.util.Objects;
import org.casepulse.http.auth.AccessSettings;
import org.casepulse.http.tls.TlsSettings;
import org.casepulse.scorecard.commentary.CommentText;

/**
 * Where and how the operations surface listens (settings {@code casepulse.http.*}, declared in
 * CasepulseSettings). Bound to the loopback interface unless told otherwise: it carries no personal
 * data, but the figures are for staff, not the internet.
 *
 * @param port             0 picks a free port
 * @param heartbeat        how often an idle event stream gets a comment, so proxies keep it open
 *                         and dead clients are noticed
 * @param maxStreamClients event-stream clients served at once; more get 503
 * @param access           who may use what (authentication off when constructed without it)
 * @param tls              TLS on the port; null for plain HTTP
 * @param commentaryMaxChars the longest commentary text accepted, in characters
 */
public record OperationsSettings(String host, int port, Duration heartbeat, int maxStreamClients,
                                 AccessSettings access, TlsSettings tls, int commentaryMaxChars) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_STREAM_CLIENTS = 200;

    public OperationsSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(access, "access");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, got " + heartbeat);
        }
        if (maxStreamClients < 0) {
            throw new IllegalArgumentException("maxStreamClients must be 0 or more, got " + maxStreamClients);
        }
        if (commentaryMaxChars < 1) {
            throw new IllegalArgumentException("commentaryMaxChars must be 1 or more, got " + commentaryMaxChars);
        }
    }

    public OperationsSettings(String host, int port, Duration heartbeat, int maxStreamClients, AccessSettings access,
                              TlsSettings tls) {
        this(host, port, heartbeat, maxStreamClients, access, tls, CommentText.DEFAULT_MAX_CHARS);
    }

    /** Plain HTTP without authentication, as tests and embedding code start it. */
    public OperationsSettings(String host, int port, Duration heartbeat) {
        this(host, port, heartbeat, DEFAULT_MAX_STREAM_CLIENTS, AccessSettings.OFF, null);
    }

    public static OperationsSettings defaults() {
        return new OperationsSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_HEARTBEAT);
    }

    /** On {@code host} and {@code port} (0: any free port), with the default heartbeat. */
    public static OperationsSettings of(String host, int port) {
        return new OperationsSettings(host, port, DEFAULT_HEARTBEAT);
    }

    public OperationsSettings withAccess(AccessSettings access) {
        return new OperationsSettings(host, port, heartbeat, maxStreamClients, access, tls, commentaryMaxChars);
    }

    public OperationsSettings withTls(TlsSettings tls) {
        return new OperationsSettings(host, port, heartbeat, maxStreamClients, access, tls, commentaryMaxChars);
    }

    public OperationsSettings withCommentaryMaxChars(int commentaryMaxChars) {
        return new OperationsSettings(host, port, heartbeat, maxStreamClients, access, tls, commentaryMaxChars);
    }

    public OperationsSettings withMaxStreamClients(int maxStreamClients) {
        return new OperationsSettings(host, port, heartbeat, maxStreamClients, access, tls, commentaryMaxChars);
    }

}
