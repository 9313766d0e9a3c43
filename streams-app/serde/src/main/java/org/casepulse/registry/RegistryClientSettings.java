package org.casepulse.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * How {@link RestSchemaRegistryClient} reaches a registry: base URLs, the headers that authenticate
 * it (basic or bearer), TLS, timeouts and retries. The serde builds one from Confluent's keys.
 *
 * @param urls            registry base URLs; user info in them is ignored (credentials travel in headers)
 * @param headers         headers sent with every call, such as {@code Authorization}
 * @param sslContext      TLS context for {@code https} URLs, or null for the JDK's default
 * @param verifyHostname  whether the server certificate must name the host (Confluent's
 *                        {@code ssl.endpoint.identification.algorithm=https}, the default)
 * @param connectTimeout  connection timeout of each attempt
 * @param requestTimeout  time allowed for each attempt's answer
 * @param retry           retries of transient faults
 */
public record RegistryClientSettings(List<String> urls, Map<String, String> headers, SSLContext sslContext,
                                     boolean verifyHostname, Duration connectTimeout, Duration requestTimeout,
                                     RetryPolicy retry) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public RegistryClientSettings {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("At least one Schema Registry URL is needed");
        }
        urls = List.copyOf(urls);
        headers = Map.copyOf(headers);
    }

    /** Plain HTTP(S) to {@code urls}: no credentials, default TLS, timeouts and retries. */
    public static RegistryClientSettings of(List<String> urls) {
        return new RegistryClientSettings(urls, Map.of(), null, true, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                RetryPolicy.DEFAULT);
    }

    public RegistryClientSettings withHeaders(Map<String, String> headers) {
        return new RegistryClientSettings(urls, headers, sslContext, verifyHostname, connectTimeout, requestTimeout, retry);
    }

    public RegistryClientSettings withTls(SSLContext sslContext, boolean verifyHostname) {
        return new RegistryClientSettings(urls, headers, sslContext, verifyHostname, connectTimeout, requestTimeout, retry);
    }

    public RegistryClientSettings withTimeouts(Duration connectTimeout, Duration requestTimeout) {
        return new RegistryClientSettings(urls, headers, sslContext, verifyHostname, connectTimeout, requestTimeout, retry);
    }

    public RegistryClientSettings withRetry(RetryPolicy retry) {
        return new RegistryClientSettings(urls, headers, sslContext, verifyHostname, connectTimeout, requestTimeout, retry);
    }

    @Override
    public String toString() {
        // Headers carry credentials: never print them.
        return "RegistryClientSettings[urls=" + urls + ", headers=" + headers.keySet() + ", tls="
                + (sslContext != null) + ", verifyHostname=" + verifyHostname + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retry=" + retry + "]";
    }
}
