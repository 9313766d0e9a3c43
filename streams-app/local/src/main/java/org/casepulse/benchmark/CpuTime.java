package org.casepulse.benchmark;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU spent during a timed run: by the application's stream threads, and by the whole process
 * (broker, registry and clients share it). Per event, it does not depend on what else the machine
 * runs, as events per second do: on a shared machine it says what a run cost, the rate only what
 * it got.
 */
final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String applicationId;
    private final Map<Long, Long> streamThreadsAtStart;
    private final long processAtStart;
    private final long compilationAtStart;
    private final long collectionAtStart;

    private CpuTime(String applicationId) {
        this.applicationId = applicationId;
        this.streamThreadsAtStart = streamThreads();
        this.processAtStart = processNanos();
        this.compilationAtStart = compilationMillis();
        this.collectionAtStart = collectionMillis();
    }

    static CpuTime start(String applicationId) {
        return new CpuTime(applicationId);
    }

    void print(PrintStream out, long events, double seconds) {
        long streams = 0;
        for (Map.Entry<Long, Long> thread : streamThreads().entrySet()) {
            streams += thread.getValue() - streamThreadsAtStart.getOrDefault(thread.getKey(), 0L);
        }
        long process = processNanos() - processAtStart;
        out.printf("  %s CPU: stream threads %,.0f µs an event, whole process %,.0f µs an event (%.2f of %d cores "
                        + "over %.0f s)%n", applicationId, streams / 1e3 / events, process / 1e3 / events,
                process / 1e9 / seconds, Runtime.getRuntime().availableProcessors(), seconds);
        out.printf("  %s JIT compilation %.1f s, garbage collection %.1f s (time spent, all threads)%n", applicationId,
                (compilationMillis() - compilationAtStart) / 1e3, (collectionMillis() - collectionAtStart) / 1e3);
    }

    /** Time the JIT compilers spent, which in a new JVM is a large share of the two cores. */
    private static long compilationMillis() {
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    private static long collectionMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis;
    }

    private Map<Long, Long> streamThreads() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(applicationId + "-")
                    && info.getThreadName().contains("StreamThread-")) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
