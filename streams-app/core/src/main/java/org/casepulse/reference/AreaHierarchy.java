package org.casepulse.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.casepulse.reference.file.ReferenceFile;
import org.casepulse.snapshots.AreaLevel;

/**
 * The areas figures are published for: national, regions, service areas and optionally teams.
 * Events carry the code of a lowest area; every figure rolls up its lineage. Lineages, children
 * and populations are computed once, so the per-event look-ups allocate nothing.
 */
public final class AreaHierarchy {
    /** The setting naming an areas file to use instead of the shipped one. */
    public static final String CONFIG_KEY = "casepulse.areas";
    static final String DEFAULT_RESOURCE = "reference/areas.yaml";

    private final String version;
    private final Map<String, Area> byCode;
    private final Map<String, List<Area>> lineages;
    private final Map<String, List<Area>> children;
    private final List<Area> all;
    private final List<Area> lowest;
    private final Area national;

    /**
     * @param areas every area once, the national one without a parent, each other one under a
     *              parent of a higher level; a higher area's population is the sum of its children's
     * @throws IllegalArgumentException when the areas do not form such a tree
     */
    public AreaHierarchy(String version, List<Area> areas) {
        this.version = version;
        this.all = List.copyOf(areas);
        Map<String, Area> codes = new LinkedHashMap<>();
        for (Area area : all) {
            if (codes.put(area.code(), area) != null) {
                throw new IllegalArgumentException("duplicate area code " + area.code());
            }
        }
        this.byCode = codes;
        this.national = onlyNational(all);
        Map<String, List<Area>> childLists = new HashMap<>();
        for (Area area : all) {
            childLists.put(area.code(), new ArrayList<>());
        }
        for (Area area : all) {
            if (area.parentCode() != null) {
                Area parent = byCode.get(area.parentCode());
                if (parent == null) {
                    throw new IllegalArgumentException(area.code() + " has unknown parent " + area.parentCode());
                }
                if (parent.level().ordinal() <= area.level().ordinal()) {
                    throw new IllegalArgumentException(area.code() + " (" + area.level() + ") cannot sit under "
                            + parent.code() + " (" + parent.level() + ")");
                }
                childLists.get(parent.code()).add(area);
            }
        }
        Map<String, List<Area>> frozenChildren = new HashMap<>();
        childLists.forEach((code, list) -> frozenChildren.put(code, List.copyOf(list)));
        this.children = frozenChildren;
        checkPopulations();
        this.lowest = all.stream().filter(area -> children.get(area.code()).isEmpty()).toList();
        Map<String, List<Area>> lineageLists = new HashMap<>();
        for (Area area : all) {
            List<Area> lineage = new ArrayList<>();
            for (Area a = area; a != null; a = a.parentCode() == null ? null : byCode.get(a.parentCode())) {
                lineage.add(a);
            }
            lineageLists.put(area.code(), List.copyOf(lineage));
        }
        this.lineages = lineageLists;
    }

    /** The shipped hierarchy ({@code reference/areas.yaml}), read once. */
    public static AreaHierarchy defaults() {
        return Shipped.AREAS;
    }

    /** @throws AreaHierarchyException naming the file, line and field of the first mistake */
    public static AreaHierarchy load(Path path) {
        return AreasReader.read(ReferenceFile.yaml(path, AreaHierarchyException::new));
    }

    public String version() {
        return version;
    }

    public Optional<Area> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** @throws NoSuchElementException for an unknown code */
    public Area area(String code) {
        Area area = byCode.get(code);
        if (area == null) {
            throw unknown(code);
        }
        return area;
    }

    /** Whether {@code code} is a known area with no areas beneath it (false for an unknown code). */
    public boolean isLowest(String code) {
        List<Area> below = children.get(code);
        return below != null && below.isEmpty();
    }

    /** The area, then each ancestor up to national: the areas a figure of {@code code} rolls up to. */
    public List<Area> lineage(String code) {
        List<Area> lineage = lineages.get(code);
        if (lineage == null) {
            throw unknown(code);
        }
        return lineage;
    }

    /** The areas directly beneath {@code code}, in file order. */
    public List<Area> children(String code) {
        List<Area> below = children.get(code);
        if (below == null) {
            throw unknown(code);
        }
        return below;
    }

    /** Children under 18 in the area (for a higher area, the sum over its lowest areas). */
    public long population(String code) {
        return area(code).population();
    }

    /** Every area, national first, each followed by the areas beneath it. */
    public Collection<Area> all() {
        return all;
    }

    /** The areas without areas beneath them, which events are recorded against. */
    public List<Area> lowest() {
        return lowest;
    }

    public Area national() {
        return national;
    }

    @Override
    public String toString() {
        return "AreaHierarchy[version=" + version + ", " + all.size() + " areas, " + lowest.size() + " lowest]";
    }

    private void checkPopulations() {
        for (Area area : all) {
            List<Area> below = children.get(area.code());
            if (below.isEmpty() && area.population() <= 0) {
                throw new IllegalArgumentException("lowest area " + area.code() + " needs a positive population, got "
                        + area.population());
            }
            long sum = below.stream().mapToLong(Area::population).sum();
            if (!below.isEmpty() && area.population() != sum) {
                throw new IllegalArgumentException(area.code() + "'s population " + area.population()
                        + " is not the sum of its children's, " + sum);
            }
        }
    }

    private static Area onlyNational(List<Area> areas) {
        List<Area> roots = areas.stream().filter(area -> area.parentCode() == null).toList();
        if (roots.size() != 1 || roots.get(0).level() != AreaLevel.NATIONAL) {
            throw new IllegalArgumentException("the hierarchy needs exactly one area without a parent, at level "
                    + "NATIONAL; found " + roots);
        }
        return roots.get(0);
    }

    private NoSuchElementException unknown(String code) {
        return new NoSuchElementException("no area " + code + " in area hierarchy " + version);
    }

    private static final class Shipped {
        static final AreaHierarchy AREAS = AreasReader.read(
                ReferenceFile.yamlResource(DEFAULT_RESOURCE, AreaHierarchyException::new));
    }
}
