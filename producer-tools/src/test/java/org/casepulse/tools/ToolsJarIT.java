package org.casepulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged casepulse-tools.jar, run with {@code java -jar}: its version comes from the jar's manifest. */
class ToolsJarIT {
    @TempDir
    Path dir;

    @Test
    void shouldPrintTheReleaseVersionFromTheManifest() throws Exception {
        Path jar = Path.of(System.getProperty("casepulse.build.directory", "target"), "casepulse-tools.jar");
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--version"))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo("casepulse-tools " + System.getProperty("casepulse.version") + "\n");
    }
}
