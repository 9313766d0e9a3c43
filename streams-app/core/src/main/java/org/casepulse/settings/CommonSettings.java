package org.casepulse.settings;

import java.nio.file.Path;
import java.util.List;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.reference.ReferenceData;

/**
 * The settings the engine and the tools share: where Kafka and the Schema Registry are, and the
 * reference data files. Declared here once, so that one file or environment configures both.
 */
public final class CommonSettings {
    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.text("bootstrap.servers", "localhost:9092",
            "Kafka brokers, host:port[,host:port].");
    public static final Setting<String> SCHEMA_REGISTRY_URL = Setting.text("schema.registry.url", "http://localhost:8081",
            "Schema Registry URL(s), comma-separated.");
    public static final Setting<Path> INDICATOR_CATALOGUE = Setting.file(ReferenceData.CATALOGUE_KEY,
            "Indicator catalogue YAML (default: the shipped catalogue).");
    public static final Setting<Path> AREAS = Setting.file(ReferenceData.AREAS_KEY,
            "Area hierarchy YAML with populations (default: the shipped 21 service areas).");
    public static final Setting<Path> BENCHMARKS = Setting.file(ReferenceData.BENCHMARKS_KEY,
            "Benchmarks YAML: England, region and statistical-neighbour values by indicator and financial year (default: the shipped samples from seeds 002 and 004).");
    public static final Setting<Path> BANK_HOLIDAYS = Setting.file(ReferenceData.BANK_HOLIDAYS_KEY,
            "GOV.UK bank-holidays.json (default: the shipped 2015-2027 list).");
    public static final Setting<WorkingDayCalendar.Mode> CALENDAR_MODE = Setting.oneOf(ReferenceData.CALENDAR_MODE_KEY,
            WorkingDayCalendar.Mode.class, WorkingDayCalendar.Mode.EXTEND,
            "extend: add the bank holidays file's days to the shipped ones; replace: use only the file's.");

    /** All of them, in the order they are documented. */
    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, INDICATOR_CATALOGUE,
            AREAS, BENCHMARKS, BANK_HOLIDAYS, CALENDAR_MODE);

    private CommonSettings() {
    }
}
