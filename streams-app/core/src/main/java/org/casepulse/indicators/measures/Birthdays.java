package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.Collection;
import org.casepulse.indicators.CaseFilter;
import org.casepulse.indicators.ChildAttributes;

/** The dates on which a child enters or leaves an age band (and is born), for snapshot thresholds. */
final class Birthdays {

    private Birthdays() {}

    static void add(ChildAttributes child, CaseFilter.AgeBand band, Collection<LocalDate> dates) {
        LocalDate born = child.dateOfBirth();
        if (born == null) {
            return;
        }
        dates.add(born);
        // The day after too: a 29 February birthday is reached on 1 March in common years.
        if (band.from() != null) {
            dates.add(born.plusYears(band.from()));
            dates.add(born.plusYears(band.from()).plusDays(1));
        }
        if (band.to() != null) {
            dates.add(born.plusYears(band.to() + 1L));
            dates.add(born.plusYears(band.to() + 1L).plusDays(1));
        }
    }
}
