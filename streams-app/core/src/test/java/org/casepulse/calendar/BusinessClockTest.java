package org.casepulse.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    @Test
    void shouldTellTheDayInLondonNotInUtc() {
        // 23:30 UTC on 30 June 2024 is 00:30 on 1 July in London (British Summer Time).
        long summerNight = Instant.parse("2024-06-30T23:30:00Z").toEpochMilli();
        assertThat(BusinessClock.wall().today(summerNight)).isEqualTo(LocalDate.parse("2024-07-01"));
        // In winter London is on UTC: 23:30 UTC on 31 December is still 31 December.
        long winterNight = Instant.parse("2024-12-31T23:30:00Z").toEpochMilli();
        assertThat(BusinessClock.wall().today(winterNight)).isEqualTo(LocalDate.parse("2024-12-31"));
    }

    @Test
    void shouldStayOnTheFixedDateWhateverTheTime() {
        BusinessClock asOf = BusinessClock.fixed(LocalDate.parse("2026-03-31"));
        assertThat(asOf.today(Instant.parse("2030-01-01T12:00:00Z").toEpochMilli())).isEqualTo(LocalDate.parse("2026-03-31"));
    }
}
