package org.casepulse.http.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEM certificate chain and PKCS#8 private key as an in-memory key store, with the JDK alone
 * (Jetty's SslContextFactory, in 12 as in 11, reads only key stores). A PKCS#1 key
 * ({@code BEGIN RSA PRIVATE KEY}) is refused with the {@code openssl pkcs8 -topk8 -nocrypt}
 * command that converts it.
 */
final class PemKeyStore {
    static final String ALIAS = "casepulse";
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "RSASSA-PSS");

    private PemKeyStore() {}

    static KeyStore load(Path certificate, Path privateKey, char[] password) {
        try {
            List<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certificate)) {
                chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(certificate + " holds no PEM certificate");
            }
            PrivateKey key = key(privateKey);
            if (!matches(key, chain.get(0).getPublicKey())) {
                // Caught between the two files of a renewal, or the wrong pair: keep serving the previous one.
                throw new IllegalArgumentException(privateKey + " is not the key of the first certificate in " + certificate);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + certificate + " or " + privateKey + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use " + certificate + " with " + privateKey + ": " + e.getMessage(), e);
        }
    }

    /** Whether the private key signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm();
        };
        byte[] challenge = "casepulse".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        if (algorithm.equals("RSASSA-PSS")) {
            signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        if (algorithm.equals("RSASSA-PSS")) {
            verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        try {
            verifier.initVerify(publicKey);
        } catch (java.security.InvalidKeyException e) {
            return false;
        }
        verifier.update(challenge);
        return verifier.verify(signature);
    }

    private static PrivateKey key(Path path) throws IOException {
        String pem = Files.readString(path, StandardCharsets.US_ASCII);
        Matcher matcher = PKCS8.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException(path + " holds no PKCS#8 private key (BEGIN PRIVATE KEY); convert one with "
                    + "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // Not this kind of key: try the next.
            }
        }
        throw new IllegalArgumentException(path + " holds a private key of a kind not supported (RSA, EC, Ed25519)");
    }
}
