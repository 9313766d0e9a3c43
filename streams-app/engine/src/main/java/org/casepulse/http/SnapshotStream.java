package org.casepulse.http;

import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.FigureFilter;
import org.casepulse.scorecard.FigureChange;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the snapshot view's changes out to server-sent event clients: an event {@code snapshot}
 * with the figure as JSON, or {@code withdrawal} with its key, for each change the client's filter
 * matches, and a comment when the stream has been idle for the heartbeat interval. Each client has
 * its own queue, written by the view's thread and drained by the client's request thread, so a
 * slow client never holds up the view or the others; one that falls too far behind is
 * disconnected, and its EventSource reconnects. Each client holds a request thread, so their
 * number is capped: {@link #tryAdmit} refuses the one over the cap, which the server answers with 503.
 */
final class SnapshotStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStream.class);
    static final String SNAPSHOT_EVENT = "snapshot";
    static final String WITHDRAWAL_EVENT = "withdrawal";
    private static final int QUEUE_CAPACITY = 10_000;
    private static final Object STOP = new Object();

    private final PublishedFigures view;
    private final Duration heartbeat;
    private final ObjectMapper json;
    private final int maxClients;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Consumer<FigureChange> listener = this::publish;
    private volatile boolean closed;

    SnapshotStream(PublishedFigures view, Duration heartbeat, ObjectMapper json, int maxClients) {
        this.view = view;
        this.maxClients = maxClients;
        this.heartbeat = heartbeat;
        this.json = json;
        view.addListener(listener);
    }

    /** Clients connected now. */
    int clients() {
        return subscribers.size();
    }

    int maxClients() {
        return maxClients;
    }

    /** Takes a place for one client; false when {@link #maxClients} are served already. Give it back with {@link #release}. */
    boolean tryAdmit() {
        while (true) {
            int now = admitted.get();
            if (now >= maxClients) {
                return false;
            }
            if (admitted.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        admitted.decrementAndGet();
    }

    /**
     * Streams the changes {@code wanted} accepts to {@code client} until it goes away or this
     * stream closes; blocks the calling thread. Gives back the place {@link #tryAdmit} took.
     * A client that went away is noticed when a write fails: at the latest, the next heartbeat.
     */
    void serve(SseClient client, Predicate<FigureKey> wanted) {
        Subscriber subscriber = new Subscriber(wanted);
        subscribers.add(subscriber);
        try {
            client.sendComment("connected to " + view.topic());
            while (!closed && !subscriber.stopped && !client.terminated()) {
                Object next = subscriber.queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == STOP) {
                    break;
                }
                if (next == null) {
                    client.sendComment("heartbeat");
                } else {
                    send(client, (FigureChange) next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscribers.remove(subscriber);
            release();
            client.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        view.removeListener(listener);
        subscribers.forEach(Subscriber::stop);
    }

    private void publish(FigureChange change) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.stopped && subscriber.wanted.test(change.key()) && !subscriber.queue.offer(change)) {
                LOG.warn("Disconnecting an event-stream client more than {} changes behind", QUEUE_CAPACITY);
                subscriber.stop();
            }
        }
    }

    private void send(SseClient client, FigureChange change) {
        try {
            if (change.isWithdrawal()) {
                client.sendEvent(WITHDRAWAL_EVENT, json.writeValueAsString(change.key()));
            } else {
                client.sendEvent(SNAPSHOT_EVENT, json.writeValueAsString(change.figure()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + change.key() + " as JSON", e);
        }
    }

    private static final class Subscriber {
        final Predicate<FigureKey> wanted;
        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
        volatile boolean stopped;

        Subscriber(Predicate<FigureKey> wanted) {
            this.wanted = wanted;
        }

        /** Makes the client's thread stop at its next look at the queue, however full. */
        void stop() {
            stopped = true;
            queue.clear();
            queue.offer(STOP);
        }
    }
}
