package org.casepulse.http.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do on the HTTP surface. Roles are granted one by one; an editor may also
 * read what a viewer reads.
 */
public enum Role {
    /** Reads the page, the API and the event stream. */
    VIEWER,
    /** A viewer who may also write commentary on the figures. */
    EDITOR,
    /** Reads metrics and the detail of health. */
    OPERATOR;

    /** The role named {@code name} in any case ("viewer", "OPERATOR"); empty when there is none. */
    public static Optional<Role> find(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(wanted)).findFirst();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
