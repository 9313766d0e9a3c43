package org.casepulse.oracle;

import org.casepulse.reference.AreaHierarchy;

/** Whether a fact recorded on a lowest area counts in an area: the area is the lowest one or an ancestor. */
record AreaRollup(AreaHierarchy areas) {

    boolean rollsUpTo(String lowestArea, String areaCode) {
        return areas.lineage(lowestArea).stream().anyMatch(area -> area.code().equals(areaCode));
    }
}
