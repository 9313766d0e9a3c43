package org.casepulse.http.auth;

import java.util.List;

/**
 * The answer of {@link AccessPolicy} for one request.
 *
 * @param principal  who is calling; null unless granted
 * @param challenges the {@code WWW-Authenticate} values to send with a 401
 * @param reason     why access was refused, for the log; null when granted
 */
public record Access(Outcome outcome, Principal principal, List<String> challenges, String reason) {
    public enum Outcome { GRANTED, UNAUTHENTICATED, FORBIDDEN }

    public static Access granted(Principal principal) {
        return new Access(Outcome.GRANTED, principal, List.of(), null);
    }

    public static Access unauthenticated(List<String> challenges, String reason) {
        return new Access(Outcome.UNAUTHENTICATED, null, challenges, reason);
    }

    public static Access forbidden(String reason) {
        return new Access(Outcome.FORBIDDEN, null, List.of(), reason);
    }

    public boolean isGranted() {
        return outcome == Outcome.GRANTED;
    }
}
