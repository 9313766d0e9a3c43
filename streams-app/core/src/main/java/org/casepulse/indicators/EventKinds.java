package org.casepulse.indicators;

import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;

/**
 * Sets of kinds of a case's events, as bits of a long: one per event type, and two for what any
 * event may carry: the child's attributes (date of birth, unborn, asylum-seeking) and the case's
 * area (the area of its latest event on a date). {@link CaseHistory} records which kinds each
 * measure reads; a change of a case that touches none of them leaves that measure's output as it
 * was, so the measure need not run again (see {@link CaseChange}).
 */
public final class EventKinds {

    /** The child's attributes, which any event may carry and the latest of which counts. */
    public static final long CHILD = 1L << 62;
    /** The case's area on a date, which any event may move. */
    public static final long AREA = 1L << 61;
    /** Everything: what was read cannot be told apart (or is not known). */
    public static final long ALL = -1L;

    static {
        if (EventType.values().length > 61) {
            throw new IllegalStateException("more event types than EventKinds has bits for");
        }
    }

    private EventKinds() {}

    public static long of(EventType type) {
        return 1L << type.ordinal();
    }

    public static long of(EventType first, EventType second) {
        return of(first) | of(second);
    }

    /** The kinds an event's arrival or removal touches: its type, and the child's attributes if it carries any. */
    public static long of(CaseEvent event) {
        boolean childAttributes = event.getChildDateOfBirth() != null || event.getChildUnborn() != null
                || event.getUnaccompaniedAsylumSeeking() != null;
        return of(event.getType()) | (childAttributes ? CHILD : 0);
    }
}
