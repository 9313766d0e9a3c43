package org.casepulse.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.CaseEventJsonl;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;
import org.casepulse.reference.AreaHierarchy;

/**
 * Adds faults to the clean history, each decided per clean event by {@link Dice}: recording late,
 * exact duplicates, amendments, retractions, and malformed records. Fault records get ids derived
 * from the event they fault (its id plus a letter), so they never shift the clean events' ids.
 */
final class FaultInjector {
    private static final int LATE = 1;
    private static final int DUPLICATE = 2;
    private static final int AMENDMENT = 3;
    private static final int RETRACTION = 4;
    private static final int MALFORMED = 5;

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final List<String> UNKNOWN_AREA_CANDIDATES = List.of("N9", "C7", "S8", "X1", "ZZ-UNKNOWN");

    private final FaultRates rates;
    private final Dice dice;
    private final DayIndex days;
    private final Output output;
    private final List<String> unknownAreas;

    FaultInjector(FaultRates rates, long seed, DayIndex days, Output output, AreaHierarchy hierarchy) {
        this.rates = rates;
        this.dice = new Dice(seed);
        this.days = days;
        this.output = output;
        this.unknownAreas = UNKNOWN_AREA_CANDIDATES.stream().filter(code -> hierarchy.find(code).isEmpty()).toList();
    }

    /** When the event is recorded if it arrives late (3-30 days after its date, in the working day), else -1. */
    long lateRecordedAt(long event, int day) {
        if (rates.late() == 0 || dice.roll(LATE, event, 0) >= rates.late()) {
            return -1;
        }
        return days.startMillis(day) + dice.between(LATE, event, 1, 3, 30) * DAY + 9 * HOUR
                + (long) (dice.roll(LATE, event, 2) * 8 * HOUR);
    }

    /** Queues the faults that follow a clean event sent on or after {@code day}. */
    void follow(SimCase owner, int day, CaseEvent event, long key) {
        if (!rates.any()) {
            return;
        }
        long recordedAt = event.getRecordedAt().toEpochMilli();
        if (dice.roll(DUPLICATE, key, 0) < rates.duplicates()) {
            long resentAt = recordedAt + MINUTE + (long) (dice.roll(DUPLICATE, key, 1) * 3 * HOUR);
            output.send(new SimulatedRecord.Good(CaseEvent.newBuilder(event).build()), resentAt, day);
        }
        if (dice.roll(AMENDMENT, key, 0) < rates.amendments()) {
            amend(owner, day, event, key, recordedAt);
        }
        if (dice.roll(RETRACTION, key, 0) < rates.retractions()) {
            retract(day, event, key, recordedAt);
        }
        if (dice.roll(MALFORMED, key, 0) < rates.malformed()) {
            malform(owner, day, event, key, recordedAt + MINUTE + (long) (dice.roll(MALFORMED, key, 1) * 30 * MINUTE));
        }
    }

    /** Revision 1 with another area of the same parent, or the date moved by a working day. */
    private void amend(SimCase owner, int day, CaseEvent event, long key, long recordedAt) {
        CaseEvent.Builder amended = CaseEvent.newBuilder(event).setRevision(event.getRevision() + 1);
        List<AreaProfile> siblings = owner.area.siblings;
        boolean moveArea = !siblings.isEmpty()
                && (event.getType() == EventType.REFERRAL_RECEIVED || dice.roll(AMENDMENT, key, 1) < 0.5);
        int newDay = day;
        if (moveArea) {
            amended.setAreaCode(siblings.get(dice.between(AMENDMENT, key, 2, 0, siblings.size() - 1)).code);
        } else {
            int shifted = dice.roll(AMENDMENT, key, 3) < 0.5 ? days.previousWorkingDay(day) : days.addWorkingDays(day, 1);
            if (shifted >= owner.referralDay && shifted != DayIndex.NEVER) {
                newDay = shifted;
                amended.setOccurredOn(days.date(newDay));
            }
        }
        long amendedAt = Math.max(recordedAt, days.startMillis(newDay) + 9 * HOUR)
                + dice.between(AMENDMENT, key, 4, 1, 10) * DAY + (long) (dice.roll(AMENDMENT, key, 5) * 8 * HOUR);
        amended.setRecordedAt(Instant.ofEpochMilli(amendedAt));
        output.send(new SimulatedRecord.Good(amended.build()), amendedAt, day);
    }

    /** An EVENT_RETRACTED, dated the day it is recorded, 1-10 days after the event. */
    private void retract(int day, CaseEvent event, long key, long recordedAt) {
        long retractedAt = recordedAt + dice.between(RETRACTION, key, 1, 1, 10) * DAY
                + (long) (dice.roll(RETRACTION, key, 2) * 8 * HOUR);
        int retractionDay = days.dayOf(retractedAt, day);
        if (retractionDay == DayIndex.NEVER) {
            return;
        }
        CaseEvent retraction = bare(event.getEventId() + "r", EventType.EVENT_RETRACTED, event, event.getAreaCode(),
                days.date(retractionDay).toEpochDay(), retractedAt);
        retraction.setRetractsEventId(event.getEventId());
        output.send(new SimulatedRecord.Good(retraction), retractedAt, day);
    }

    private void malform(SimCase owner, int day, CaseEvent event, long key, long at) {
        CaseEvent copy = CaseEvent.newBuilder(event).setEventId(event.getEventId() + "m").setRecordedAt(Instant.ofEpochMilli(at)).build();
        switch (dice.between(MALFORMED, key, 2, 0, 3)) {
            case 0 -> {
                String line = CaseEventJsonl.toLine(copy);
                int cut = (int) (line.length() * (0.25 + 0.65 * dice.roll(MALFORMED, key, 3)));
                output.send(new SimulatedRecord.Bad(Defect.BAD_JSON, event.getCaseId(), line.substring(0, cut), null, at),
                        at, day);
            }
            case 1 -> {
                boolean encodable = dropRequiredField(copy);
                output.send(new SimulatedRecord.Bad(Defect.MISSING_FIELD, event.getCaseId(), CaseEventJsonl.toLine(copy),
                        encodable ? copy : null, at), at, day);
            }
            case 2 -> {
                copy.setAreaCode(unknownAreas.get(dice.between(MALFORMED, key, 3, 0, unknownAreas.size() - 1)));
                output.send(new SimulatedRecord.Bad(Defect.UNKNOWN_AREA, event.getCaseId(), CaseEventJsonl.toLine(copy),
                        copy, at), at, day);
            }
            default -> planEndedBeforeStart(owner, event, key, at, day);
        }
    }

    /**
     * Drops a field the event's type requires, or its child id when the type requires nothing more.
     *
     * @return whether Avro can still encode the event (it cannot without a child id)
     */
    private static boolean dropRequiredField(CaseEvent event) {
        switch (event.getType()) {
            case ASSESSMENT_STARTED, ASSESSMENT_COMPLETED -> event.setAssessmentId(null);
            case ALLOCATION_MADE -> event.setWorkerId(null);
            case PLAN_STARTED, PLAN_ENDED -> event.setPlanId(null);
            default -> {
                event.setChildId(null);
                return false;
            }
        }
        return true;
    }

    /** A keying mistake: a child protection plan whose end is dated 1-5 days before its start. */
    private void planEndedBeforeStart(SimCase owner, CaseEvent event, long key, long at, int day) {
        String planId = "plan-" + owner.number + "-x" + (key & 0xFFFF);
        long startDate = event.getOccurredOn().toEpochDay();
        CaseEvent start = bare(event.getEventId() + "s", EventType.PLAN_STARTED, event, event.getAreaCode(), startDate, at);
        start.setPlanId(planId);
        start.setPlanType(PlanType.CP);
        CaseEvent end = bare(event.getEventId() + "e", EventType.PLAN_ENDED, event, event.getAreaCode(),
                startDate - dice.between(MALFORMED, key, 4, 1, 5), at + MINUTE);
        end.setPlanId(planId);
        end.setPlanType(PlanType.CP);
        output.send(new SimulatedRecord.Good(start), at, day);
        output.send(new SimulatedRecord.Good(end), at + MINUTE, day);
    }

    private static CaseEvent bare(String eventId, EventType type, CaseEvent of, String area, long epochDay, long recordedAt) {
        // Setters, not the all-fields constructor: it changes with every field the contract adds.
        CaseEvent event = new CaseEvent();
        event.setEventId(eventId);
        event.setRevision(0);
        event.setType(type);
        event.setCaseId(of.getCaseId());
        event.setChildId(of.getChildId());
        event.setAreaCode(area);
        event.setOccurredOn(LocalDate.ofEpochDay(epochDay));
        event.setRecordedAt(Instant.ofEpochMilli(recordedAt));
        return event;
    }
}
