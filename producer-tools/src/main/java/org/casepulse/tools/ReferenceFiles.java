package org.casepulse.tools;

import java.nio.file.Path;
import java.util.Optional;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceData;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Every reference data file the streams application may be given: catalogue, areas, benchmarks, bank holidays. */
final class ReferenceFiles {
    @SettingKey("casepulse.catalogue")
    @Option(names = "--catalogue", paramLabel = "FILE",
            description = "Indicator catalogue YAML (env CASEPULSE_CATALOGUE; default: the shipped catalogue).")
    Path catalogue;

    @Mixin
    AreaAndCalendarFiles areaAndCalendar;

    @SettingKey("casepulse.benchmarks")
    @Option(names = "--benchmarks", paramLabel = "FILE",
            description = "Benchmarks YAML, checked against the catalogue (env CASEPULSE_BENCHMARKS; default: the shipped samples).")
    Path benchmarks;

    /** Loads and checks every file with the streams application's own code. */
    ReferenceData load() {
        return ReferenceData.load(Optional.ofNullable(catalogue), Optional.ofNullable(areaAndCalendar.areas),
                Optional.ofNullable(areaAndCalendar.bankHolidays), areaAndCalendar.mode(), Optional.ofNullable(benchmarks));
    }

    IndicatorCatalogue catalogue() {
        return catalogue == null ? IndicatorCatalogue.defaults() : IndicatorCatalogue.load(catalogue);
    }

    AreaHierarchy areas() {
        return areaAndCalendar.areas();
    }
}
