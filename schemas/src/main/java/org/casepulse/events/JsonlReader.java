package org.casepulse.events;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a JSON Lines file of case events line by line. Every non-blank line yields one
 * {@link ParsedLine}: the validated event, or a {@link ParsedLine.LineError} that says why not.
 * No line is dropped silently: a blank or whitespace-only line carries no event, so it is skipped,
 * but counted ({@link #blankLines()}), and {@link #linesRead()} counts every line, so that
 * {@code linesRead = events + errors + blankLines}.
 *
 * <p>A UTF-8 byte order mark at the start of the first line is ignored. Input that is not valid
 * UTF-8 (when opened with {@link #open(Path)}) fails the read with an {@link UncheckedIOException}
 * naming the line, rather than turning into replacement characters. Not thread-safe.
 */
public final class JsonlReader implements Iterator<ParsedLine>, Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader source;
    private long linesRead;
    private long blankLines;
    private ParsedLine next;

    /** Reads from the reader; closing this reader closes it. */
    public JsonlReader(Reader source) {
        this.source = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source, 1 << 16);
    }

    /** Opens the file as strict UTF-8. */
    public static JsonlReader open(Path file) throws IOException {
        return new JsonlReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** @throws UncheckedIOException when the source cannot be read */
    @Override
    public boolean hasNext() {
        while (next == null) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            linesRead++;
            if (linesRead == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                blankLines++;
            } else {
                next = CaseEventJsonl.parseLine(line, linesRead);
            }
        }
        return true;
    }

    @Override
    public ParsedLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedLine line = next;
        next = null;
        return line;
    }

    /** Lines read so far, blank ones included: the number of the last line read. */
    public long linesRead() {
        return linesRead;
    }

    /** Blank or whitespace-only lines read so far (skipped, yielding nothing). */
    public long blankLines() {
        return blankLines;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private String readLine() {
        try {
            return source.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (linesRead + 1), e);
        }
    }
}
