package org.casepulse.events;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes case events as JSON Lines: one {@link CaseEventJsonl} object per line, each ended by
 * {@code \n}, in UTF-8. The same events always give the same bytes. Keeps one Jackson generator
 * (and its buffer) for the whole output. Not thread-safe.
 *
 * <p>Writes what it is given, valid or not, so that test data can hold deliberately bad events;
 * {@link JsonlReader} is where lines are checked.
 */
public final class JsonlWriter implements Closeable, Flushable {

    private final JsonGenerator generator;
    private long linesWritten;

    /** Writes UTF-8 bytes to the stream; closing this writer closes the stream. */
    public JsonlWriter(OutputStream out) throws IOException {
        this(CaseEventJsonl.JSON.createGenerator(out, JsonEncoding.UTF8));
    }

    /** Writes characters to the writer (its encoding should be UTF-8); closing this writer closes it. */
    public JsonlWriter(Writer out) throws IOException {
        this(CaseEventJsonl.JSON.createGenerator(out));
    }

    private JsonlWriter(JsonGenerator generator) {
        this.generator = generator;
    }

    /** Creates or truncates the file. */
    public static JsonlWriter open(Path file) throws IOException {
        return new JsonlWriter(Files.newOutputStream(file));
    }

    /** Appends the event as one line. */
    public void write(CaseEvent event) throws IOException {
        CaseEventJsonl.writeObject(event, generator);
        generator.writeRaw('\n');
        linesWritten++;
    }

    public long linesWritten() {
        return linesWritten;
    }

    @Override
    public void flush() throws IOException {
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
