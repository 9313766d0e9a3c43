package org.casepulse.http.auth;

/** Credentials were presented and refused; the message says why, for the log (never the secret). */
public final class AuthenticationException extends Exception {
    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
