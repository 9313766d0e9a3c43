package org.casepulse.indicators.workforce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;

/**
 * The workforce facts of one subject (a post or a worker) as received: the highest revision of
 * each eventId, retractions included, as {@link CaseLedger} keeps a case's events (COUNTING.md 14.1).
 */
public final class SubjectLedger {

    private final Map<String, WorkforceEvent> versions = new LinkedHashMap<>();

    private SubjectLedger() {
    }

    public static SubjectLedger of(Collection<WorkforceEvent> heldVersions) {
        SubjectLedger ledger = new SubjectLedger();
        heldVersions.forEach(event -> ledger.versions.put(event.getEventId(), event));
        return ledger;
    }

    public CaseLedger.Admission admit(WorkforceEvent event) {
        WorkforceEvent held = versions.get(event.getEventId());
        if (held != null && event.getRevision() <= held.getRevision()) {
            return CaseLedger.Admission.DUPLICATE;
        }
        versions.put(event.getEventId(), event);
        return held == null ? CaseLedger.Admission.NEW : CaseLedger.Admission.AMENDED;
    }

    public List<WorkforceEvent> versions() {
        return new ArrayList<>(versions.values());
    }

    /** The facts that count: not retractions, and not named by any retraction held. */
    public List<WorkforceEvent> effectiveFacts() {
        Set<String> retracted = new HashSet<>();
        for (WorkforceEvent event : versions.values()) {
            if (event.getType() == WorkforceEventType.EVENT_RETRACTED) {
                retracted.add(event.getRetractsEventId());
            }
        }
        List<WorkforceEvent> effective = new ArrayList<>();
        for (WorkforceEvent event : versions.values()) {
            if (event.getType() != WorkforceEventType.EVENT_RETRACTED && !retracted.contains(event.getEventId())) {
                effective.add(event);
            }
        }
        return effective;
    }
}
