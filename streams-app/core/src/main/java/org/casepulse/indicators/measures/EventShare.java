package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Condition;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;

/** Each occurrence of the element, counted when its condition holds (COUNTING.md section 9). */
final class EventShare implements CaseMeasure {

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        Condition condition = indicator.parameters().condition();
        for (CaseElements.Occurrence occurrence : CaseElements.of(history, indicator.parameters().element())) {
            if (indicator.filter().admitsOn(history, occurrence.date())) {
                facts.add(indicator.id(), occurrence.areaCode(), month(occurrence.date()),
                        oneIf(holds(condition, occurrence.deciding(), history)), 1);
            }
        }
    }

    /**
     * Absent booleans are false (an absent referredForReport matches neither value); an absent
     * reason, outcome, agreement or grade is in no set; caseHas reads the whole case.
     */
    static boolean holds(Condition condition, CaseEvent event, CaseHistory history) {
        if (condition.caseHas() != null) {
            return !CaseElements.of(history, condition.caseHas()).isEmpty();
        }
        if (condition.agreements() != null) {
            return event.getAgreement() != null && condition.agreements().contains(event.getAgreement());
        }
        if (condition.referredForReport() != null) {
            return condition.referredForReport().equals(event.getReferredForReport());
        }
        if (condition.auditGrades() != null) {
            return event.getAuditGrade() != null && condition.auditGrades().contains(event.getAuditGrade());
        }
        if (condition.satisfied() != null) {
            return Boolean.TRUE.equals(event.getSatisfied());
        }
        if (condition.childSeen() != null) {
            return Boolean.TRUE.equals(event.getChildSeen());
        }
        if (condition.childParticipated() != null) {
            return Boolean.TRUE.equals(event.getChildParticipated());
        }
        if (condition.conferenceOutcome() != null) {
            return condition.conferenceOutcome() == event.getConferenceOutcome();
        }
        if (condition.planEndReasons() != null) {
            return event.getPlanEndReason() != null && condition.planEndReasons().contains(event.getPlanEndReason());
        }
        return event.getClosureReason() != null && condition.closureReasons().contains(event.getClosureReason());
    }
}
