package org.casepulse.tools;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casepulse.publish.CaseEventPublisher;
import org.casepulse.simulation.SimulatedRecord;
import org.casepulse.simulation.SimulatedRecordWriter;

/** Where generated records go: a JSON Lines file (or standard output), or Kafka. */
interface RecordSink extends AutoCloseable {

    void accept(SimulatedRecord record);

    /** Waits until everything accepted has been written or acknowledged, or throws why not. */
    void finish();

    /** Where the records went, for the summary: {@code written to events.jsonl}. */
    String description();

    @Override
    void close();

    static RecordSink toFile(Path file) throws IOException {
        return new JsonlSink(Files.newOutputStream(file), "written to " + file);
    }

    /** Standard output, left open. */
    static RecordSink toStdout(OutputStream stdout) throws IOException {
        return new JsonlSink(new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, "written to standard output");
    }

    static RecordSink toKafka(CaseEventPublisher publisher) {
        return new RecordSink() {
            @Override
            public void accept(SimulatedRecord record) {
                publisher.send(record);
            }

            @Override
            public void finish() {
                publisher.flush();
            }

            @Override
            public String description() {
                return "sent to Kafka at " + publisher.settings().bootstrapServers() + ", topic "
                        + publisher.settings().topic();
            }

            @Override
            public void close() {
                publisher.close();
            }
        };
    }

    /** JSON Lines through a large buffer: the writer emits small chunks. */
    final class JsonlSink implements RecordSink {
        private final SimulatedRecordWriter writer;
        private final String description;

        JsonlSink(OutputStream out, String description) throws IOException {
            this.writer = new SimulatedRecordWriter(new BufferedOutputStream(out, 1 << 16));
            this.description = description;
        }

        @Override
        public void accept(SimulatedRecord record) {
            try {
                writer.write(record);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the records: " + e.getMessage(), e);
            }
        }

        @Override
        public void finish() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the records: " + e.getMessage(), e);
            }
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the output: " + e.getMessage(), e);
            }
        }
    }
}
