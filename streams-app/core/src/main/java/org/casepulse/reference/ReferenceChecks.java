package org.casepulse.reference;

import java.util.Optional;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.ReasonCode;
import org.casepulse.events.Violation;

/**
 * The checks of one event against the reference data, shared by the engine (which dead-letters
 * what fails them) and replay (which rejects the line before sending it): a known, lowest-level
 * area and a date inside the working-day calendar.
 */
public final class ReferenceChecks {

    private final AreaHierarchy areas;
    private final WorkingDayCalendar calendar;

    public ReferenceChecks(AreaHierarchy areas, WorkingDayCalendar calendar) {
        this.areas = areas;
        this.calendar = calendar;
    }

    /** The first problem of {@code event} against the reference data, if any. */
    public Optional<Violation> check(CaseEvent event) {
        return check(event.getAreaCode(), "occurredOn", event.getOccurredOn());
    }

    /** The same checks for a workforce fact (issue 15): its area, and its dates inside the calendar. */
    public Optional<Violation> check(org.casepulse.workforce.WorkforceEvent fact) {
        Optional<Violation> first = check(fact.getAreaCode(), "effectiveOn", fact.getEffectiveOn());
        if (first.isPresent() || fact.getLastDay() == null) {
            return first;
        }
        return check(fact.getAreaCode(), "lastDay", fact.getLastDay());
    }

    private Optional<Violation> check(String area, String dateField, java.time.LocalDate date) {
        if (areas.find(area).isEmpty()) {
            return Optional.of(new Violation("areaCode", ReasonCode.UNKNOWN_AREA,
                    "area '" + area + "' is not in the area hierarchy"));
        }
        if (!areas.isLowest(area)) {
            return Optional.of(new Violation("areaCode", ReasonCode.NOT_LOWEST_AREA,
                    "area '" + area + "' is not a lowest-level area (team or service area)"));
        }
        if (!calendar.covers(date)) {
            return Optional.of(new Violation(dateField, ReasonCode.OUTSIDE_CALENDAR,
                    date + " is outside the working-day calendar (" + calendar.firstCoveredDate()
                            + " to " + calendar.lastCoveredDate() + "): load a newer GOV.UK bank-holidays.json"
                            + " with the setting " + WorkingDayCalendar.CONFIG_KEY));
        }
        return Optional.empty();
    }
}
