package org.casepulse.indicators;

import java.util.Set;
import org.casepulse.events.ClosureReason;
import org.casepulse.events.ConferenceOutcome;
import org.casepulse.events.PlanEndReason;

/**
 * What makes an element count in an event-share numerator (COUNTING.md section 9); exactly one
 * field is set. An absent childSeen or childParticipated is false; an absent reason is in no set.
 */
public record Condition(Boolean childSeen, Boolean childParticipated, ConferenceOutcome conferenceOutcome,
                        Set<PlanEndReason> planEndReasons, Set<ClosureReason> closureReasons) {

    public Condition {
        planEndReasons = planEndReasons == null ? null : Set.copyOf(planEndReasons);
        closureReasons = closureReasons == null ? null : Set.copyOf(closureReasons);
    }

    /** How many of the fields are set: a valid condition sets one. */
    public int fieldsSet() {
        int set = 0;
        for (Object field : new Object[] {childSeen, childParticipated, conferenceOutcome, planEndReasons,
                closureReasons}) {
            set += field == null ? 0 : 1;
        }
        return set;
    }
}
