package org.casepulse.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.junit.jupiter.api.Test;

class AreaSelectionTest {
    private static final AreaHierarchy AREAS = AreaHierarchy.defaults();

    @Test
    void shouldTakeEveryLowestAreaWhenNoneIsNamed() {
        assertThat(AreaSelection.resolve(AREAS, List.of())).hasSize(21);
    }

    @Test
    void shouldExpandAHigherAreaToTheLowestBeneathItInHierarchyOrder() {
        assertThat(AreaSelection.resolve(AREAS, List.of("S2", "CENTRAL", "N4")).stream().map(Area::code))
                .containsExactly("N4", "C1", "C2", "C3", "C4", "C5", "C6", "S2");
    }

    @Test
    void shouldSpreadACountOverTheRegions() {
        assertThat(AreaSelection.spread(AREAS, 5)).containsExactly("N1", "C1", "S1", "N2", "C2");
    }

    @Test
    void shouldRefuseAnUnknownCodeOrAnImpossibleCount() {
        assertThatThrownBy(() -> AreaSelection.resolve(AREAS, List.of("N0")))
                .hasMessageContaining("unknown area N0").hasMessageContaining("N1");
        assertThatThrownBy(() -> AreaSelection.spread(AREAS, 22)).hasMessageContaining("between 1 and 21");
    }
}
