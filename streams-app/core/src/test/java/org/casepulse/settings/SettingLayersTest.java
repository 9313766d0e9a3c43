package org.casepulse.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.casepulse.settings.SettingLayers.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingLayersTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeFlagsOverTheEnvironmentOverTheFileOverTheDefaults() {
        SettingLayers layers = new SettingLayers(
                Map.of("a", "flag"),
                Map.of("a", "env", "b", "env"),
                Map.of("a", "file", "b", "file", "c", "file"),
                Map.of("a", "default", "b", "default", "c", "default", "d", "default"));

        assertThat(layers.value("a")).contains("flag");
        assertThat(layers.value("b")).contains("env");
        assertThat(layers.value("c")).contains("file");
        assertThat(layers.value("d")).contains("default");
        assertThat(layers.value("e")).isEmpty();
        assertThat(layers.sourceOf("b")).contains(Source.ENVIRONMENT);
        assertThat(layers.merged()).containsOnly(Map.entry("a", "flag"), Map.entry("b", "env"), Map.entry("c", "file"),
                Map.entry("d", "default"));
    }

    @Test
    void shouldPassOverABlankValue() {
        SettingLayers layers = new SettingLayers(Map.of("a", " "), Map.of(), Map.of("a", "file"), Map.of());
        assertThat(layers.value("a")).contains("file");
        assertThat(layers.merged()).containsOnly(Map.entry("a", "file"));
    }

    @Test
    void shouldReadAFileWithKafkaPrefixedKeys() throws IOException {
        Path file = dir.resolve("casepulse.properties");
        Files.writeString(file, "kafka.security.protocol = SASL_SSL\nsasl.mechanism=PLAIN\ncasepulse.as-of=2026-03-31 \n");
        assertThat(SettingsFile.read(file)).containsOnly(Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "PLAIN"), Map.entry("casepulse.as-of", "2026-03-31"));
        assertThatThrownBy(() -> SettingsFile.read(dir.resolve("missing.properties")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Cannot read the configuration file " + dir.resolve("missing.properties"));
    }

    @Test
    void shouldReadAssignmentsOfTheCommandLine() {
        assertThat(SettingsFile.assignment("kafka.sasl.mechanism=PLAIN")).isEqualTo(Map.entry("sasl.mechanism", "PLAIN"));
        assertThat(SettingsFile.assignment("sasl.jaas.config=a=b;")).isEqualTo(Map.entry("sasl.jaas.config", "a=b;"));
        assertThatThrownBy(() -> SettingsFile.assignment("security.protocol"))
                .hasMessage("-X takes key=value, got 'security.protocol'");
    }
}
