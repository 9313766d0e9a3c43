package org.casepulse.indicators.measures;

import static org.casepulse.indicators.measures.CaseMeasure.month;
import static org.casepulse.indicators.measures.CaseMeasure.oneIf;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;

/**
 * Each participant of a case (a participantId on its safeguarding checks), placed at the
 * referral's area in the referral's month (plus {@code lagMonths}), counted when the participant
 * has a check of the type dated on or after the referral (within N working days of it; by the end
 * of the fact's month when lagged). With {@code harmIndicated}, only participants with harm
 * indicated on some check count at all (COUNTING.md 13).
 */
final class ParticipantChecks implements CaseMeasure {

    private final WorkingDayCalendar calendar;

    ParticipantChecks(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void contribute(CaseHistory history, IndicatorDefinition indicator, Facts facts) {
        MeasureParameters p = indicator.parameters();
        CaseEvent referral = history.referral();
        LocalDate received = referral.getOccurredOn();
        if (!indicator.filter().admitsOn(history, received)) {
            return;
        }
        int lag = p.cohortLag();
        LocalDate deadline = lag == 0 ? null : FollowedBy.cohortEnd(received, lag);
        Map<String, boolean[]> participants = new TreeMap<>(); // [harm indicated, checked]
        for (CaseEvent check : history.safeguardingChecks()) {
            boolean[] state = participants.computeIfAbsent(check.getParticipantId(), id -> new boolean[2]);
            state[0] |= Boolean.TRUE.equals(check.getHarmIndicated());
            if (check.getSafeguardingCheck() == p.check() && counts(p, received, deadline, check.getOccurredOn())) {
                state[1] = true;
            }
        }
        participants.values().forEach(state -> {
            if (!Boolean.TRUE.equals(p.harmIndicated()) || state[0]) {
                facts.add(indicator.id(), referral.getAreaCode(), month(received).plusMonths(lag), oneIf(state[1]), 1);
            }
        });
    }

    private boolean counts(MeasureParameters p, LocalDate received, LocalDate deadline, LocalDate checked) {
        if (checked.isBefore(received) || (deadline != null && checked.isAfter(deadline))) {
            return false;
        }
        return p.withinWorkingDays() == null || calendar.workingDaysBetween(received, checked) <= p.withinWorkingDays();
    }
}
