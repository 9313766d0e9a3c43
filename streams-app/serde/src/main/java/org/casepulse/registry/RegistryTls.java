package org.casepulse.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context of registry calls from key and trust stores (JKS or PKCS12 files), as
 * Confluent's {@code schema.registry.ssl.*} settings describe them.
 */
public final class RegistryTls {

    /** A key or trust store file; {@code type} is a {@link KeyStore} type such as JKS or PKCS12. */
    public record Store(Path location, char[] password, String type) {}

    private RegistryTls() {}

    /**
     * @param trustStore     the certificates to trust, or null for the JDK's
     * @param keyStore       the client's own key and certificate (mutual TLS), or null for none
     * @param keyPassword    the key's password inside the key store, or null for the store's password
     * @param verifyHostname false to accept a trusted certificate that does not name the host
     * @throws IllegalArgumentException naming the file that cannot be read
     */
    public static SSLContext context(Store trustStore, Store keyStore, char[] keyPassword, boolean verifyHostname) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore == null ? null : load(trustStore));
            TrustManager[] trustManagers = trust.getTrustManagers();
            if (!verifyHostname) {
                for (int i = 0; i < trustManagers.length; i++) {
                    if (trustManagers[i] instanceof X509TrustManager x509) {
                        trustManagers[i] = new WithoutHostnameCheck(x509);
                    }
                }
            }
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore), keyPassword != null ? keyPassword : keyStore.password());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up TLS for the Schema Registry: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Store store) throws GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance(store.type() == null || store.type().isBlank() ? "JKS" : store.type());
        try (InputStream in = Files.newInputStream(store.location())) {
            keyStore.load(in, store.password());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the " + keyStore.getType() + " store " + store.location()
                    + ": " + e.getMessage(), e);
        }
        return keyStore;
    }

    /**
     * Checks the chain but not the host name: the JDK's HTTP client always asks for the HTTPS
     * host check, and its only switch is JVM-wide, so the check is skipped here, per client.
     */
    private static final class WithoutHostnameCheck extends X509ExtendedTrustManager {
        private final X509TrustManager delegate;

        WithoutHostnameCheck(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
