package org.casepulse.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;

/**
 * The events that count, case by case, once amendments, duplicates and retractions are applied
 * (COUNTING.md section 1). Written for obviousness: one pass to keep the highest revision, one
 * pass to collect what is retracted, one pass to drop it.
 */
final class EffectiveEvents {

    /** "Earliest" and "latest" in COUNTING.md: by occurredOn, then recordedAt, then eventId. */
    static final Comparator<CaseEvent> ORDER = Comparator.comparing(CaseEvent::getOccurredOn)
            .thenComparing(CaseEvent::getRecordedAt)
            .thenComparing(CaseEvent::getEventId);

    private EffectiveEvents() {
    }

    /** Effective events of every case that has at least one, each list in {@link #ORDER}. */
    static Map<String, List<CaseEvent>> byCase(List<CaseEvent> received) {
        Map<List<String>, CaseEvent> held = new LinkedHashMap<>();
        for (CaseEvent event : received) {
            List<String> identity = List.of(event.getCaseId(), event.getEventId());
            CaseEvent current = held.get(identity);
            // Strictly higher replaces: an equal revision is a duplicate, the first one received wins.
            if (current == null || event.getRevision() > current.getRevision()) {
                held.put(identity, event);
            }
        }

        // Every retraction held removes its target, even a retraction that is itself retracted.
        Set<List<String>> retracted = new HashSet<>();
        for (CaseEvent event : held.values()) {
            if (event.getType() == EventType.EVENT_RETRACTED) {
                retracted.add(List.of(event.getCaseId(), event.getRetractsEventId()));
            }
        }

        Map<String, List<CaseEvent>> byCase = new LinkedHashMap<>();
        held.forEach((identity, event) -> {
            if (event.getType() != EventType.EVENT_RETRACTED && !retracted.contains(identity)) {
                byCase.computeIfAbsent(event.getCaseId(), caseId -> new ArrayList<>()).add(event);
            }
        });
        byCase.values().forEach(events -> events.sort(ORDER));
        return byCase;
    }
}
