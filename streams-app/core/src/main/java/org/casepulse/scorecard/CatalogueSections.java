package org.casepulse.scorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;

/**
 * The catalogue as the county scorecard lays it out: indicators grouped by their section, the
 * sections in the order the catalogue first names them, the file's order within each. The page,
 * tail and export all show indicators in this order.
 */
public final class CatalogueSections {

    private CatalogueSections() {}

    public static List<IndicatorDefinition> inSectionOrder(IndicatorCatalogue catalogue) {
        Map<String, List<IndicatorDefinition>> bySection = new LinkedHashMap<>();
        for (IndicatorDefinition indicator : catalogue.indicators()) {
            bySection.computeIfAbsent(indicator.section(), section -> new ArrayList<>()).add(indicator);
        }
        List<IndicatorDefinition> ordered = new ArrayList<>(catalogue.indicators().size());
        bySection.values().forEach(ordered::addAll);
        return ordered;
    }
}
