package org.casepulse.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A stable id for this instance, kept in its state directory: the consumer group's static member
 * id ({@code group.instance.id}). A restarted instance rejoins as the same member and gets its
 * partitions back at once, instead of waiting for the old member's session to time out (45 s)
 * and a rebalance. A new state directory is a new instance.
 */
final class InstanceId {

    static final String FILE = "casepulse-instance.id";

    private InstanceId() {}

    static String in(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(stateDir);
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this instance's id in " + file, e);
        }
    }
}
