package org.casepulse.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.indicators.CatalogueException;
import org.casepulse.indicators.IndicatorCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataTest {
    @TempDir
    Path dir;

    @Test
    void shouldBundleTheShippedData() {
        ReferenceData defaults = ReferenceData.defaults();

        assertThat(defaults.calendar()).isSameAs(WorkingDayCalendar.englandAndWales());
        assertThat(defaults.catalogue()).isSameAs(IndicatorCatalogue.defaults());
        assertThat(defaults.areas()).isSameAs(AreaHierarchy.defaults());
        assertThat(ReferenceData.fromConfig(Map.of())).isEqualTo(defaults);
    }

    @Test
    void shouldLoadTheFilesTheSettingsName() throws IOException, URISyntaxException {
        Path areas = Files.writeString(dir.resolve("areas.yaml"), """
                version: "one area"
                national: {code: ALL, name: Everywhere, level: NATIONAL, population: 12345}
                """);
        Path holidays = Path.of(getClass().getResource("/calendar/bank-holidays-2028.json").toURI());

        ReferenceData data = ReferenceData.fromConfig(Map.of(
                "casepulse.areas", areas.toString(),
                "casepulse.calendar.bank-holidays", holidays,
                "casepulse.calendar.mode", "Replace",
                "casepulse.catalogue", " "));

        assertThat(data.areas().national().code()).isEqualTo("ALL");
        assertThat(data.areas().isLowest("ALL")).isTrue();
        assertThat(data.calendar().firstCoveredDate()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(data.catalogue()).as("blank setting: shipped").isSameAs(IndicatorCatalogue.defaults());
    }

    @Test
    void shouldStopOnABadFileOrMode() throws IOException {
        Path catalogue = Files.writeString(dir.resolve("catalogue.yaml"), "version: x\nindicators: []\n");

        assertThatThrownBy(() -> ReferenceData.fromConfig(Map.of("casepulse.catalogue", catalogue.toString())))
                .isInstanceOf(CatalogueException.class)
                .hasMessage(catalogue + ":2: indicators: missing: list at least one indicator");
        assertThatThrownBy(() -> ReferenceData.fromConfig(Map.of("casepulse.calendar.mode", "merge")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("casepulse.calendar.mode must be extend or replace, got merge");
    }
}
