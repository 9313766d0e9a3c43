package org.casepulse.reference;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.casepulse.calendar.Periods;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.reference.file.ReferenceFile;

/**
 * Benchmarks by indicator and financial year, from a versioned file beside the area hierarchy
 * ({@code reference/benchmarks.yaml}, or the file the setting {@value #CONFIG_KEY} names). A
 * figure carries the benchmarks of the latest year not after its own period's financial year.
 */
public final class Benchmarks {
    public static final String CONFIG_KEY = "casepulse.benchmarks";
    static final String DEFAULT_RESOURCE = "reference/benchmarks.yaml";
    private static final Benchmarks NONE = new Benchmarks("none", Map.of());

    private final String version;
    private final Map<String, NavigableMap<Integer, Benchmark>> byIndicator;

    Benchmarks(String version, Map<String, NavigableMap<Integer, Benchmark>> byIndicator) {
        this.version = version;
        Map<String, NavigableMap<Integer, Benchmark>> copy = new HashMap<>();
        byIndicator.forEach((id, years) -> copy.put(id, Collections.unmodifiableNavigableMap(new TreeMap<>(years))));
        this.byIndicator = Map.copyOf(copy);
    }

    public static Benchmarks none() {
        return NONE;
    }

    /**
     * The shipped benchmarks for the indicators {@code catalogue} has: a catalogue of one's own
     * may leave some out, and shipped values are samples, not a contract.
     */
    public static Benchmarks defaults(IndicatorCatalogue catalogue) {
        Benchmarks shipped = Shipped.BENCHMARKS;
        Map<String, NavigableMap<Integer, Benchmark>> kept = new HashMap<>(shipped.byIndicator);
        kept.keySet().removeIf(id -> catalogue.find(id).isEmpty());
        return new Benchmarks(shipped.version, kept);
    }

    /**
     * @throws BenchmarkException naming the line and field of the first mistake, such as an
     *         indicator the catalogue does not have (with the nearest id it does)
     */
    public static Benchmarks load(Path path, IndicatorCatalogue catalogue) {
        return BenchmarksReader.read(ReferenceFile.yaml(path, BenchmarkException::new), catalogue);
    }

    public String version() {
        return version;
    }

    public Set<String> indicatorIds() {
        return byIndicator.keySet();
    }

    /** Every year's benchmarks of an indicator, by the year its financial year starts in (empty when none). */
    public NavigableMap<Integer, Benchmark> years(String indicatorId) {
        return byIndicator.getOrDefault(indicatorId, Collections.emptyNavigableMap());
    }

    /** The benchmarks in force for a period of {@code indicatorId} ending on {@code periodEnd}. */
    public Optional<Benchmark> forPeriodEnd(String indicatorId, LocalDate periodEnd) {
        NavigableMap<Integer, Benchmark> years = byIndicator.get(indicatorId);
        if (years == null) {
            return Optional.empty();
        }
        Map.Entry<Integer, Benchmark> year = years.floorEntry(Periods.financialYearStart(YearMonth.from(periodEnd)).getYear());
        return year == null ? Optional.empty() : Optional.of(year.getValue());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Benchmarks that && version.equals(that.version) && byIndicator.equals(that.byIndicator);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(version, byIndicator);
    }

    @Override
    public String toString() {
        return "Benchmarks[version=" + version + ", " + byIndicator.size() + " indicators]";
    }

    private static final class Shipped {
        static final Benchmarks BENCHMARKS = BenchmarksReader.read(
                ReferenceFile.yamlResource(DEFAULT_RESOURCE, BenchmarkException::new), null);
    }
}
