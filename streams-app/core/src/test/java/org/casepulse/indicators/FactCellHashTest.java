package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactCellHashTest {

    /** The bin a hash map of {@code size} slots puts a key of this hash in (HashMap spreads the high half). */
    private static int bin(int hash, int size) {
        return (hash ^ (hash >>> 16)) & (size - 1);
    }

    @Test
    void theMonthBucketsOfOneIndicatorSpreadOverTheBinsOfASmallMap() {
        Set<Integer> bins = new HashSet<>();
        for (int month = 0; month < 24; month++) {
            LocalDate bucket = LocalDate.of(2025, 4, 1).plusMonths(month);
            bins.add(bin(new Fact.Cell("allocation-2wd", "SA01", null, bucket).hashCode(), 64));
        }
        // A record's own hash put all 24 in one bin of 64.
        assertThat(bins).hasSizeGreaterThan(12);
    }

    @Test
    void daysRecordedOnSpreadAsWellAsBuckets() {
        LocalDate bucket = LocalDate.of(2026, 4, 1);
        Set<Integer> bins = new HashSet<>();
        for (int day = 0; day < 24; day++) {
            bins.add(bin(Fact.cellHash("allocation-2wd", "SA01", null, bucket, bucket.plusMonths(day)), 64));
        }
        assertThat(bins).hasSizeGreaterThan(12);
    }

    @Test
    void equalCellsHashAlikeWithOrWithoutAWorker() {
        LocalDate bucket = LocalDate.of(2026, 4, 1);
        assertThat(new Fact.Cell("caseload", "T01", "W1", bucket)).hasSameHashCodeAs(new Fact.Cell("caseload", "T01", "W1", bucket));
        assertThat(new Fact.Cell("caseload", "T01", null, bucket).hashCode())
                .isNotEqualTo(new Fact.Cell("caseload", "T01", "W1", bucket).hashCode());
        assertThat(new Fact.Cell("caseload", "T01", null, null)).hasSameHashCodeAs(new Fact.Cell("caseload", "T01", null, null));
    }
}
