package org.casepulse.topology;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Headers of a dead-lettered record: why it was refused and where it came from, so that an
 * operator can fix the source and replay it. The value is the original bytes, untouched.
 *
 * <p>Ours ({@code casepulse.dlq.*}) carry the reason code; Kafka Streams' own dead-letter headers
 * ({@code __streams.errors.*}, as its built-in dead-letter support writes them: UTF-8 text, the
 * partition and offset in decimal) are written too, so tooling made for those reads ours.
 * Headers of either family that arrive on the input record are dropped first: a record must not
 * carry a forged or stale reason ahead of the real one.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "casepulse.dlq.reason";
    public static final String MESSAGE = "casepulse.dlq.message";
    public static final String FIELD = "casepulse.dlq.field";
    public static final String SOURCE_TOPIC = "casepulse.dlq.source.topic";
    public static final String SOURCE_PARTITION = "casepulse.dlq.source.partition";
    public static final String SOURCE_OFFSET = "casepulse.dlq.source.offset";

    public static final String STREAMS_EXCEPTION = "__streams.errors.exception";
    public static final String STREAMS_MESSAGE = "__streams.errors.message";
    public static final String STREAMS_STACKTRACE = "__streams.errors.stacktrace";
    public static final String STREAMS_TOPIC = "__streams.errors.topic";
    public static final String STREAMS_PARTITION = "__streams.errors.partition";
    public static final String STREAMS_OFFSET = "__streams.errors.offset";

    private static final String OURS = "casepulse.dlq.";
    private static final String STREAMS = "__streams.errors.";
    private static final int CAUSES_DESCRIBED = 5;

    private DeadLetterHeaders() {}

    /**
     * The headers of a refused record: the input's own headers, less any dead-letter headers it
     * carried, then the reason, the field (if one is at fault), a message, the source coordinates,
     * and the exception behind the refusal, if there was one.
     */
    static Headers of(Headers incoming, String reason, String field, String message, Optional<RecordMetadata> source,
                      Throwable exception) {
        Headers headers = new RecordHeaders();
        for (Header header : incoming) {
            if (!header.key().startsWith(OURS) && !header.key().startsWith(STREAMS)) {
                headers.add(header);
            }
        }
        add(headers, REASON, reason);
        add(headers, FIELD, field);
        add(headers, MESSAGE, message);
        source.ifPresent(metadata -> {
            add(headers, SOURCE_TOPIC, metadata.topic());
            add(headers, SOURCE_PARTITION, metadata.partition());
            add(headers, SOURCE_OFFSET, metadata.offset());
        });
        add(headers, STREAMS_EXCEPTION, exception == null ? RecordRefusedException.class.getName() : exception.getClass().getName());
        add(headers, STREAMS_MESSAGE, message);
        if (exception != null) {
            add(headers, STREAMS_STACKTRACE, stackTrace(exception));
        }
        source.ifPresent(metadata -> {
            add(headers, STREAMS_TOPIC, metadata.topic());
            add(headers, STREAMS_PARTITION, metadata.partition());
            add(headers, STREAMS_OFFSET, metadata.offset());
        });
        return headers;
    }

    /**
     * What went wrong, from an exception and its causes, never just "null": a NullPointerException
     * or ClassCastException thrown while decoding often has no message of its own.
     * {@code SerializationException: Error deserializing ...: null; caused by NullPointerException}
     */
    public static String describe(Throwable exception) {
        List<String> parts = new ArrayList<>();
        Throwable current = exception;
        while (current != null && parts.size() < CAUSES_DESCRIBED) {
            String text = current.getClass().getSimpleName();
            String message = current.getMessage();
            if (message != null && !message.isBlank()) {
                text += ": " + message;
            }
            parts.add(text);
            current = current.getCause() == current ? null : current.getCause();
        }
        return String.join("; caused by ", parts);
    }

    static void add(Headers headers, String name, Object value) {
        if (value != null) {
            headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static String read(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String stackTrace(Throwable exception) {
        StringWriter text = new StringWriter();
        exception.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Names, in {@code __streams.errors.exception}, a refusal that no exception stands behind (a failed check). */
    public static final class RecordRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private RecordRefusedException() {
            super("refused by Casepulse's admission checks", null, false, false);
        }
    }
}
