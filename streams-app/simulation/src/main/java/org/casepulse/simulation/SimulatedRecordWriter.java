package org.casepulse.simulation;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.casepulse.events.JsonlWriter;

/**
 * Writes simulated records as JSON Lines, the interchange format: good events through
 * {@link JsonlWriter}, malformed records as their (bad) lines, so that a reader meets them where
 * they were sent. Not thread-safe.
 */
public final class SimulatedRecordWriter implements Closeable, Flushable {
    private final OutputStream out;
    private final JsonlWriter events;
    private long lines;

    /** Writes UTF-8 to the stream (buffer it if it is not); closing this writer closes it. */
    public SimulatedRecordWriter(OutputStream out) throws IOException {
        this.out = out;
        this.events = new JsonlWriter(out);
    }

    public void write(SimulatedRecord record) throws IOException {
        if (record instanceof SimulatedRecord.Good good) {
            events.write(good.event());
        } else if (record instanceof SimulatedRecord.Bad bad) {
            // The event writer buffers: empty it first, so the bad line lands in its place.
            events.flush();
            out.write(bad.line().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        lines++;
    }

    /** Lines written so far. */
    public long linesWritten() {
        return lines;
    }

    @Override
    public void flush() throws IOException {
        events.flush();
    }

    @Override
    public void close() throws IOException {
        events.close();
    }
}
