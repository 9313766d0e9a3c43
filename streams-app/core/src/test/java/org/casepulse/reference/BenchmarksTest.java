package org.casepulse.reference;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.casepulse.indicators.IndicatorCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksTest {
    @TempDir
    Path dir;

    @Test
    void shouldShipSeed004sBenchmarksForTheLatestYearNotAfterThePeriods() {
        Benchmarks shipped = ReferenceData.defaults().benchmarks();

        Benchmark repeat = shipped.forPeriodEnd("repeat-cp-plan", parse("2010-01-31")).orElseThrow();
        assertThat(repeat.year()).isEqualTo("2008/09");
        assertThat(repeat.england()).isEqualByComparingTo("13");
        assertThat(repeat.region()).isEqualByComparingTo("11");
        assertThat(repeat.neighbours()).isEqualByComparingTo("12");
        assertThat(shipped.forPeriodEnd("repeat-cp-plan", parse("2009-03-31"))).isPresent();
        assertThat(shipped.forPeriodEnd("repeat-cp-plan", parse("2008-03-31"))).isEmpty();
        assertThat(shipped.forPeriodEnd("re-referral-12m", parse("2026-11-30")).orElseThrow().england())
                .isEqualByComparingTo("24");
        assertThat(shipped.forPeriodEnd("open-cases", parse("2026-11-30"))).isEmpty();
    }

    @Test
    void shouldRefuseAnIndicatorTheCatalogueLacksNamingTheNearest() throws IOException {
        Path file = Files.writeString(dir.resolve("benchmarks.yaml"), """
                version: "1"
                benchmarks:
                  repeat-cp-plans:
                    "2008/09": {england: 13}
                """);

        assertThatThrownBy(() -> Benchmarks.load(file, IndicatorCatalogue.defaults()))
                .isInstanceOf(BenchmarkException.class)
                .hasMessageContaining(":3: benchmarks.repeat-cp-plans: no indicator repeat-cp-plans in catalogue")
                .hasMessageContaining("did you mean repeat-cp-plan?");
    }

    @Test
    void shouldRefuseABadYearOrAnEmptyYear() throws IOException {
        Path badYear = Files.writeString(dir.resolve("y.yaml"), """
                version: "1"
                benchmarks:
                  repeat-cp-plan:
                    "2008": {england: 13}
                """);
        Path empty = Files.writeString(dir.resolve("e.yaml"), """
                version: "1"
                benchmarks:
                  repeat-cp-plan:
                    "2008/09": {}
                """);

        assertThatThrownBy(() -> Benchmarks.load(badYear, IndicatorCatalogue.defaults()))
                .hasMessageContaining("not a financial year such as 2008/09");
        assertThatThrownBy(() -> Benchmarks.load(empty, IndicatorCatalogue.defaults()))
                .hasMessageContaining("give england, region or neighbours");
    }

    @Test
    void shouldLoadTheFileTheSettingNames() throws IOException {
        Path file = Files.writeString(dir.resolve("benchmarks.yaml"), """
                version: "mine"
                benchmarks:
                  open-cases:
                    "2025/26": {neighbours: 900}
                """);

        ReferenceData reference = ReferenceData.fromConfig(Map.of(ReferenceData.BENCHMARKS_KEY, file.toString()));

        assertThat(reference.benchmarks().version()).isEqualTo("mine");
        assertThat(reference.benchmarks().forPeriodEnd("open-cases", parse("2026-11-30")).orElseThrow().neighbours())
                .isEqualByComparingTo("900");
        assertThat(reference.benchmarks().forPeriodEnd("repeat-cp-plan", parse("2026-11-30"))).isEmpty();
    }
}
