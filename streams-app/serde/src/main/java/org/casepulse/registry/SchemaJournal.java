package org.casepulse.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's write-ahead log: one JSON line per accepted change (a registration with
 * its id and version, a subject delete, a compatibility setting), written and forced to disk before
 * the change is applied and answered. Replay applies the lines as facts, in order.
 *
 * <p>A crash mid-write leaves a torn last line: replay drops it with a WARN and cuts the file back
 * to the last whole line, so the next line does not join it. Such a change was never answered. A
 * bad line anywhere else is corruption and stops start-up with its line number.
 */
final class SchemaJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaJournal.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;

    private SchemaJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Reads every whole line of {@code file} (none if it does not exist), then opens it for appending. */
    static SchemaJournal open(Path file, List<JsonNode> replayed) {
        try {
            long goodLength = 0;
            if (Files.exists(file)) {
                goodLength = readWholeLines(file, replayed);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (channel.size() > goodLength) {
                channel.truncate(goodLength);
                channel.force(true);
            }
            channel.position(goodLength);
            if (goodLength > 0 && !endsWithNewline(channel, goodLength)) {
                // A whole entry whose newline was not written: end it, so the next entry starts a line.
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
            return new SchemaJournal(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the schema journal " + file, e);
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long length) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, length - 1);
        return last.get(0) == '\n';
    }

    /** Parses the lines into {@code into}; returns the length of the file up to the end of its last whole line. */
    private static long readWholeLines(Path file, List<JsonNode> into) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<JsonNode> lines = new ArrayList<>();
        long goodLength = 0;
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            number++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean last = end >= bytes.length - 1;
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                JsonNode line = parse(text);
                if (line == null) {
                    if (!last) {
                        throw new IllegalStateException("Schema journal " + file + " line " + number
                                + " is not a journal entry: the file is damaged; restore it or move it away");
                    }
                    LOG.warn("Schema journal {}: the last line ({} bytes) is incomplete, written when the process stopped"
                            + " mid-write; it was never acknowledged and is dropped", file, end - start);
                    break;
                }
                lines.add(line);
            }
            goodLength = Math.min(end + 1, bytes.length);
            start = end + 1;
        }
        into.addAll(lines);
        return goodLength;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Appends one entry and forces it to disk; only then may the change be applied and answered. */
    void append(ObjectNode entry) throws IOException {
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing the schema journal {} failed: {}", file, e.getMessage());
        }
    }
}
