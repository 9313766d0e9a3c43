package org.casepulse.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.casepulse.reference.AreaHierarchy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file and HTTP Basic against it, with bcrypt hashes made in the test (cost 4, to stay quick). */
class PasswordAuthenticatorTest {
    private static final AreaHierarchy AREAS = AreaHierarchy.defaults();

    @TempDir
    Path dir;

    @Test
    void shouldAuthenticateEachUserWithTheirRolesAndArea() throws Exception {
        String htpasswdStyle = new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(4, "ops-secret".toCharArray()),
                StandardCharsets.US_ASCII);
        PasswordAuthenticator authenticator = new PasswordAuthenticator(UsersFile.load(write(
                "# name:hash:roles:area",
                "",
                "alice:" + PasswordAuthenticator.hash("alice-secret".toCharArray(), 4) + ":viewer,editor:NORTH",
                "ops:" + htpasswdStyle + ":operator"), AREAS));
        assertThat(authenticator.authenticate(basic("alice", "alice-secret")))
                .isEqualTo(new Principal("alice", Set.of(Role.VIEWER, Role.EDITOR), "NORTH"));
        assertThat(authenticator.authenticate(basic("ops", "ops-secret")))
                .isEqualTo(new Principal("ops", Set.of(Role.OPERATOR), null));
    }

    @Test
    void shouldRefuseAWrongPasswordAndAnUnknownUserAlike() throws IOException {
        PasswordAuthenticator authenticator = new PasswordAuthenticator(UsersFile.load(write(
                "alice:" + PasswordAuthenticator.hash("alice-secret".toCharArray(), 4) + ":viewer"), AREAS));
        assertThatThrownBy(() -> authenticator.authenticate(basic("alice", "guess")))
                .isInstanceOf(AuthenticationException.class).hasMessage("wrong name or password for user alice");
        assertThatThrownBy(() -> authenticator.authenticate(basic("mallory", "alice-secret")))
                .isInstanceOf(AuthenticationException.class).hasMessage("wrong name or password for user mallory");
        assertThatThrownBy(() -> authenticator.authenticate("%%%"))
                .isInstanceOf(AuthenticationException.class).hasMessage("Basic credentials are not Base64");
    }

    @Test
    void shouldNameTheLineOfAMistakeInTheUsersFile() throws IOException {
        String hash = PasswordAuthenticator.hash("x".toCharArray(), 4);
        Path noRole = write("alice:" + hash + ":");
        assertThatThrownBy(() -> UsersFile.load(noRole, AREAS))
                .hasMessage(noRole + ":1: alice has no role: give viewer, editor or operator");
        Path badRole = write("# users", "bob:" + hash + ":admin");
        assertThatThrownBy(() -> UsersFile.load(badRole, AREAS))
                .hasMessage(badRole + ":2: unknown role admin for bob: use viewer, editor, operator");
        Path plain = write("carol:password:viewer");
        assertThatThrownBy(() -> UsersFile.load(plain, AREAS)).hasMessageContaining(plain + ":1: the hash of carol is not a bcrypt hash");
        Path area = write("dan:" + hash + ":viewer:ATLANTIS");
        assertThatThrownBy(() -> UsersFile.load(area, AREAS)).hasMessageContaining(":1: dan is scoped to area ATLANTIS");
        Path twice = write("eve:" + hash + ":viewer", "eve:" + hash + ":operator");
        assertThatThrownBy(() -> UsersFile.load(twice, AREAS)).hasMessage(twice + ":2: user eve is listed twice");
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "users", ".txt");
        Files.write(file, java.util.List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    static String basic(String name, String password) {
        return Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
