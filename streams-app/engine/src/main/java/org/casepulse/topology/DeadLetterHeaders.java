package org.casepulse.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Headers of a dead-lettered record: why it was refused and where it came from, so that an
 * operator can fix the source and replay it. The value is the original bytes, untouched.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "casepulse.dlq.reason";
    public static final String MESSAGE = "casepulse.dlq.message";
    public static final String FIELD = "casepulse.dlq.field";
    public static final String SOURCE_TOPIC = "casepulse.dlq.source.topic";
    public static final String SOURCE_PARTITION = "casepulse.dlq.source.partition";
    public static final String SOURCE_OFFSET = "casepulse.dlq.source.offset";

    private DeadLetterHeaders() {}

    static void add(Headers headers, String name, Object value) {
        if (value != null) {
            headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static String read(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
