package org.casepulse.tools;

import java.util.Optional;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.CaseEventJsonl;
import org.casepulse.events.ParsedLine;
import org.casepulse.events.Violation;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceChecks;

/**
 * Decides whether one line of an extract may be published: it must parse and pass the event
 * contract (as {@link org.casepulse.events.JsonlReader} checks it), and pass the checks the streams
 * application makes against its reference data, which would otherwise dead-letter it: a known,
 * lowest-level area and a date the working-day calendar covers. The reason codes are the engine's.
 */
final class ReplayValidator {
    private final ReferenceChecks references;

    ReplayValidator(AreaHierarchy areas, WorkingDayCalendar calendar) {
        this.references = new ReferenceChecks(areas, calendar);
    }

    /** The event of a line, or why it was refused. */
    sealed interface Verdict permits Accepted, AcceptedFact, Rejected {}

    record Accepted(CaseEvent event) implements Verdict {}

    /** A workforce fact (issue 15) that may be published. */
    record AcceptedFact(org.casepulse.workforce.WorkforceEvent fact) implements Verdict {}

    /** A line refused: the engine's reason code, a sentence saying why, and the line as it was. */
    record Rejected(long lineNumber, String code, String reason, String text) implements Verdict {}

    Verdict check(String text, long lineNumber) {
        ParsedLine parsed = CaseEventJsonl.parseLine(text, lineNumber);
        if (parsed instanceof ParsedLine.LineError error) {
            return new Rejected(lineNumber, error.reason().code(), error.message(), text);
        }
        CaseEvent event = ((ParsedLine.Event) parsed).event();
        Optional<Violation> problem = references.check(event);
        if (problem.isPresent()) {
            return new Rejected(lineNumber, problem.get().code().code(), "line " + lineNumber + ": " + problem.get().describe(), text);
        }
        return new Accepted(event);
    }

    /** The same checks for a line of a workforce extract: the workforce contract, then the reference data. */
    Verdict checkWorkforce(String text, long lineNumber) {
        org.casepulse.workforce.WorkforceJsonl.Line parsed = org.casepulse.workforce.WorkforceJsonl.parse(text, lineNumber);
        if (parsed instanceof org.casepulse.workforce.WorkforceJsonl.Line.Error error) {
            return new Rejected(lineNumber, error.violations().get(0).code().code(), error.message(), text);
        }
        org.casepulse.workforce.WorkforceEvent fact = ((org.casepulse.workforce.WorkforceJsonl.Line.Fact) parsed).event();
        Optional<Violation> problem = references.check(fact);
        if (problem.isPresent()) {
            return new Rejected(lineNumber, problem.get().code().code(), "line " + lineNumber + ": " + problem.get().describe(), text);
        }
        return new AcceptedFact(fact);
    }
}
