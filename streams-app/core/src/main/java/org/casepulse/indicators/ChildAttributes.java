package org.casepulse.indicators;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.casepulse.events.CaseEvent;

/**
 * The child's attributes as one case's events give them (COUNTING.md section 7): each field is
 * the value of the latest effective event, in business order, that carries it. Not dated: the
 * value applies at every date. Inputs only: never published or logged.
 */
public record ChildAttributes(LocalDate dateOfBirth, boolean unbornFlag, boolean unaccompaniedAsylumSeeking) {

    static final ChildAttributes UNKNOWN = new ChildAttributes(null, false, false);

    /** @param eventsInOrder effective events in business order */
    static ChildAttributes of(List<CaseEvent> eventsInOrder) {
        LocalDate dateOfBirth = null;
        Boolean unborn = null;
        Boolean asylum = null;
        for (CaseEvent event : eventsInOrder) {
            dateOfBirth = event.getChildDateOfBirth() != null ? event.getChildDateOfBirth() : dateOfBirth;
            unborn = event.getChildUnborn() != null ? event.getChildUnborn() : unborn;
            asylum = event.getUnaccompaniedAsylumSeeking() != null ? event.getUnaccompaniedAsylumSeeking() : asylum;
        }
        if (dateOfBirth == null && unborn == null && asylum == null) {
            return UNKNOWN;
        }
        return new ChildAttributes(dateOfBirth, Boolean.TRUE.equals(unborn), Boolean.TRUE.equals(asylum));
    }

    /** A known date of birth after {@code date}; or none known and the unborn flag set. */
    public boolean unbornOn(LocalDate date) {
        return dateOfBirth != null ? date.isBefore(dateOfBirth) : unbornFlag;
    }

    /** Completed years at {@code date}; null when unknown or unborn then. */
    public Integer ageOn(LocalDate date) {
        if (dateOfBirth == null || unbornOn(date)) {
            return null;
        }
        return Period.between(dateOfBirth, date).getYears();
    }
}
