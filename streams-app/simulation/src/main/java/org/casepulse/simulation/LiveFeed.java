package org.casepulse.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds simulated records to a sink on a thread of its own, in send order: those recorded before
 * {@code backfillBefore} as fast as the sink takes them (the history), the rest at a steady rate
 * (the live part), and never a live record before the time it was recorded: a case-management
 * system cannot publish an event it has not recorded yet, and brokers refuse records timestamped
 * too far ahead (Kafka 4's {@code log.message.timestamp.after.max.ms}, one hour by default), which
 * lost the rest of the demo's day. Stops when the records run out, when {@link #stop()} is called,
 * or when the sink throws; the failure is then kept for {@link #failure()}.
 *
 * <pre>{@code
 * try (LiveFeed feed = LiveFeed.start(simulation.start(), 50, Instant.now(), publisher::send)) {
 *     ...
 * }
 * }</pre>
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile long sent;
    private volatile Throwable failure;

    private LiveFeed(Iterator<SimulatedRecord> records, Pacer pacer, Instant backfillBefore,
                     Consumer<? super SimulatedRecord> sink) {
        long backfillMillis = backfillBefore == null ? Long.MIN_VALUE : backfillBefore.toEpochMilli();
        this.thread = new Thread(() -> run(records, pacer, backfillMillis, sink), "casepulse-live-feed");
        this.thread.setDaemon(true);
    }

    /**
     * Starts feeding.
     *
     * @param recordsPerSecond the pace of the live part; 0 for no pacing at all
     * @param backfillBefore   records with a timestamp before it are sent unpaced; null to pace all
     */
    public static LiveFeed start(Iterator<SimulatedRecord> records, double recordsPerSecond, Instant backfillBefore,
                                 Consumer<? super SimulatedRecord> sink) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(sink, "sink");
        Pacer pacer = recordsPerSecond == 0 ? Pacer.unlimited() : Pacer.perSecond(recordsPerSecond);
        LiveFeed feed = new LiveFeed(records, pacer, backfillBefore, sink);
        feed.thread.start();
        return feed;
    }

    private void run(Iterator<SimulatedRecord> records, Pacer pacer, long backfillMillis,
                     Consumer<? super SimulatedRecord> sink) {
        try {
            while (!stopping && records.hasNext()) {
                SimulatedRecord record = records.next();
                if (record.timestampMillis() >= backfillMillis) {
                    pacer.awaitNext();
                    awaitRecorded(record.timestampMillis());
                }
                sink.accept(record);
                sent++;
            }
        } catch (InterruptedException e) {
            // stop() interrupts a paced wait: nothing more to send.
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("The live feed stopped after {} records: {}", sent, e.toString());
        } finally {
            finished.countDown();
        }
    }

    /** Waits, interruptibly, until the wall clock reaches the record's recorded time. */
    private static void awaitRecorded(long recordedMillis) throws InterruptedException {
        for (long wait = recordedMillis - System.currentTimeMillis(); wait > 0; wait = recordedMillis - System.currentTimeMillis()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(wait, 100)));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a record's recorded time");
            }
        }
    }

    /** Records handed to the sink so far. */
    public long sent() {
        return sent;
    }

    /** Whether the feed is still sending. */
    public boolean isRunning() {
        return finished.getCount() > 0;
    }

    /** What stopped the feed, if the sink or the simulation threw. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Waits for the feed to finish on its own.
     *
     * @return whether it finished within the timeout
     */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops sending and waits (up to 10 s) for the record in hand to be handed over. */
    public void stop() {
        stopping = true;
        thread.interrupt();
        try {
            if (!finished.await(10, TimeUnit.SECONDS)) {
                LOG.warn("The live feed did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
