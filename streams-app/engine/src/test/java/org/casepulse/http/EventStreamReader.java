package org.casepulse.http;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Follows a server-sent event stream as {@code curl -N} would, with java.net.http: a thread reads
 * the body line by line; the test takes events and comments with a deadline.
 */
final class EventStreamReader implements AutoCloseable {
    private static final String END = "\u0000end";

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Stream<String> body;
    private final Thread reader;
    private final int status;

    /** A server-sent event; a comment has event name {@code ":"} and its text as data. */
    record ServerSentEvent(String event, String data) {}

    private EventStreamReader(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.body = response.body();
        this.reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (UncheckedIOException e) {
                // the stream was closed: by the test, or by the server
            } finally {
                lines.add(END);
            }
        }, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStreamReader open(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        try {
            return new EventStreamReader(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return status;
    }

    /** The next event or comment, failing the test if none comes within {@code timeout}. */
    ServerSentEvent next(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String event = "message";
        StringBuilder data = new StringBuilder();
        while (true) {
            String line = take(deadline, timeout);
            if (line.startsWith(":")) {
                return new ServerSentEvent(":", line.substring(1).strip());
            }
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    return new ServerSentEvent(event, data.toString());
                }
            } else if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.length() > 0 ? "\n" : "").append(line.substring("data:".length()).strip());
            }
        }
    }

    /** The next event that is not a comment. */
    ServerSentEvent nextEvent(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ServerSentEvent next = next(Duration.between(Instant.now(), deadline));
            if (!next.event().equals(":")) {
                return next;
            }
        }
    }

    /** Waits for a comment starting with {@code text}, skipping anything else. */
    void awaitComment(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ServerSentEvent next = next(Duration.between(Instant.now(), deadline));
            if (next.event().equals(":") && next.data().startsWith(text)) {
                return;
            }
        }
    }

    @Override
    public void close() {
        body.close();
    }

    private String take(Instant deadline, Duration timeout) {
        try {
            long wait = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            String line = lines.poll(wait, TimeUnit.MILLISECONDS);
            if (line == null) {
                fail("No server-sent event within " + timeout);
            }
            if (line.equals(END)) {
                lines.add(END);
                fail("The event stream ended");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
