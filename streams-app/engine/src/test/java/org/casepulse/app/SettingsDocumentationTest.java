package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's table of settings is the one the declarations make, and the shipped files use only declared keys. */
class SettingsDocumentationTest {
    private static final Path ROOT = Path.of("../..");
    private static final String START = "<!-- settings table: made from the declarations in CasepulseSettings;"
            + " SettingsDocumentationTest checks it matches -->\n";
    private static final String END = "<!-- end of settings table -->";

    @Test
    void shouldListEveryDeclaredSettingInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(START, END);
        String table = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        assertThat(table)
                .as("README.md's settings table: replace it with the output of `java -jar casepulse.jar settings`")
                .isEqualTo(CasepulseSettings.declared().markdownTable());
    }

    @Test
    void shouldStartFromTheShippedDockerConfiguration() {
        CasepulseSettings settings = CasepulseSettings.load(Optional.of(ROOT.resolve("docker/casepulse.properties")),
                Map.of("CASEPULSE_HTTP_HOST", "0.0.0.0", "CASEPULSE_STATE_DIR", "/var/lib/casepulse/streams"));
        assertThat(settings.bootstrapServers()).isEqualTo("kafka:19092");
        assertThat(settings.topicReplicationFactor()).isEqualTo((short) 1);
    }
}
