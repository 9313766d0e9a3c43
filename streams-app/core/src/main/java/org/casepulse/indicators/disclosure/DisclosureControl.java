package org.casepulse.indicators.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;

/**
 * Statistical disclosure control for figures that leave the service (open data, a public page):
 * small counts could identify a child, so they are withheld, and so is enough else that they
 * cannot be worked back out.
 *
 * <ul>
 *   <li>Primary suppression: a count of 1 to 4 (a numerator, or a rate's denominator) is withheld.
 *       Zero is published: it identifies nobody.</li>
 *   <li>Secondary suppression: an area's count is the sum of its children's, so each parent and its
 *       children form an equation; an equation with exactly one withheld count gives it away
 *       (parent minus the rest, or the sum of the children). Then the smallest non-zero published
 *       child is withheld as well (a zero would not hide anything: it could only be zero); with no
 *       such child, the parent is. Repeated until no equation has a single withheld count, since
 *       each new suppression can expose another level. Numerators and denominators are treated
 *       separately; an area without a figure counts as a published zero, which is the cautious
 *       reading.</li>
 *   <li>A value (rate, percentage) derived from a withheld count is withheld.</li>
 * </ul>
 *
 * Apply it to all areas' figures of one indicator, period type and period end together.
 */
public final class DisclosureControl {
    public static final long SMALLEST_PUBLISHED = 5;

    private DisclosureControl() {}

    /** Whether a count is withheld on its own account: 1 to 4. */
    public static boolean isSmall(long count) {
        return count >= 1 && count < SMALLEST_PUBLISHED;
    }

    /**
     * What to withhold of each cell.
     *
     * @param cells one per area, all of one indicator, period type and period end
     * @return by area code, an entry for every cell
     */
    public static Map<String, Suppression> suppress(AreaHierarchy areas, Collection<Cell> cells) {
        Map<String, Long> numerators = new HashMap<>();
        Map<String, Long> denominators = new HashMap<>();
        for (Cell cell : cells) {
            numerators.put(cell.areaCode(), cell.numerator());
            if (cell.denominator() != null) {
                denominators.put(cell.areaCode(), cell.denominator());
            }
        }
        Set<String> numeratorsWithheld = suppress(areas, numerators);
        Set<String> denominatorsWithheld = suppress(areas, denominators);
        Map<String, Suppression> result = new LinkedHashMap<>();
        for (Cell cell : cells) {
            result.put(cell.areaCode(), new Suppression(numeratorsWithheld.contains(cell.areaCode()),
                    denominatorsWithheld.contains(cell.areaCode())));
        }
        return result;
    }

    /** The areas whose count is withheld, primary and secondary, for one additive measure. */
    static Set<String> suppress(AreaHierarchy areas, Map<String, Long> counts) {
        Set<String> withheld = new HashSet<>();
        counts.forEach((area, count) -> {
            if (isSmall(count)) {
                withheld.add(area);
            }
        });
        if (withheld.isEmpty()) {
            return withheld;
        }
        List<String> parents = counts.keySet().stream()
                .filter(code -> areas.find(code).isPresent() && !areas.children(code).isEmpty())
                .sorted(deepestFirst(areas))
                .toList();
        Function<String, Long> count = code -> counts.getOrDefault(code, 0L);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String parent : parents) {
                List<String> children = areas.children(parent).stream().map(Area::code).toList();
                List<String> unknown = new ArrayList<>();
                if (withheld.contains(parent)) {
                    unknown.add(parent);
                }
                children.stream().filter(withheld::contains).forEach(unknown::add);
                if (unknown.size() != 1) {
                    continue;
                }
                Optional<String> complement = children.stream()
                        .filter(child -> counts.containsKey(child) && !withheld.contains(child) && count.apply(child) > 0)
                        .min(Comparator.comparing(count).thenComparing(Comparator.naturalOrder()));
                if (complement.isPresent()) {
                    withheld.add(complement.get());
                    changed = true;
                } else if (!withheld.contains(parent)) {
                    withheld.add(parent);
                    changed = true;
                }
            }
        }
        return withheld;
    }

    /** Lower areas first, so that a child's equation is settled before its parent's; then by code, to be repeatable. */
    private static Comparator<String> deepestFirst(AreaHierarchy areas) {
        return Comparator.comparing((String code) -> -areas.lineage(code).size()).thenComparing(Comparator.naturalOrder());
    }
}
