package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's scope, checked mechanically: every seed row of the groups AL1-AL9, RF1-RF12,
 * AS1-AS14, CP1-CP14, LA1-LA15 and PF1-PF3 (copied into {@code reference/issue-12-seed-rows.txt})
 * is named by the seedRefs of some entry of the shipped catalogue, except the rows still listed
 * as pending below. The pending list must shrink as rows land: a row that is covered and still
 * listed fails the test as surely as a row that is neither. Issue 15's court work and quality rows
 * ({@code reference/issue-15-court-seed-rows.txt}: FC1-FC14, QA1-QA4, RF4-RF7 and SU1) are checked
 * the same way, with nothing pending.
 */
class SeedCoverageTest {

    /** Rows whose measure kinds are not implemented yet (issue 12, in progress). */
    private static final Set<String> PENDING = new TreeSet<>(List.of());

    @Test
    void shouldNameEveryInScopeSeedRowInTheShippedCatalogueSavePendingOnes() throws IOException {
        Set<String> inScope = inScopeRows();
        Set<String> named = new TreeSet<>();
        IndicatorCatalogue.defaults().all().forEach(indicator -> named.addAll(indicator.seedRefs()));

        Set<String> missing = new TreeSet<>(inScope);
        missing.removeAll(named);
        Set<String> coveredButPending = new TreeSet<>(PENDING);
        coveredButPending.retainAll(named);

        assertThat(inScope).hasSize(67);
        assertThat(SeedIndicators.ids()).containsAll(inScope);
        assertThat(missing).as("in-scope seed rows no shipped entry names").isEqualTo(PENDING);
        assertThat(coveredButPending).as("rows covered now: take them off the pending list").isEmpty();
    }

    /** Issue 15's workforce rows not shipped yet: the list must shrink as they land. */
    private static final Set<String> PENDING_WORKFORCE = new TreeSet<>(List.of());

    @Test
    void shouldNameEveryWorkforceSeedRowOfIssue15SavePendingOnes() throws IOException {
        Set<String> inScope = rows("/reference/issue-15-workforce-rows.txt");
        Set<String> named = new TreeSet<>();
        IndicatorCatalogue.defaults().all().forEach(indicator -> named.addAll(indicator.seedRefs()));
        Set<String> missing = new TreeSet<>(inScope);
        missing.removeAll(named);
        Set<String> coveredButPending = new TreeSet<>(PENDING_WORKFORCE);
        coveredButPending.retainAll(named);

        assertThat(inScope).hasSize(11);
        assertThat(SeedIndicators.ids()).containsAll(inScope);
        assertThat(missing).as("workforce seed rows no shipped entry names").isEqualTo(PENDING_WORKFORCE);
        assertThat(coveredButPending).as("rows covered now: take them off the pending list").isEmpty();
        assertThat(IndicatorCatalogue.defaults().all()).filteredOn(indicator -> indicator.measure().isWorkforce())
                .isNotEmpty().allMatch(indicator -> indicator.section().equals("workforce"));
    }

    @Test
    void shouldNameEveryCourtWorkAndQualitySeedRowInTheShippedCatalogue() throws IOException {
        Set<String> inScope = rows("/reference/issue-15-court-seed-rows.txt");
        Set<String> named = new TreeSet<>();
        IndicatorCatalogue.defaults().all().forEach(indicator -> named.addAll(indicator.seedRefs()));

        Set<String> missing = new TreeSet<>(inScope);
        missing.removeAll(named);

        assertThat(inScope).hasSize(23);
        assertThat(SeedIndicators.ids()).containsAll(inScope);
        assertThat(missing).as("issue 15 court and quality rows no shipped entry names").isEmpty();
    }

    @Test
    void shouldLabelSeed000sKpiBoardOnShippedEntries() {
        Set<String> labels = new TreeSet<>();
        IndicatorCatalogue.defaults().all().forEach(indicator -> {
            if (indicator.label() != null) {
                labels.add(indicator.label());
            }
        });

        assertThat(labels).contains("KPI 1", "KPI 2", "KPI 3", "KPI 4", "KPI 5A", "KPI 5B", "KPI 6", "KPI 7");
    }

    @Test
    void shouldGiveEveryShippedEntryASectionAndKnownSeedRows() {
        assertThat(IndicatorCatalogue.defaults().all()).allSatisfy(indicator -> {
            assertThat(indicator.section()).isNotEqualTo(IndicatorDefinition.NO_SECTION);
            assertThat(SeedIndicators.ids()).containsAll(indicator.seedRefs());
        });
    }

    private static Set<String> inScopeRows() throws IOException {
        return rows("/reference/issue-12-seed-rows.txt");
    }

    private static Set<String> rows(String resource) throws IOException {
        try (InputStream in = SeedCoverageTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource " + resource).isNotNull();
            Set<String> rows = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.strip());
                }
            }
            return rows;
        }
    }
}
