package org.casepulse.reference;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.indicators.IndicatorCatalogue;

/**
 * Everything the engine looks up besides events: the working-day calendar, the indicator
 * catalogue, the area hierarchy and the benchmarks. Each comes shipped, or from a file named by a
 * setting.
 */
public record ReferenceData(WorkingDayCalendar calendar, IndicatorCatalogue catalogue, AreaHierarchy areas,
                            Benchmarks benchmarks) {
    public static final String CATALOGUE_KEY = IndicatorCatalogue.CONFIG_KEY;
    public static final String AREAS_KEY = AreaHierarchy.CONFIG_KEY;
    public static final String BANK_HOLIDAYS_KEY = WorkingDayCalendar.CONFIG_KEY;
    public static final String CALENDAR_MODE_KEY = WorkingDayCalendar.MODE_CONFIG_KEY;
    public static final String BENCHMARKS_KEY = Benchmarks.CONFIG_KEY;

    public ReferenceData {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(areas, "areas");
        Objects.requireNonNull(benchmarks, "benchmarks");
    }

    /** With the shipped benchmarks of the indicators the catalogue has. */
    public ReferenceData(WorkingDayCalendar calendar, IndicatorCatalogue catalogue, AreaHierarchy areas) {
        this(calendar, catalogue, areas, Benchmarks.defaults(catalogue));
    }

    /** The shipped calendar (2015-2027), catalogue, areas and benchmarks. */
    public static ReferenceData defaults() {
        return new ReferenceData(WorkingDayCalendar.englandAndWales(), IndicatorCatalogue.defaults(),
                AreaHierarchy.defaults());
    }

    /**
     * The files given, the shipped data for those absent.
     *
     * @throws org.casepulse.reference.file.ReferenceFileException (a CatalogueException or
     *         AreaHierarchyException for those files) naming the file, line and field at fault
     */
    public static ReferenceData load(Optional<Path> catalogue, Optional<Path> areas, Optional<Path> bankHolidays,
                                     WorkingDayCalendar.Mode calendarMode) {
        return load(catalogue, areas, bankHolidays, calendarMode, Optional.empty());
    }

    /** As above, with a benchmarks file checked against the catalogue (absent: the shipped samples). */
    public static ReferenceData load(Optional<Path> catalogue, Optional<Path> areas, Optional<Path> bankHolidays,
                                     WorkingDayCalendar.Mode calendarMode, Optional<Path> benchmarks) {
        IndicatorCatalogue indicators = catalogue.map(IndicatorCatalogue::load).orElseGet(IndicatorCatalogue::defaults);
        return new ReferenceData(
                WorkingDayCalendar.load(bankHolidays, calendarMode),
                indicators,
                areas.map(AreaHierarchy::load).orElseGet(AreaHierarchy::defaults),
                benchmarks.map(path -> Benchmarks.load(path, indicators)).orElseGet(() -> Benchmarks.defaults(indicators)));
    }

    /**
     * From settings: {@value #CATALOGUE_KEY}, {@value #AREAS_KEY}, {@value #BANK_HOLIDAYS_KEY} and {@value #BENCHMARKS_KEY}
     * name files (absent or blank: shipped data); {@value #CALENDAR_MODE_KEY} is {@code extend}
     * (default) or {@code replace}.
     *
     * @throws IllegalArgumentException for a calendar mode other than extend or replace
     */
    public static ReferenceData fromConfig(Map<String, ?> config) {
        return load(path(config, CATALOGUE_KEY), path(config, AREAS_KEY), path(config, BANK_HOLIDAYS_KEY),
                mode(config), path(config, BENCHMARKS_KEY));
    }

    private static Optional<Path> path(Map<String, ?> config, String key) {
        return setting(config, key).map(Path::of);
    }

    private static WorkingDayCalendar.Mode mode(Map<String, ?> config) {
        Optional<String> mode = setting(config, CALENDAR_MODE_KEY);
        if (mode.isEmpty()) {
            return WorkingDayCalendar.Mode.EXTEND;
        }
        try {
            return WorkingDayCalendar.Mode.valueOf(mode.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CALENDAR_MODE_KEY + " must be extend or replace, got " + mode.get(), e);
        }
    }

    private static Optional<String> setting(Map<String, ?> config, String key) {
        Object value = config.get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }
}
