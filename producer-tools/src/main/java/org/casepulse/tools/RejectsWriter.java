package org.casepulse.tools;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines a replay refused, as JSON Lines: {@code {"line":12,"code":"missing-field","reason":"line 12:
 * assessmentId: required for ASSESSMENT_STARTED","text":"<the line as it was>"}}. The file holds
 * case and child identifiers, as the extract does.
 */
final class RejectsWriter implements Closeable {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator out;
    private long written;

    /** Creates or empties the file, so that it never shows an earlier run's rejects. */
    RejectsWriter(Path file) throws IOException {
        this.out = JSON.createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
        this.out.setRootValueSeparator(null);
    }

    void write(ReplayValidator.Rejected rejected) throws IOException {
        out.writeStartObject();
        out.writeNumberField("line", rejected.lineNumber());
        out.writeStringField("code", rejected.code());
        out.writeStringField("reason", rejected.reason());
        out.writeStringField("text", rejected.text());
        out.writeEndObject();
        out.writeRaw('\n');
        written++;
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
