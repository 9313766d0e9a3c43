package org.casepulse.reference;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.Target;
import org.casepulse.reference.file.ReferenceFile;
import org.casepulse.settings.Closest;

/**
 * Reads a benchmarks file: {@code benchmarks}, by indicator id, then financial year such as
 * {@code 2008/09}, to {@code england}, {@code region} and {@code neighbours} (each optional, not
 * all absent). With a catalogue, an id it lacks stops start-up naming the nearest one it has.
 */
final class BenchmarksReader {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})/(\\d{2})");

    private final ReferenceFile file;

    private BenchmarksReader(ReferenceFile file) {
        this.file = file;
    }

    /** @param catalogue the ids to check against, or null to take every id (the shipped file, filtered after) */
    static Benchmarks read(ReferenceFile file, IndicatorCatalogue catalogue) {
        return new BenchmarksReader(file).read(catalogue);
    }

    private Benchmarks read(IndicatorCatalogue catalogue) {
        BenchmarksFile content = file.bind(BenchmarksFile.class);
        if (content.version() == null || content.version().isBlank()) {
            throw file.error("version", "missing: give the benchmarks a version, such as version: \"2016\"");
        }
        if (content.benchmarks() == null || content.benchmarks().isEmpty()) {
            throw file.error("benchmarks", "missing: give benchmarks by indicator id and financial year");
        }
        Map<String, NavigableMap<Integer, Benchmark>> byIndicator = new HashMap<>();
        content.benchmarks().forEach((id, years) -> {
            String at = "benchmarks." + id;
            if (catalogue != null && catalogue.find(id).isEmpty()) {
                String near = Closest.to(id, catalogue.all().stream().map(IndicatorDefinition::id).toList())
                        .map(n -> ": did you mean " + n + "?").orElse("");
                throw file.error(at, "no indicator " + id + " in catalogue " + catalogue.version() + near);
            }
            if (years == null || years.isEmpty()) {
                throw file.error(at, "empty: give at least one financial year, such as \"2008/09\"");
            }
            NavigableMap<Integer, Benchmark> byYear = new TreeMap<>();
            years.forEach((year, entry) -> {
                String yearAt = at + "." + year;
                int start = year(yearAt, year);
                if (entry == null || entry.england() == null && entry.region() == null && entry.neighbours() == null) {
                    throw file.error(yearAt, "give england, region or neighbours");
                }
                byYear.put(start, new Benchmark(Target.yearName(start), entry.england(), entry.region(), entry.neighbours()));
            });
            byIndicator.put(id, byYear);
        });
        return new Benchmarks(content.version().strip(), byIndicator);
    }

    private int year(String field, String name) {
        Matcher matcher = YEAR.matcher(name == null ? "" : name);
        if (!matcher.matches() || (Integer.parseInt(matcher.group(1)) + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw file.error(field, "not a financial year such as 2008/09");
        }
        return Integer.parseInt(matcher.group(1));
    }

    record BenchmarksFile(String version, Map<String, Map<String, BenchmarkEntry>> benchmarks) {}

    record BenchmarkEntry(BigDecimal england, BigDecimal region, BigDecimal neighbours) {}
}
