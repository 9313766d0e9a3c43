package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Candidate dates of a timeline, keeping only those inside the span being evaluated: the measures
 * offer the thresholds of every element of the case, and when only the last few dates are
 * evaluated most of them fall before it, so they are dropped on arrival instead of sorted in.
 */
final class DatesBetween extends AbstractCollection<LocalDate> {

    private final LocalDate first;
    private final LocalDate last;
    private final NavigableSet<LocalDate> dates = new TreeSet<>();

    /** @param last inclusive; {@link LocalDate#MAX} for no end */
    DatesBetween(LocalDate first, LocalDate last) {
        this.first = first;
        this.last = last;
    }

    @Override
    public boolean add(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last) && dates.add(date);
    }

    /** The dates kept, in order. */
    @Override
    public Iterator<LocalDate> iterator() {
        return dates.iterator();
    }

    @Override
    public int size() {
        return dates.size();
    }
}
