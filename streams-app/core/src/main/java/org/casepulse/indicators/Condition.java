package org.casepulse.indicators;

import java.util.Set;
import org.casepulse.events.Agreement;
import org.casepulse.events.AuditGrade;
import org.casepulse.events.ClosureReason;
import org.casepulse.events.ConferenceOutcome;
import org.casepulse.events.PlanEndReason;

/**
 * What makes an element count in an event-share numerator (COUNTING.md sections 9 and 13);
 * exactly one field is set. An absent childSeen, childParticipated or satisfied is false; an
 * absent reason, agreement or grade is in no set; an absent referredForReport matches neither
 * value; {@code caseHas} holds when the case has at least one such element, of any date.
 */
public record Condition(Boolean childSeen, Boolean childParticipated, ConferenceOutcome conferenceOutcome,
                        Set<PlanEndReason> planEndReasons, Set<ClosureReason> closureReasons,
                        Set<Agreement> agreements, Boolean referredForReport, Set<AuditGrade> auditGrades,
                        Boolean satisfied, Element caseHas) {

    public Condition {
        planEndReasons = planEndReasons == null ? null : Set.copyOf(planEndReasons);
        closureReasons = closureReasons == null ? null : Set.copyOf(closureReasons);
        agreements = agreements == null ? null : Set.copyOf(agreements);
        auditGrades = auditGrades == null ? null : Set.copyOf(auditGrades);
    }

    /** The contract v2 conditions only. */
    public Condition(Boolean childSeen, Boolean childParticipated, ConferenceOutcome conferenceOutcome,
                     Set<PlanEndReason> planEndReasons, Set<ClosureReason> closureReasons) {
        this(childSeen, childParticipated, conferenceOutcome, planEndReasons, closureReasons, null, null, null, null,
                null);
    }

    /** How many of the fields are set: a valid condition sets one. */
    public int fieldsSet() {
        int set = 0;
        for (Object field : new Object[] {childSeen, childParticipated, conferenceOutcome, planEndReasons,
                closureReasons, agreements, referredForReport, auditGrades, satisfied, caseHas}) {
            set += field == null ? 0 : 1;
        }
        return set;
    }
}
