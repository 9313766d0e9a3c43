package org.casepulse.tools;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress report rewritten in place on a terminal: records, rate, elapsed and
 * remaining time. Silent when the output is not a terminal, so pipes and logs stay clean.
 */
final class Progress {
    private static final long REFRESH_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long shownNanos;
    private int shownWidth;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /**
     * @param fraction how much of the work is done, 0 to 1, or NaN when unknown
     * @param detail   a few more words, or empty
     */
    void update(long records, double fraction, String detail) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - shownNanos < REFRESH_NANOS) {
            return;
        }
        shownNanos = now;
        double seconds = (now - startNanos) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.UK, "%,d records  %,.0f/s  elapsed %s",
                records, seconds > 0 ? records / seconds : 0, clock(seconds)));
        if (fraction > 0.001 && fraction < 1) {
            line.append("  remaining ~").append(clock(seconds * (1 - fraction) / fraction));
        }
        if (!detail.isEmpty()) {
            line.append("  ").append(detail);
        }
        int width = line.length();
        while (line.length() < shownWidth) {
            line.append(' ');
        }
        shownWidth = width;
        err.print("\r" + line);
        err.flush();
    }

    /** Clears the progress line. */
    void finish() {
        if (enabled && shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
        }
    }

    /** Seconds since the start. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String clock(double seconds) {
        Duration duration = Duration.ofSeconds(Math.round(seconds));
        return duration.toHours() > 0
                ? String.format(Locale.UK, "%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart())
                : String.format(Locale.UK, "%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
