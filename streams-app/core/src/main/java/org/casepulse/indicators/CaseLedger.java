package org.casepulse.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;

/**
 * The events of one case as received: the highest revision of each eventId, retractions
 * included. What counts is derived from it ({@link #effectiveEvents()}), never stored, so that
 * events may arrive in any order and still converge.
 */
public final class CaseLedger {

    /** What receiving an event did to the ledger. */
    public enum Admission {
        /** First version of this eventId. */
        NEW,
        /** A higher revision replaced the one held. */
        AMENDED,
        /** The same or a lower revision: changes nothing. */
        DUPLICATE
    }

    private final Map<String, CaseEvent> versions;

    private CaseLedger(Map<String, CaseEvent> versions) {
        this.versions = versions;
    }

    public static CaseLedger empty() {
        return new CaseLedger(new LinkedHashMap<>());
    }

    public static CaseLedger of(Collection<CaseEvent> heldVersions) {
        Map<String, CaseEvent> versions = new LinkedHashMap<>();
        for (CaseEvent event : heldVersions) {
            versions.put(event.getEventId(), event);
        }
        return new CaseLedger(versions);
    }

    public Admission admit(CaseEvent event) {
        CaseEvent held = versions.get(event.getEventId());
        if (held != null && event.getRevision() <= held.getRevision()) {
            return Admission.DUPLICATE;
        }
        versions.put(event.getEventId(), event);
        return held == null ? Admission.NEW : Admission.AMENDED;
    }

    /** Every version held, retractions included: what the state store keeps. */
    public List<CaseEvent> versions() {
        return new ArrayList<>(versions.values());
    }

    /** The events that count: not retractions, and not named by any retraction held. */
    public List<CaseEvent> effectiveEvents() {
        Set<String> retracted = new HashSet<>();
        for (CaseEvent event : versions.values()) {
            if (event.getType() == EventType.EVENT_RETRACTED) {
                retracted.add(event.getRetractsEventId());
            }
        }
        List<CaseEvent> effective = new ArrayList<>(versions.size());
        for (CaseEvent event : versions.values()) {
            if (event.getType() != EventType.EVENT_RETRACTED && !retracted.contains(event.getEventId())) {
                effective.add(event);
            }
        }
        return effective;
    }
}
