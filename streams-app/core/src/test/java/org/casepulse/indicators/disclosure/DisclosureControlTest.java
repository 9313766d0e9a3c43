package org.casepulse.indicators.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.AreaLevel;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of primary and secondary suppression, then a check that nothing can be worked back out. */
class DisclosureControlTest {
    /** NATIONAL > NORTH (N1, N2, N3), SOUTH (S1, S2). */
    private static final AreaHierarchy AREAS = new AreaHierarchy("test", List.of(
            new Area("NATIONAL", "National", AreaLevel.NATIONAL, null, 500),
            new Area("NORTH", "North", AreaLevel.REGION, "NATIONAL", 300),
            new Area("SOUTH", "South", AreaLevel.REGION, "NATIONAL", 200),
            new Area("N1", "N1", AreaLevel.SERVICE_AREA, "NORTH", 100),
            new Area("N2", "N2", AreaLevel.SERVICE_AREA, "NORTH", 100),
            new Area("N3", "N3", AreaLevel.SERVICE_AREA, "NORTH", 100),
            new Area("S1", "S1", AreaLevel.SERVICE_AREA, "SOUTH", 100),
            new Area("S2", "S2", AreaLevel.SERVICE_AREA, "SOUTH", 100)));

    @Test
    void shouldWithholdNothingWithoutSmallCounts() {
        assertThat(withheld(counts(0, 12, 9, 40, 25))).isEmpty();
    }

    @Test
    void shouldWithholdTheSmallCountAndItsSmallestNonZeroSibling() {
        // N1 = 3 is small. NORTH = 20 is published, so N1 = 20 - 10 - 7 unless one more is withheld:
        // the smallest published sibling, N3 = 7.
        assertThat(withheld(counts(3, 10, 7, 40, 25))).containsExactlyInAnyOrder("N1", "N3");
    }

    @Test
    void shouldNeverUseAZeroAsTheComplement() {
        // N2 = 0 withheld would hide nothing: a withheld count is 0 or at least 5, and 2 + x = 2 makes x = 0.
        assertThat(withheld(counts(2, 0, 9, 40, 25))).containsExactlyInAnyOrder("N1", "N3");
    }

    @Test
    void shouldProtectASmallRegionAtTheLevelAbove() {
        // N1 = 1 and N2 = 2 make NORTH = 3, small too. NORTH's own equation has three unknowns, but
        // NATIONAL = 48 - SOUTH gives NORTH away: SOUTH is withheld; then SOUTH = S1 + S2 gives
        // SOUTH away: the smaller, S2 = 15, is withheld.
        assertThat(withheld(counts(1, 2, 0, 30, 15)))
                .containsExactlyInAnyOrder("N1", "N2", "NORTH", "SOUTH", "S2");
    }

    @Test
    void shouldLeaveEquationsWithTwoSmallCountsAsTheyAre() {
        // N1 and N2 are both small: NORTH - N3 gives only their sum.
        assertThat(withheld(counts(4, 1, 30, 40, 25))).containsExactlyInAnyOrder("N1", "N2");
    }

    @Test
    void shouldWithholdTheRateOfASmallNumeratorButPublishItsDenominator() {
        List<Cell> cells = List.of(
                new Cell("N1", 2, 40L), new Cell("N2", 30, 50L), new Cell("N3", 35, 60L),
                new Cell("NORTH", 67, 150L));
        Map<String, Suppression> result = DisclosureControl.suppress(AREAS, cells);
        assertThat(result.get("N1")).isEqualTo(new Suppression(true, false));
        assertThat(result.get("N1").value()).isTrue();
        // N2 = 30 is the smallest published numerator beside N1: withheld, so its rate too.
        assertThat(result.get("N2")).isEqualTo(new Suppression(true, false));
        assertThat(result.get("N3")).isEqualTo(Suppression.NONE);
        assertThat(result.get("NORTH")).isEqualTo(Suppression.NONE);
    }

    @Test
    void shouldWithholdTheRateOfASmallDenominator() {
        List<Cell> cells = List.of(
                new Cell("N1", 0, 3L), new Cell("N2", 30, 50L), new Cell("N3", 35, 60L),
                new Cell("NORTH", 65, 113L));
        Map<String, Suppression> result = DisclosureControl.suppress(AREAS, cells);
        // 0 of 3: the numerator is published (zero), the denominator and the rate are not.
        assertThat(result.get("N1")).isEqualTo(new Suppression(false, true));
        assertThat(result.get("N1").value()).isTrue();
        assertThat(result.get("N2")).isEqualTo(new Suppression(false, true));
        assertThat(result.get("N3")).isEqualTo(Suppression.NONE);
    }

    @Test
    void shouldLeaveNoWithheldCountAloneInAnyEquationOfRandomFigures() {
        Random random = new Random(11);
        for (int run = 0; run < 2_000; run++) {
            long[] leaves = new long[5];
            for (int i = 0; i < leaves.length; i++) {
                leaves[i] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
            }
            Map<String, Long> counts = counts(leaves[0], leaves[1], leaves[2], leaves[3], leaves[4]);
            Set<String> withheld = withheld(counts);
            counts.forEach((area, count) -> {
                if (DisclosureControl.isSmall(count)) {
                    assertThat(withheld).as("small %s in %s", area, counts).contains(area);
                }
            });
            for (String parent : List.of("NATIONAL", "NORTH", "SOUTH")) {
                List<String> equation = new ArrayList<>(List.of(parent));
                AREAS.children(parent).forEach(child -> equation.add(child.code()));
                long unknowns = equation.stream().filter(withheld::contains).count();
                assertThat(unknowns).as("withheld of %s in %s: %s", equation, counts, withheld).isNotEqualTo(1L);
            }
        }
    }

    /** Counts of the five service areas, with the regions and the nation summed from them. */
    private static Map<String, Long> counts(long n1, long n2, long n3, long s1, long s2) {
        Map<String, Long> counts = new HashMap<>(Map.of("N1", n1, "N2", n2, "N3", n3, "S1", s1, "S2", s2));
        counts.put("NORTH", n1 + n2 + n3);
        counts.put("SOUTH", s1 + s2);
        counts.put("NATIONAL", n1 + n2 + n3 + s1 + s2);
        return counts;
    }

    private static Set<String> withheld(Map<String, Long> counts) {
        List<Cell> cells = counts.entrySet().stream().map(e -> new Cell(e.getKey(), e.getValue(), null)).toList();
        return DisclosureControl.suppress(AREAS, cells).entrySet().stream()
                .filter(e -> e.getValue().any()).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
