package org.casepulse.topology;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One task's flushes on its stage's {@link FlushCadence}. The stage tells it of every input record
 * ({@link #received}); a wall-clock punctuation at the live interval runs the flush when it is due,
 * at the live or the catch-up interval depending on how old the last input record was when it was
 * processed, and asks for a commit after a live flush that sent something (the commit interval is
 * the catch-up one, so without that request a live figure would wait for it).
 *
 * <p>A ledger's schedule also flushes before every commit ({@link #withFlushBeforeEachCommit}), so
 * that nothing pending outlives a commit; while it catches up, that is its only flush, and its
 * sums cross to the series stage once per commit interval.
 */
final class FlushSchedule {

    /** A stage's flush: sends what is pending and says whether it sent anything. */
    @FunctionalInterface
    interface Flush {
        /**
         * @param wallClockTime         now
         * @param newestInputTimestamp  the timestamp of the newest input record since the last flush
         *                              (now if none): the records sent carry it, so the next stage
         *                              knows whether it is catching up too
         */
        boolean run(long wallClockTime, long newestInputTimestamp);
    }

    private final ProcessorContext<?, ?> context;
    private final FlushCadence cadence;
    private final Flush flush;
    /** The first punctuation flushes: a task that starts sends what it restored without waiting. */
    private long lastFlush = Long.MIN_VALUE / 2;
    private boolean catchingUp;
    private long newestInput = Long.MIN_VALUE;
    /** Whether a flush before each commit does the catching-up flushes (ledgers). */
    private boolean flushesBeforeCommits;

    private FlushSchedule(ProcessorContext<?, ?> context, FlushCadence cadence, Flush flush) {
        this.context = context;
        this.cadence = cadence;
        this.flush = flush;
    }

    /** Schedules {@code flush} for the stage whose processor is initialising with {@code context}. */
    static FlushSchedule start(ProcessorContext<?, ?> context, FlushCadence cadence, Flush flush) {
        FlushSchedule schedule = new FlushSchedule(context, cadence, flush);
        context.schedule(cadence.live(), PunctuationType.WALL_CLOCK_TIME, schedule::punctuate);
        return schedule;
    }

    /**
     * Schedules {@code flush} for the ledger whose processor is initialising with {@code context},
     * and runs it before every commit of its task as well ({@code beforeCommit}): its pending
     * changes then live in memory only.
     */
    static FlushSchedule withFlushBeforeEachCommit(ProcessorContext<?, ?> context, FlushCadence cadence, Flush flush,
                                                   BeforeCommit beforeCommit) {
        FlushSchedule schedule = start(context, cadence, flush);
        schedule.flushesBeforeCommits = true;
        beforeCommit.runBeforeEachCommit(context, () -> schedule.flush(context.currentSystemTimeMs()));
        return schedule;
    }

    /** Notes an input record: its age when processed says whether the stage is catching up. */
    void received(Record<?, ?> record) {
        long timestamp = record.timestamp();
        catchingUp = context.currentSystemTimeMs() - timestamp > cadence.catchUpLag().toMillis();
        newestInput = Math.max(newestInput, timestamp);
    }

    boolean catchingUp() {
        return catchingUp;
    }

    private void punctuate(long wallClockTime) {
        if (catchingUp && flushesBeforeCommits) {
            return; // the commits flush
        }
        long interval = (catchingUp ? cadence.catchUp() : cadence.live()).toMillis();
        // Punctuations come every live interval, a little late or early: half of one is slack.
        if (wallClockTime - lastFlush < interval - cadence.live().toMillis() / 2) {
            return;
        }
        boolean sent = flush(wallClockTime);
        if (sent && !catchingUp) {
            context.commit();
        }
    }

    private boolean flush(long wallClockTime) {
        lastFlush = wallClockTime;
        long timestamp = newestInput == Long.MIN_VALUE ? wallClockTime : newestInput;
        newestInput = Long.MIN_VALUE;
        return flush.run(wallClockTime, timestamp);
    }
}
