package org.casepulse.http.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * TLS on the HTTP port, read from {@code casepulse.http.tls.*}: a PKCS#12 key store, or a PEM
 * certificate chain and a PEM (PKCS#8) private key. The files are watched and the new certificate
 * served on new connections once they change, so a renewal needs no restart.
 *
 * @param keyStore       PKCS#12 file, or null
 * @param password       of the key store (and its key); may be empty
 * @param certificate    PEM certificate chain, server certificate first, or null
 * @param privateKey     PEM private key (PKCS#8, {@code BEGIN PRIVATE KEY}), or null
 * @param reloadInterval how often the files are checked for a change
 */
public record TlsSettings(Path keyStore, String password, Path certificate, Path privateKey, Duration reloadInterval) {
    public static final String KEY_STORE_KEY = "casepulse.http.tls.keystore";
    public static final String PASSWORD_KEY = "casepulse.http.tls.keystore.password";
    public static final String CERTIFICATE_KEY = "casepulse.http.tls.certificate";
    public static final String PRIVATE_KEY_KEY = "casepulse.http.tls.key";
    public static final String RELOAD_INTERVAL_KEY = "casepulse.http.tls.reload.interval.ms";
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(30);

    public TlsSettings {
        if ((keyStore == null) == (certificate == null)) {
            throw new IllegalArgumentException("TLS needs either a PKCS#12 key store (" + KEY_STORE_KEY
                    + ") or a PEM certificate (" + CERTIFICATE_KEY + ") and key (" + PRIVATE_KEY_KEY + "), not both");
        }
        if (certificate != null && privateKey == null) {
            throw new IllegalArgumentException(CERTIFICATE_KEY + " is set but " + PRIVATE_KEY_KEY
                    + " (the PEM private key) is not");
        }
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException(RELOAD_INTERVAL_KEY + " must be positive, got " + reloadInterval);
        }
        password = password == null ? "" : password;
    }

    /** A PKCS#12 key store. */
    public static TlsSettings pkcs12(Path keyStore, String password) {
        return new TlsSettings(keyStore, password, null, null, DEFAULT_RELOAD_INTERVAL);
    }

    /** A PEM certificate chain and private key. */
    public static TlsSettings pem(Path certificate, Path privateKey) {
        return new TlsSettings(null, "", certificate, privateKey, DEFAULT_RELOAD_INTERVAL);
    }

    public TlsSettings withReloadInterval(Duration interval) {
        return new TlsSettings(keyStore, password, certificate, privateKey, interval);
    }

    /** The files watched for a change. */
    public List<Path> files() {
        return keyStore != null ? List.of(keyStore) : List.of(certificate, privateKey);
    }

    /** Which files, for the start-up log. */
    public String describe() {
        return keyStore != null ? "PKCS#12 " + keyStore : "PEM " + certificate + " and " + privateKey;
    }

    /** TLS settings when {@value #KEY_STORE_KEY} or {@value #CERTIFICATE_KEY} is set; null for plain HTTP. */
    public static TlsSettings fromConfig(Map<String, ?> config) {
        Path keyStore = path(config, KEY_STORE_KEY);
        Path certificate = path(config, CERTIFICATE_KEY);
        Path key = path(config, PRIVATE_KEY_KEY);
        if (keyStore == null && certificate == null) {
            if (key != null) {
                throw new IllegalArgumentException(PRIVATE_KEY_KEY + " is set but " + CERTIFICATE_KEY + " is not");
            }
            return null;
        }
        Object password = config.get(PASSWORD_KEY);
        Object interval = config.get(RELOAD_INTERVAL_KEY);
        Duration reload = DEFAULT_RELOAD_INTERVAL;
        if (interval != null && !interval.toString().isBlank()) {
            try {
                reload = Duration.ofMillis(Long.parseLong(interval.toString().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(RELOAD_INTERVAL_KEY + " must be milliseconds, got " + interval, e);
            }
        }
        return new TlsSettings(keyStore, password == null ? "" : password.toString(), certificate, key, reload);
    }

    private static Path path(Map<String, ?> config, String key) {
        Object value = config.get(key);
        return value == null || value.toString().isBlank() ? null : Path.of(value.toString().strip());
    }
}
