package org.casepulse.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The row ids of the seed reports' indicators (SEED-INDICATORS.md), which a catalogue entry's
 * {@code seedRefs} name so that coverage of the reports Casepulse replaces can be checked
 * mechanically. Shipped as {@code reference/seed-indicator-ids.txt}.
 */
public final class SeedIndicators {
    static final String RESOURCE = "reference/seed-indicator-ids.txt";
    private static final Set<String> IDS = read();

    private SeedIndicators() {}

    /** Every known id, in the order of SEED-INDICATORS.md. */
    public static Set<String> ids() {
        return IDS;
    }

    public static boolean isKnown(String id) {
        return IDS.contains(id);
    }

    private static Set<String> read() {
        InputStream in = SeedIndicators.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        Set<String> ids = new LinkedHashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(ids);
    }
}
