package org.casepulse.topology;

import org.casepulse.events.CaseEvent;

/**
 * The outcome of admitting one input record: the event, or why not. The raw bytes travel with an
 * accepted event too, so that a later stage that must still refuse it (the case ledger, when the
 * case's state would pass its limit) dead-letters the original record.
 */
record Admission(CaseEvent event, byte[] raw) {

    static Admission accepted(CaseEvent event, byte[] raw) {
        return new Admission(event, raw);
    }

    static Admission rejected(byte[] raw) {
        return new Admission(null, raw);
    }

    boolean isAccepted() {
        return event != null;
    }
}
