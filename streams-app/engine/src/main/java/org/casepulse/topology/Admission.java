package org.casepulse.topology;

import org.casepulse.events.CaseEvent;

/** The outcome of admitting one input record: the event, or the raw bytes and why they were refused. */
record Admission(CaseEvent event, byte[] raw) {

    static Admission accepted(CaseEvent event) {
        return new Admission(event, null);
    }

    static Admission rejected(byte[] raw) {
        return new Admission(null, raw);
    }

    boolean isAccepted() {
        return event != null;
    }
}
