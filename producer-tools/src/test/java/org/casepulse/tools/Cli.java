package org.casepulse.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs casepulse-tools in this JVM with captured streams, a given environment and a fixed clock. */
final class Cli {
    /** 2026-03-14, a Saturday: "today" for every command run here. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T10:00:00Z"), ZoneOffset.UTC);

    private Map<String, String> env = Map.of();
    private byte[] stdin = new byte[0];

    Cli env(Map<String, String> variables) {
        this.env = variables;
        return this;
    }

    Cli stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** What a run printed and returned. */
    record Result(int status, String out, String err, byte[] stdout) {}

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ToolContext context = ToolContext.of(new ByteArrayInputStream(stdin), out, err, env, false, CLOCK);
        int status = CasepulseTools.execute(args, context);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    static Result exec(String... args) {
        return new Cli().run(args);
    }
}
