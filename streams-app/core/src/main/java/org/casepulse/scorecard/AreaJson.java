package org.casepulse.scorecard;

import java.util.List;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.AreaLevel;

/**
 * An area of the hierarchy as the API shows it.
 *
 * @param parent     null for the national area
 * @param population children under 18
 * @param children   the codes of the areas directly beneath it
 */
public record AreaJson(String code, String name, AreaLevel level, String parent, long population,
                       List<String> children) {

    public static AreaJson of(Area area, AreaHierarchy hierarchy) {
        return new AreaJson(area.code(), area.name(), area.level(), area.parentCode(), area.population(),
                hierarchy.children(area.code()).stream().map(Area::code).toList());
    }
}
