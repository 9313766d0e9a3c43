package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;

/**
 * What one change did to a case's effective events, as far as the measures care: the earliest
 * date from which its state may differ, and the kinds of events it touched ({@link EventKinds}).
 * The measures then evaluate a case's timelines from that date only, and skip the indicators
 * that read none of those kinds: a visit does not recompute the case's assessments.
 *
 * @param earliest the earliest date of an effective event that differs between the two histories,
 *                 the case's state before it being unchanged; null when the whole case must be
 *                 evaluated again (nothing of before may be kept)
 * @param kinds    the kinds of the events that came or went, and {@link EventKinds#AREA} if the
 *                 case's area differs on any of their dates
 */
public record CaseChange(LocalDate earliest, long kinds) {

    /** Nothing of before may be kept. */
    public static final CaseChange WHOLE = new CaseChange(null, EventKinds.ALL);

    /** Whether anything of before may be kept. */
    public boolean isPartial() {
        return earliest != null;
    }

    /** Whether a computation that read {@code reads} may give another result after this change. */
    public boolean touches(long reads) {
        return earliest == null || (kinds & reads) != 0;
    }

    public static CaseChange between(CaseHistory before, CaseHistory after) {
        if (!before.hasReferral() || before.referral() != after.referral()
                || before.closedBeforeReferral() != after.closedBeforeReferral()) {
            return WHOLE;
        }
        Set<CaseEvent> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(before.events());
        LocalDate earliest = null;
        long kinds = 0;
        boolean areaMoved = false;
        for (CaseEvent event : after.events()) {
            if (!held.remove(event)) {
                if (!changesOnlyFromItsDate(event, before, after)) {
                    return WHOLE;
                }
                earliest = earlier(earliest, event.getOccurredOn());
                kinds |= EventKinds.of(event);
                areaMoved |= areaMovedOn(event.getOccurredOn(), before, after);
            }
        }
        for (CaseEvent gone : held) {
            if (!changesOnlyFromItsDate(gone, before, after)) {
                return WHOLE;
            }
            earliest = earlier(earliest, gone.getOccurredOn());
            kinds |= EventKinds.of(gone);
            areaMoved |= areaMovedOn(gone.getOccurredOn(), before, after);
        }
        return new CaseChange(earliest, kinds | (areaMoved ? EventKinds.AREA : 0));
    }

    /**
     * Whether an event that came or went can change the case's snapshot state only on and after
     * its own date: the state on a date reads the events dated on or before it (elements begun,
     * ended, visited, allocated, moved or closed by then), so most events qualify. Not so for an
     * event that settles something about the whole case (a child's date of birth, unborn or
     * asylum-seeking, the latest of which counts for every date), nor for a completion that
     * changes its assessment's type (the type counts while the assessment is open, before its
     * completion): those re-evaluate the whole timeline. A change of the referral or of the
     * closure's order against it is caught by {@link #between} first.
     */
    private static boolean changesOnlyFromItsDate(CaseEvent event, CaseHistory before, CaseHistory after) {
        if ((EventKinds.of(event) & EventKinds.CHILD) != 0) {
            return false;
        }
        if (event.getType() == EventType.ASSESSMENT_COMPLETED) {
            return before.assessmentType(event.getAssessmentId()) == after.assessmentType(event.getAssessmentId());
        }
        return true;
    }

    /**
     * The area on a date is that of the latest event on or before it, so it can only differ
     * between the two histories from the date of an event that came or went up to the next event;
     * comparing it on those dates tells whether it moved at all.
     */
    private static boolean areaMovedOn(LocalDate date, CaseHistory before, CaseHistory after) {
        return !Objects.equals(before.areaOn(date), after.areaOn(date));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
