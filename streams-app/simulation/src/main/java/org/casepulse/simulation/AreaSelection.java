package org.casepulse.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;

/** Which lowest areas a simulation covers. */
public final class AreaSelection {
    private AreaSelection() {}

    /**
     * The lowest areas named, or beneath the areas named, in hierarchy order; every lowest area
     * when {@code codes} is empty.
     *
     * @throws IllegalArgumentException naming an unknown code
     */
    public static List<Area> resolve(AreaHierarchy hierarchy, List<String> codes) {
        if (codes.isEmpty()) {
            return hierarchy.lowest();
        }
        Set<Area> wanted = new LinkedHashSet<>();
        for (String code : codes) {
            Area area = hierarchy.find(code).orElseThrow(() -> new IllegalArgumentException("unknown area " + code
                    + "; the hierarchy's lowest areas are " + hierarchy.lowest().stream().map(Area::code).toList()));
            collectLowest(hierarchy, area, wanted);
        }
        return hierarchy.lowest().stream().filter(wanted::contains).toList();
    }

    /**
     * {@code count} lowest areas spread over their parents (the first of each region, then the
     * second of each, ...), so that a small selection still spans the regions.
     */
    public static List<String> spread(AreaHierarchy hierarchy, int count) {
        List<Area> lowest = hierarchy.lowest();
        if (count < 1 || count > lowest.size()) {
            throw new IllegalArgumentException("the number of areas must be between 1 and " + lowest.size()
                    + ", got " + count);
        }
        Map<String, List<Area>> byParent = new LinkedHashMap<>();
        for (Area area : lowest) {
            byParent.computeIfAbsent(String.valueOf(area.parentCode()), parent -> new ArrayList<>()).add(area);
        }
        List<String> picked = new ArrayList<>();
        for (int rank = 0; picked.size() < count; rank++) {
            for (List<Area> siblings : byParent.values()) {
                if (rank < siblings.size() && picked.size() < count) {
                    picked.add(siblings.get(rank).code());
                }
            }
        }
        return picked;
    }

    private static void collectLowest(AreaHierarchy hierarchy, Area area, Set<Area> into) {
        List<Area> children = hierarchy.children(area.code());
        if (children.isEmpty()) {
            into.add(area);
        }
        for (Area child : children) {
            collectLowest(hierarchy, child, into);
        }
    }
}
