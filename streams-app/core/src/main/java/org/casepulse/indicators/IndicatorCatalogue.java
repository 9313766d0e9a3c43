package org.casepulse.indicators;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.casepulse.reference.file.ReferenceFile;

/**
 * The versioned set of indicators Casepulse publishes. A class rather than a record so that
 * look-ups by id and by measure, made for every event, are precomputed.
 */
public final class IndicatorCatalogue {
    /** The setting naming a catalogue file to use instead of the shipped one. */
    public static final String CONFIG_KEY = "casepulse.catalogue";
    static final String DEFAULT_RESOURCE = "reference/catalogue.yaml";
    /** R12M and last year's YTD reach back two years from the reporting window's first month. */
    public static final int DEFAULT_LOOK_BACK_MONTHS = 24;

    private final String version;
    private final List<IndicatorDefinition> indicators;
    private final Map<String, IndicatorDefinition> byId;
    private final Map<MeasureKind, List<IndicatorDefinition>> byMeasure;

    /** @throws IllegalArgumentException when two indicators share an id */
    public IndicatorCatalogue(String version, List<IndicatorDefinition> indicators) {
        this.version = version;
        this.indicators = List.copyOf(indicators);
        Map<String, IndicatorDefinition> ids = new LinkedHashMap<>();
        Map<MeasureKind, List<IndicatorDefinition>> measures = new EnumMap<>(MeasureKind.class);
        for (MeasureKind kind : MeasureKind.values()) {
            measures.put(kind, this.indicators.stream().filter(i -> i.measure() == kind).toList());
        }
        for (IndicatorDefinition indicator : this.indicators) {
            if (ids.put(indicator.id(), indicator) != null) {
                throw new IllegalArgumentException("duplicate indicator id " + indicator.id());
            }
        }
        this.byId = Map.copyOf(ids);
        this.byMeasure = measures;
    }

    /** The shipped catalogue ({@code reference/catalogue.yaml}), read once. */
    public static IndicatorCatalogue defaults() {
        return Shipped.CATALOGUE;
    }

    /** @throws CatalogueException naming the file, line and field of the first mistake */
    public static IndicatorCatalogue load(Path path) {
        return CatalogueReader.read(ReferenceFile.yaml(path, CatalogueException::new));
    }

    public String version() {
        return version;
    }

    /** Every indicator, in file order. */
    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    /** Every indicator, in file order (the same as {@link #indicators()}). */
    public List<IndicatorDefinition> all() {
        return indicators;
    }

    /**
     * How many months before the reporting window's first month a figure can reach: two years
     * (R12M, last year's YTD), three when a demand change compares with two previous years.
     */
    public int lookBackMonths() {
        int months = DEFAULT_LOOK_BACK_MONTHS;
        for (IndicatorDefinition indicator : indicators) {
            if (indicator.measure() == MeasureKind.DEMAND_CHANGE) {
                // Last year's figure and the previous year's outturn reach one baseline further back.
                boolean yearBack = indicator.comparisons().lastYear() || indicator.comparisons().outturn();
                months = Math.max(months, 12 * ((yearBack ? 2 : 1) + indicator.parameters().yearsOfBaseline()));
            }
        }
        return months;
    }

    public Optional<IndicatorDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws NoSuchElementException when the catalogue has no such indicator */
    public IndicatorDefinition indicator(String id) {
        IndicatorDefinition indicator = byId.get(id);
        if (indicator == null) {
            throw new NoSuchElementException("no indicator " + id + " in catalogue " + version);
        }
        return indicator;
    }

    /** The indicators of one measure kind, in file order (empty when none). */
    public List<IndicatorDefinition> byMeasure(MeasureKind measure) {
        return byMeasure.get(measure);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndicatorCatalogue catalogue
                && version.equals(catalogue.version) && indicators.equals(catalogue.indicators);
    }

    @Override
    public int hashCode() {
        return version.hashCode() * 31 + indicators.hashCode();
    }

    @Override
    public String toString() {
        return "IndicatorCatalogue[version=" + version + ", " + indicators.size() + " indicators]";
    }

    private static final class Shipped {
        static final IndicatorCatalogue CATALOGUE = CatalogueReader.read(
                ReferenceFile.yamlResource(DEFAULT_RESOURCE, CatalogueException::new));
    }
}
