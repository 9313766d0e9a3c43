package org.casepulse.oracle;

import java.time.LocalDate;
import java.time.Period;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseFilter;

/**
 * COUNTING.md 8.1, read afresh: which cases an indicator's filter keeps, as a whole and at a date.
 * The child's attributes are the values of the latest events (in event order) that carry them.
 */
final class Filters {

    private Filters() {}

    static boolean keepsCase(CaseFilter filter, CaseHistory c) {
        String type = c.caseType();
        if (filter.caseTypes() != null && (type == null || !filter.caseTypes().contains(type))) {
            return false; // a case without a type matches no set
        }
        if (type != null && filter.excludeCaseTypes().contains(type)) {
            return false;
        }
        return !(filter.excludeAsylumSeeking() && Boolean.TRUE.equals(c.latestValue(CaseEvent::getUnaccompaniedAsylumSeeking)));
    }

    static boolean keepsOn(CaseFilter filter, CaseHistory c, LocalDate d) {
        LocalDate born = c.latestValue(CaseEvent::getChildDateOfBirth);
        boolean unborn = born != null ? d.isBefore(born) : Boolean.TRUE.equals(c.latestValue(CaseEvent::getChildUnborn));
        if (filter.excludeUnborn() && unborn) {
            return false;
        }
        CaseFilter.AgeBand band = filter.ageBand();
        if (band == null) {
            return true;
        }
        if (unborn) {
            return false;
        }
        if (born == null) {
            return band.includeUnknown();
        }
        int age = Period.between(born, d).getYears();
        return (band.from() == null || band.from() <= age) && (band.to() == null || age <= band.to());
    }
}
