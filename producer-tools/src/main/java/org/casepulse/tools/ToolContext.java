package org.casepulse.tools;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.casepulse.calendar.BusinessClock;

/**
 * What the commands may touch outside themselves, passed in so that tests can stand in for it:
 * standard input and output (as bytes, for JSON Lines, and as UTF-8 text), the environment,
 * whether a person is watching a terminal, and the clock.
 *
 * @param interactive whether the output goes to a terminal: progress lines and colours only then
 */
public record ToolContext(InputStream stdin, OutputStream stdout, PrintWriter out, PrintWriter err,
                          Map<String, String> env, boolean interactive, Clock clock) {

    public ToolContext {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
    }

    /** Text output in UTF-8 over the given byte streams. */
    public static ToolContext of(InputStream stdin, OutputStream stdout, OutputStream stderr, Map<String, String> env,
                                 boolean interactive, Clock clock) {
        return new ToolContext(stdin, stdout, utf8(stdout), utf8(stderr), env, interactive, clock);
    }

    /** Today in England. */
    public LocalDate today() {
        return BusinessClock.dateInLondon(clock.millis());
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
