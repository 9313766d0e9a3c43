package org.casepulse.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What day it is for the figures. The wall clock in Europe/London by default; a fixed date for
 * tests and for reproducing a past report ({@code --as-of}). Callers pass the wall-clock time
 * they were given (Kafka Streams' punctuation time) rather than reading the system clock, so
 * that a test driver that advances time advances the day too.
 */
public interface BusinessClock {

    ZoneId LONDON = ZoneId.of("Europe/London");

    LocalDate today(long wallClockMillis);

    /** Today by the system clock: for what runs outside a stream task (the demo feed, a benchmark). */
    default LocalDate today() {
        return today(System.currentTimeMillis());
    }

    static BusinessClock wall() {
        return millis -> dateInLondon(millis);
    }

    static BusinessClock fixed(LocalDate asOf) {
        return millis -> asOf;
    }

    /** The start of {@code date} in England, as an instant. */
    static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LONDON).toInstant();
    }

    static LocalDate dateInLondon(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), LONDON);
    }
}
