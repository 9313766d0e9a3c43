package org.casepulse.reference;

import java.util.Objects;
import org.casepulse.snapshots.AreaLevel;

/**
 * One area of the hierarchy.
 *
 * @param parentCode null for the national area
 * @param population children under 18: given for the lowest areas, the sum of the lowest areas
 *                   beneath it for a higher one
 */
public record Area(String code, String name, AreaLevel level, String parentCode, long population) {

    public Area {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
    }
}
