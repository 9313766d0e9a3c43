package org.casepulse.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.casepulse.reference.file.ReferenceFile;
import org.casepulse.snapshots.AreaLevel;

/**
 * Reads an areas file: a tree from the national area down, each lower area in the
 * {@code children} of the one above. Jackson binds the shape; levels, codes and populations are
 * checked here, and the first mistake stops start-up naming its line and field.
 */
final class AreasReader {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String LEVEL_ORDER = "levels run NATIONAL > REGION > SERVICE_AREA > TEAM";

    private final ReferenceFile file;
    private final List<Area> areas = new ArrayList<>();
    private final Map<String, String> fieldOfCode = new HashMap<>();

    private AreasReader(ReferenceFile file) {
        this.file = file;
    }

    static AreaHierarchy read(ReferenceFile file) {
        return new AreasReader(file).read();
    }

    private AreaHierarchy read() {
        AreasFile content = file.bind(AreasFile.class);
        if (content.version() == null || content.version().isBlank()) {
            throw file.error("version", "missing: give the hierarchy a version, such as version: \"2025\"");
        }
        if (content.national() == null) {
            throw file.error("national", "missing: the tree starts with the national area");
        }
        read("national", content.national(), null, null);
        return new AreaHierarchy(content.version().strip(), areas);
    }

    /** Adds the area and those beneath it, parents first; returns the area's population. */
    private long read(String at, AreaEntry entry, String parentCode, AreaLevel parentLevel) {
        String code = code(at, entry.code());
        String name = required(at + ".name", entry.name());
        AreaLevel level = level(at, entry.level(), parentCode, parentLevel);
        boolean lowest = entry.children() == null || entry.children().isEmpty();
        if (lowest && entry.population() == null) {
            throw file.error(at + ".population", "missing: the lowest areas carry their under-18 population");
        }
        if (lowest && entry.population() <= 0) {
            throw file.error(at + ".population", "must be a positive whole number, got " + entry.population());
        }
        if (!lowest && entry.population() != null) {
            throw file.error(at + ".population", "only the lowest areas carry a population: " + code
                    + "'s is the sum of the areas beneath it");
        }
        int index = areas.size();
        areas.add(null); // the place of this area, filled once its population is summed
        long population = lowest ? entry.population() : 0;
        if (!lowest) {
            for (int i = 0; i < entry.children().size(); i++) {
                String childAt = at + ".children[" + i + "]";
                AreaEntry child = entry.children().get(i);
                if (child == null) {
                    throw file.error(childAt, "empty entry");
                }
                population += read(childAt, child, code, level);
            }
        }
        areas.set(index, new Area(code, name, level, parentCode, population));
        return population;
    }

    private String code(String at, String value) {
        String code = required(at + ".code", value);
        if (!CODE.matcher(code).matches()) {
            throw file.error(at + ".code", "must be letters, digits, '.', '_' or '-', got " + code);
        }
        String earlier = fieldOfCode.putIfAbsent(code, at + ".code");
        if (earlier != null) {
            throw file.error(at + ".code", "duplicate code " + code + ", already used by " + earlier + " on line "
                    + file.lineOf(earlier));
        }
        return code;
    }

    private AreaLevel level(String at, String value, String parentCode, AreaLevel parentLevel) {
        String name = required(at + ".level", value);
        AreaLevel level = Arrays.stream(AreaLevel.values()).filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> file.error(at + ".level", "must be one of " + Arrays.toString(AreaLevel.values())
                        + ", got " + name));
        if (parentLevel == null && level != AreaLevel.NATIONAL) {
            throw file.error(at + ".level", "the tree starts with the NATIONAL area, got " + level);
        }
        if (parentLevel != null && level.ordinal() >= parentLevel.ordinal()) {
            throw file.error(at + ".level", level + " cannot sit under " + parentLevel + " " + parentCode
                    + ": " + LEVEL_ORDER);
        }
        return level;
    }

    private String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw file.error(field, "missing");
        }
        return value.strip();
    }

    /** The file's shape, as Jackson binds it. */
    record AreasFile(String version, AreaEntry national) {}

    record AreaEntry(String code, String name, String level, Long population, List<AreaEntry> children) {}
}
