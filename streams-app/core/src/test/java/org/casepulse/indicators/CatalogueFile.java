package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * A catalogue file for a test: a fixed header of six lines (so the first line of the entries is line
 * 7, as the errors name it), the entries every catalogue of the test starts with, then the test's own.
 */
final class CatalogueFile {
    static final String HEADER = """
            version: "test-1"
            defaults:
              tolerance: 5
              smallNumberThreshold: 10
              decimals: 1
            indicators:
            """;

    private final Path path;
    private final String firstEntries;

    CatalogueFile(Path dir) {
        this(dir, "");
    }

    CatalogueFile(Path dir, String firstEntries) {
        this.path = dir.resolve("catalogue.yaml");
        this.firstEntries = firstEntries;
    }

    Path path() {
        return path;
    }

    Path write(String entries) throws IOException {
        return Files.writeString(path, HEADER + firstEntries + entries);
    }

    IndicatorCatalogue load(String entries) throws IOException {
        return IndicatorCatalogue.load(write(entries));
    }

    /** The catalogue refuses the file, with an error that names the file first; say more with the assert it returns. */
    AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String entries) throws IOException {
        Path file = write(entries);
        return assertThatThrownBy(() -> IndicatorCatalogue.load(file)).isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith(file + ":");
    }
}
