package org.casepulse.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Confluent's compatibility levels, checked with Avro's own reader/writer rules ({@link SchemaCompatibility}). */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** New schema must read data written with the old ones. */
    private final boolean backward;
    /** Old schemas must read data written with the new one. */
    private final boolean forward;
    /** Against every earlier version, not only the latest. */
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean transitive() {
        return transitive;
    }

    /**
     * Why {@code candidate} may not follow {@code earlier} at this level, in Confluent's
     * {@code {errorType:..., description:...}} style; empty when compatible.
     */
    public List<String> incompatibilities(Schema candidate, Schema earlier) {
        List<String> problems = new ArrayList<>();
        if (backward) {
            describe(candidate, earlier, "the new schema cannot read data written with the old schema", problems);
        }
        if (forward) {
            describe(earlier, candidate, "the old schema cannot read data written with the new schema", problems);
        }
        return problems;
    }

    private static void describe(Schema reader, Schema writer, String direction, List<String> problems) {
        for (Incompatibility problem : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities()) {
            problems.add("{errorType:'" + problem.getType() + "', description:'" + direction + " at path '"
                    + problem.getLocation() + "': " + problem.getMessage() + "'}");
        }
    }
}
