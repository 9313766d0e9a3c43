package org.casepulse.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casepulse.snapshots.AreaLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreaHierarchyTest {
    /** A service area with two teams, one without, and a team straight under a region. */
    private static final String TEAMS = """
            version: "test"
            national:
              code: NATIONAL
              name: National
              level: NATIONAL
              children:
                - code: EAST
                  name: East
                  level: REGION
                  children:
                    - code: E1
                      name: East One
                      level: SERVICE_AREA
                      children:
                        - {code: E1-A, name: Duty and assessment, level: TEAM, population: 1000}
                        - {code: E1-B, name: Long-term, level: TEAM, population: 2500}
                    - {code: E2, name: East Two, level: SERVICE_AREA, population: 4000}
                    - {code: E-EDT, name: Emergency duty, level: TEAM, population: 500}
            """;

    @TempDir
    Path dir;

    @Test
    void shouldShipTheTwentyOneServiceAreasInThreeRegions() {
        AreaHierarchy areas = AreaHierarchy.defaults();

        assertThat(areas.national().code()).isEqualTo("NATIONAL");
        assertThat(areas.national().level()).isEqualTo(AreaLevel.NATIONAL);
        assertThat(areas.children("NATIONAL")).extracting(Area::code).containsExactly("NORTH", "CENTRAL", "SOUTH");
        assertThat(areas.lowest()).extracting(Area::code).containsExactly(
                "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8",
                "C1", "C2", "C3", "C4", "C5", "C6",
                "S1", "S2", "S3", "S4", "S5", "S6", "S7");
        assertThat(areas.lowest()).allSatisfy(area -> {
            assertThat(area.level()).isEqualTo(AreaLevel.SERVICE_AREA);
            assertThat(area.population()).isBetween(200_000L, 2_100_000L);
        });
        assertThat(areas.all()).hasSize(25);
        assertThat(areas.area("S3").name()).isEqualTo("Greater London");
        assertThat(areas.area("N1").name()).isEqualTo("North & South of Tyne");
        assertThat(AreaHierarchy.defaults()).isSameAs(areas);
    }

    @Test
    void shouldSumPopulationsUpTheTree() {
        AreaHierarchy areas = AreaHierarchy.defaults();

        long north = areas.children("NORTH").stream().mapToLong(Area::population).sum();
        assertThat(areas.population("NORTH")).isEqualTo(north).isEqualTo(3_324_320L);
        assertThat(areas.population("NATIONAL"))
                .isEqualTo(areas.lowest().stream().mapToLong(Area::population).sum())
                .isEqualTo(11_921_720L);
    }

    @Test
    void shouldGiveTheLineageUpToNationalWithoutBuildingItAgain() {
        AreaHierarchy areas = AreaHierarchy.defaults();

        assertThat(areas.lineage("N1")).extracting(Area::code).containsExactly("N1", "NORTH", "NATIONAL");
        assertThat(areas.lineage("SOUTH")).extracting(Area::code).containsExactly("SOUTH", "NATIONAL");
        assertThat(areas.lineage("NATIONAL")).extracting(Area::code).containsExactly("NATIONAL");
        assertThat(areas.lineage("N1")).isSameAs(areas.lineage("N1"));
        assertThatThrownBy(() -> areas.lineage("N1").add(areas.national()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldKnowTheLowestAreasAndRefuseUnknownCodes() {
        AreaHierarchy areas = AreaHierarchy.defaults();

        assertThat(areas.isLowest("C5")).isTrue();
        assertThat(areas.isLowest("CENTRAL")).isFalse();
        assertThat(areas.isLowest("NATIONAL")).isFalse();
        assertThat(areas.isLowest("Z9")).isFalse();
        assertThat(areas.find("Z9")).isEmpty();
        assertThat(areas.find("C5")).map(Area::parentCode).contains("CENTRAL");
        assertThatThrownBy(() -> areas.area("Z9")).hasMessageContaining("Z9");
        assertThatThrownBy(() -> areas.lineage("Z9")).hasMessageContaining("Z9");
        assertThatThrownBy(() -> areas.population("Z9")).hasMessageContaining("Z9");
    }

    @Test
    void shouldLoadTeamsBeneathSomeServiceAreasOnly() throws IOException {
        AreaHierarchy areas = AreaHierarchy.load(write(TEAMS));

        assertThat(areas.version()).isEqualTo("test");
        assertThat(areas.lowest()).extracting(Area::code).containsExactly("E1-A", "E1-B", "E2", "E-EDT");
        assertThat(areas.population("E1")).isEqualTo(3500);
        assertThat(areas.population("EAST")).isEqualTo(8000);
        assertThat(areas.population("NATIONAL")).isEqualTo(8000);
        assertThat(areas.lineage("E1-B")).extracting(Area::code).containsExactly("E1-B", "E1", "EAST", "NATIONAL");
        assertThat(areas.lineage("E-EDT")).extracting(Area::code).containsExactly("E-EDT", "EAST", "NATIONAL");
        assertThat(areas.isLowest("E1")).isFalse();
        assertThat(areas.area("E1-A")).isEqualTo(new Area("E1-A", "Duty and assessment", AreaLevel.TEAM, "E1", 1000));
    }

    @Test
    void shouldNameADuplicateCode() throws IOException {
        Path file = write(TEAMS.replace("code: E1-B", "code: E1-A"));

        assertThatThrownBy(() -> AreaHierarchy.load(file)).isInstanceOf(AreaHierarchyException.class)
                .hasMessage(file + ":16: national.children[0].children[0].children[1].code: duplicate code E1-A,"
                        + " already used by national.children[0].children[0].children[0].code on line 15");
    }

    @Test
    void shouldNameAMissingPopulationOnALowestArea() throws IOException {
        Path file = write(TEAMS.replace(", population: 4000", ""));

        assertThatThrownBy(() -> AreaHierarchy.load(file)).isInstanceOf(AreaHierarchyException.class)
                .hasMessage(file + ":17: national.children[0].children[1].population: missing:"
                        + " the lowest areas carry their under-18 population");
    }

    @Test
    void shouldNameAPopulationOnAHigherArea() throws IOException {
        Path file = write(TEAMS.replace("name: East One\n", "name: East One\n          population: 3500\n"));

        assertThatThrownBy(() -> AreaHierarchy.load(file)).isInstanceOf(AreaHierarchyException.class)
                .hasMessage(file + ":13: national.children[0].children[0].population: only the lowest areas carry"
                        + " a population: E1's is the sum of the areas beneath it");
    }

    @Test
    void shouldNameALevelOutOfOrder() throws IOException {
        Path file = write(TEAMS.replace("{code: E2, name: East Two, level: SERVICE_AREA", "{code: E2, name: East Two, level: REGION"));

        assertThatThrownBy(() -> AreaHierarchy.load(file)).isInstanceOf(AreaHierarchyException.class)
                .hasMessage(file + ":17: national.children[0].children[1].level: REGION cannot sit under REGION EAST:"
                        + " levels run NATIONAL > REGION > SERVICE_AREA > TEAM");
    }

    @Test
    void shouldNameAnUnknownLevel() throws IOException {
        Path file = write(TEAMS.replace("level: REGION", "level: COUNTY"));

        assertThatThrownBy(() -> AreaHierarchy.load(file)).isInstanceOf(AreaHierarchyException.class)
                .hasMessage(file + ":9: national.children[0].level: must be one of [TEAM, SERVICE_AREA, REGION,"
                        + " NATIONAL], got COUNTY");
    }

    @Test
    void shouldNameATreeThatDoesNotStartAtNational() throws IOException {
        Path file = write(TEAMS.replace("level: NATIONAL", "level: REGION"));

        assertThatThrownBy(() -> AreaHierarchy.load(file)).isInstanceOf(AreaHierarchyException.class)
                .hasMessage(file + ":5: national.level: the tree starts with the NATIONAL area, got REGION");
    }

    @Test
    void shouldNameAnUnknownFieldAndABadPopulation() throws IOException {
        Path misspelt = write(TEAMS.replace("population: 4000", "populaton: 4000"));
        assertThatThrownBy(() -> AreaHierarchy.load(misspelt)).isInstanceOf(AreaHierarchyException.class)
                .hasMessageStartingWith(misspelt + ":17: national.children[0].children[1].populaton: unknown field");

        Path negative = write(TEAMS.replace("population: 4000", "population: -4000"));
        assertThatThrownBy(() -> AreaHierarchy.load(negative)).isInstanceOf(AreaHierarchyException.class)
                .hasMessage(negative + ":17: national.children[0].children[1].population: must be a positive whole"
                        + " number, got -4000");
    }

    @Test
    void shouldRefuseAreasThatDoNotFormATree() {
        Area national = new Area("NATIONAL", "National", AreaLevel.NATIONAL, null, 10);
        Area region = new Area("R", "Region", AreaLevel.REGION, "NATIONAL", 10);

        assertThat(new AreaHierarchy("v", List.of(national, region)).lineage("R")).containsExactly(region, national);
        assertThatThrownBy(() -> new AreaHierarchy("v", List.of(national, new Area("R", "Region", AreaLevel.REGION, "NATIONAL", 9))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum");
        assertThatThrownBy(() -> new AreaHierarchy("v", List.of(region)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NATIONAL");
        assertThatThrownBy(() -> new AreaHierarchy("v", List.of(national, region, region)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        Area orphan = new Area("T", "Team", AreaLevel.TEAM, "NOWHERE", 1);
        assertThatThrownBy(() -> new AreaHierarchy("v", List.of(national, region, orphan)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOWHERE");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("areas.yaml"), yaml);
    }
}
