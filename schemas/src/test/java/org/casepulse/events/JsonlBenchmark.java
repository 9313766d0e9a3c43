package org.casepulse.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Prints how many lines per second {@link JsonlWriter} writes and {@link JsonlReader} reads back,
 * for 1 million events. Not a test: timings on a shared machine are too noisy to assert on.
 *
 * <pre>
 * ./mvnw -B -o -pl schemas test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt
 * java -cp schemas/target/classes:schemas/target/test-classes:$(cat schemas/target/cp.txt) \
 *     org.casepulse.events.JsonlBenchmark [events] [rounds]
 * </pre>
 */
public final class JsonlBenchmark {

    private static final int DISTINCT_EVENTS = 10_000;

    private JsonlBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        CaseEvent[] sample = sample();
        Path file = Files.createTempFile("casepulse-jsonl-benchmark", ".jsonl");
        try {
            for (int round = 1; round <= rounds; round++) {
                long writeStart = System.nanoTime();
                try (JsonlWriter writer = JsonlWriter.open(file)) {
                    for (int i = 0; i < events; i++) {
                        writer.write(sample[i % sample.length]);
                    }
                }
                long writeNanos = System.nanoTime() - writeStart;

                long readStart = System.nanoTime();
                long parsed = 0;
                try (JsonlReader reader = JsonlReader.open(file)) {
                    while (reader.hasNext()) {
                        if (reader.next() instanceof ParsedLine.Event) {
                            parsed++;
                        }
                    }
                }
                long readNanos = System.nanoTime() - readStart;
                if (parsed != events) {
                    throw new IllegalStateException("read " + parsed + " events of " + events);
                }
                System.out.printf("round %d: %,d events, %,d bytes; write %,.0f lines/s; read %,.0f lines/s%n",
                        round, events, Files.size(file), perSecond(events, writeNanos), perSecond(events, readNanos));
            }
        } finally {
            Files.delete(file);
        }
    }

    private static double perSecond(long count, long nanos) {
        return count * 1e9 / nanos;
    }

    /** Distinct, valid events of every type, shaped like the generator's. */
    private static CaseEvent[] sample() {
        EventType[] types = EventType.values();
        CaseEvent[] sample = new CaseEvent[DISTINCT_EVENTS];
        for (int i = 0; i < sample.length; i++) {
            EventType type = types[i % types.length];
            CaseEvent event = SampleEvents.everyField(type);
            event.setEventId(String.format("evt-bench-%07d", i));
            event.setCaseId(String.format("case-%06d", i / 10));
            event.setChildId(String.format("child-%06d", i / 12));
            event.setAreaCode("N" + (i % 7));
            event.setOccurredOn(LocalDate.of(2026, 1, 1).plusDays(i % 400));
            event.setRecordedAt(Instant.parse("2026-01-01T08:00:00Z").plusSeconds(i * 37L));
            sample[i] = event;
        }
        return sample;
    }
}
