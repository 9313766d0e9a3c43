package org.casepulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoFeedTest {

    @Test
    void shouldStartTheHistoryEarlyEnoughToCompareThisYearToDateWithTheSameMonthsOfLastYear() {
        // December: 18 months reach back to June of last year; the demand rows need its April.
        assertThat(DemoFeed.historyStart(LocalDate.parse("2026-12-06"))).isEqualTo(LocalDate.parse("2025-04-01"));
        // March, the year's last month: 2 years of history.
        assertThat(DemoFeed.historyStart(LocalDate.parse("2027-03-31"))).isEqualTo(LocalDate.parse("2025-04-01"));
        // May: 18 months already reach back beyond last April.
        assertThat(DemoFeed.historyStart(LocalDate.parse("2026-05-10"))).isEqualTo(LocalDate.parse("2024-11-11"));
    }
}
