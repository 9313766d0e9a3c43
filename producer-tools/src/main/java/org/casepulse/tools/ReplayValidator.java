package org.casepulse.tools;

import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.CaseEventJsonl;
import org.casepulse.events.ParsedLine;
import org.casepulse.reference.AreaHierarchy;

/**
 * Decides whether one line of an extract may be published: it must parse and pass the event
 * contract (as {@link org.casepulse.events.JsonlReader} checks it), and pass the checks the streams
 * application makes against its reference data, which would otherwise dead-letter it: a known,
 * lowest-level area and a date the working-day calendar covers. The reason codes are the engine's.
 */
final class ReplayValidator {
    private final AreaHierarchy areas;
    private final WorkingDayCalendar calendar;

    ReplayValidator(AreaHierarchy areas, WorkingDayCalendar calendar) {
        this.areas = areas;
        this.calendar = calendar;
    }

    /** The event of a line, or why it was refused. */
    sealed interface Verdict permits Accepted, Rejected {}

    record Accepted(CaseEvent event) implements Verdict {}

    /** A line refused: the engine's reason code, a sentence saying why, and the line as it was. */
    record Rejected(long lineNumber, String code, String reason, String text) implements Verdict {}

    Verdict check(String text, long lineNumber) {
        ParsedLine parsed = CaseEventJsonl.parseLine(text, lineNumber);
        if (parsed instanceof ParsedLine.LineError error) {
            return new Rejected(lineNumber, error.reason().code(), error.message(), text);
        }
        CaseEvent event = ((ParsedLine.Event) parsed).event();
        String area = event.getAreaCode();
        String prefix = "line " + lineNumber + ": ";
        if (areas.find(area).isEmpty()) {
            return new Rejected(lineNumber, "unknown-area",
                    prefix + "areaCode: area '" + area + "' is not in the area hierarchy", text);
        }
        if (!areas.isLowest(area)) {
            return new Rejected(lineNumber, "not-lowest-area",
                    prefix + "areaCode: area '" + area + "' is not a lowest-level area (team or service area)", text);
        }
        if (!calendar.covers(event.getOccurredOn())) {
            return new Rejected(lineNumber, "outside-calendar", prefix + "occurredOn: " + event.getOccurredOn()
                    + " is outside the working-day calendar (" + calendar.firstCoveredDate() + " to "
                    + calendar.lastCoveredDate() + ")", text);
        }
        return new Accepted(event);
    }
}
