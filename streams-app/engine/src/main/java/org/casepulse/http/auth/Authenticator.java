package org.casepulse.http.auth;

import java.util.Optional;

/** Turns the credentials of one HTTP authentication scheme into a principal. */
public interface Authenticator {

    /** The scheme of the {@code Authorization} header this authenticator reads: {@code Basic} or {@code Bearer}. */
    String scheme();

    /** The {@code WWW-Authenticate} challenge sent when credentials are missing or refused. */
    String challenge();

    /**
     * @param credentials what follows the scheme in the {@code Authorization} header
     * @throws AuthenticationException when they are refused
     */
    Principal authenticate(String credentials) throws AuthenticationException;

    /** The first authenticator of {@code authenticators} for {@code scheme}, case-insensitively. */
    static Optional<Authenticator> forScheme(Iterable<Authenticator> authenticators, String scheme) {
        for (Authenticator authenticator : authenticators) {
            if (authenticator.scheme().equalsIgnoreCase(scheme)) {
                return Optional.of(authenticator);
            }
        }
        return Optional.empty();
    }
}
