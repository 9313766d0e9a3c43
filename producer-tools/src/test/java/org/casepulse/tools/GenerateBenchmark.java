package org.casepulse.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * How fast {@code generate} writes a JSON Lines file: about 1.1 million records (18 months at 400
 * referrals a working day, with small fault rates), three times, after a warm-up. Not a test; run
 * it by hand:
 *
 * <pre>java -cp "producer-tools/target/test-classes:producer-tools/target/casepulse-tools.jar" org.casepulse.tools.GenerateBenchmark</pre>
 */
public final class GenerateBenchmark {
    private GenerateBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path file = Files.createTempFile("casepulse-benchmark", ".jsonl");
        try {
            run(file, "60"); // warm-up
            for (int round = 1; round <= 3; round++) {
                long start = System.nanoTime();
                run(file, "400");
                double seconds = (System.nanoTime() - start) / 1e9;
                long records;
                try (var lines = Files.lines(file)) {
                    records = lines.count();
                }
                System.out.printf(Locale.UK, "round %d: %,d records, %,d MB in %.1f s: %,.0f records/s, %,.1f million records/minute%n",
                        round, records, Files.size(file) >> 20, seconds, records / seconds, records / seconds * 60 / 1e6);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(Path file, String referralsPerDay) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CasepulseTools.execute(new String[] {"generate", "--seed", "7", "--from", "2024-10-01",
            "--to", "2026-03-31", "--referrals-per-day", referralsPerDay, "--amendments", "0.01", "--retractions",
            "0.005", "--duplicates", "0.005", "--late", "0.02", "--malformed", "0.002", "--output", file.toString()},
                ToolContext.of(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), err, Map.of(), false,
                        Clock.systemUTC()));
        if (status != 0) {
            throw new IllegalStateException("generate failed: " + err);
        }
    }
}
