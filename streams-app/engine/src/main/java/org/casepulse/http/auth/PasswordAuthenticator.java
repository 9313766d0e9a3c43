package org.casepulse.http.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic authentication against a {@link UsersFile}: what a browser asks for by itself, so
 * the page, its API calls and its event stream work without a login page.
 *
 * <p>bcrypt is slow on purpose (tens of milliseconds); a browser sends the same credentials with
 * every request, so a verified pair is remembered, by its SHA-256 digest only, for a few minutes.
 */
public final class PasswordAuthenticator implements Authenticator {
    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int REMEMBER_AT_MOST = 10_000;
    /** Verified when the user is unknown, so that an unknown name costs as long as a wrong password. */
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(10, "not a password".toCharArray());

    private final UsersFile users;
    private final Clock clock;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    private record Remembered(Principal principal, Instant until) {}

    public PasswordAuthenticator(UsersFile users) {
        this(users, Clock.systemUTC());
    }

    PasswordAuthenticator(UsersFile users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String scheme() {
        return "Basic";
    }

    @Override
    public String challenge() {
        return "Basic realm=\"casepulse\", charset=\"UTF-8\"";
    }

    @Override
    public Principal authenticate(String credentials) throws AuthenticationException {
        String digest = digest(credentials);
        Instant now = clock.instant();
        Remembered remembered = verified.get(digest);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.principal();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("Basic credentials are not Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new AuthenticationException("Basic credentials are not name:password");
        }
        String name = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Optional<UsersFile.User> user = users.find(name);
        boolean matches = verify(password, user.map(UsersFile.User::hash).orElse(DUMMY_HASH));
        if (user.isEmpty() || !matches) {
            throw new AuthenticationException("wrong name or password for user " + printable(name));
        }
        if (verified.size() >= REMEMBER_AT_MOST) {
            verified.clear();
        }
        Principal principal = user.get().principal();
        verified.put(digest, new Remembered(principal, now.plus(REMEMBER_FOR)));
        return principal;
    }

    private static boolean verify(char[] password, String hash) {
        try {
            return BCrypt.verifyer().verify(password, hash.toCharArray()).verified;
        } catch (IllegalArgumentException e) {
            // A password longer than bcrypt takes (72 bytes) matches nothing.
            return false;
        }
    }

    /** A bcrypt hash of {@code password} at {@code cost}, for the users file. */
    public static String hash(char[] password, int cost) {
        return BCrypt.withDefaults().hashToString(cost, password);
    }

    private static String digest(String credentials) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
