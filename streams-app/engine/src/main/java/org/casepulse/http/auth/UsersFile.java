package org.casepulse.http.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casepulse.reference.AreaHierarchy;

/**
 * The users of a small install, one a line: {@code name:bcrypt-hash:roles[:area]}, roles separated
 * by commas ({@code viewer}, {@code editor}, {@code operator}), the area optional (none: every area).
 * Blank lines and lines starting with {@code #} are ignored. The hash is what
 * {@code casepulse hash-password} or {@code htpasswd -nBC 12 name} prints ({@code $2a$}, {@code $2b$}
 * or {@code $2y$}); a bcrypt hash never holds a colon.
 *
 * <pre>
 * # name:hash:roles:area
 * alice:$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW:viewer,editor:NORTH
 * ops:$2y$12$...:operator
 * </pre>
 */
public final class UsersFile {

    /** One user: the hash is kept, never the password. */
    public record User(String name, String hash, Set<Role> roles, String area) {
        public Principal principal() {
            return new Principal(name, roles, area);
        }
    }

    private final Path path;
    private final Map<String, User> users;

    private UsersFile(Path path, Map<String, User> users) {
        this.path = path;
        this.users = users;
    }

    /**
     * Reads and checks the file: every line well formed, every role known, every area in the hierarchy.
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong
     */
    public static UsersFile load(Path path, AreaHierarchy areas) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the users file " + path + ": " + e.getMessage(), e);
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            User user = parse(line, path + ":" + (i + 1), areas);
            if (users.putIfAbsent(user.name(), user) != null) {
                throw new IllegalArgumentException(path + ":" + (i + 1) + ": user " + user.name() + " is listed twice");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("The users file " + path + " lists no user");
        }
        return new UsersFile(path, Map.copyOf(users));
    }

    public Path path() {
        return path;
    }

    public int size() {
        return users.size();
    }

    public Optional<User> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    private static User parse(String line, String where, AreaHierarchy areas) {
        String[] fields = line.split(":", -1);
        if (fields.length < 3 || fields.length > 4) {
            throw new IllegalArgumentException(where + ": expected name:bcrypt-hash:roles[:area], got "
                    + fields.length + " fields");
        }
        String name = fields[0].strip();
        String hash = fields[1].strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(where + ": the user name is empty");
        }
        if (!hash.matches("\\$2[abxy]\\$\\d{2}\\$[./A-Za-z0-9]{53}")) {
            throw new IllegalArgumentException(where + ": the hash of " + name
                    + " is not a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters): make one with casepulse hash-password");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String roleName : fields[2].split(",")) {
            if (!roleName.isBlank()) {
                roles.add(Role.find(roleName).orElseThrow(() -> new IllegalArgumentException(where + ": unknown role "
                        + roleName.strip() + " for " + name + ": use viewer, editor, operator")));
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + name + " has no role: give viewer, editor or operator");
        }
        String area = fields.length == 4 && !fields[3].isBlank() ? fields[3].strip() : null;
        if (area != null && areas.find(area).isEmpty()) {
            throw new IllegalArgumentException(where + ": " + name + " is scoped to area " + area
                    + ", which hierarchy " + areas.version() + " does not have");
        }
        return new User(name, hash, roles, area);
    }
}
