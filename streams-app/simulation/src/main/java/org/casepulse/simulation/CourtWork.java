package org.casepulse.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.casepulse.events.Agreement;
import org.casepulse.events.AuditGrade;
import org.casepulse.events.AuditType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.HearingType;
import org.casepulse.events.OrderType;
import org.casepulse.events.ReportType;
import org.casepulse.events.SafeguardingCheckType;

/**
 * The court work, audits and feedback of contract v3, beside the case's main line: written when
 * the case is referred (meetings, reports, orders, participants and their safeguarding checks,
 * dated on the days they happen) and when it closes (the diversity form, a service user's
 * feedback). Calibrated near the national service's board (seed 000) and the county's audits (seed
 * 003): work-to-first-hearing meetings two thirds in agreement and four in five not referred for a
 * report; risk identification by the end of the next month for about 41% of public law and 65%
 * of private law cases; local-authority checks within 2 working days for about 73% of participants,
 * police checks where harm is indicated 66%; section 7 reports filed in about 14 weeks; diversity
 * forms on about 85% of closed cases; about 63% of feedback satisfied; case-file audits nine in
 * ten adequate or better, about a third of those assigned completed. A court case's closure is
 * recorded once its court work is done (the proceedings run their course), though the world moves
 * on as if it closed when its main line did: the main line's draws stay what they were. Each area's own skill moves
 * its figures either way, so that the best performer and the hotspots differ. Its own random
 * stream: the main line's draws are those they were before court work existed.
 *
 * <p>Volumes follow the seed's year-on-year changes, not the referrals (seed 000:
 * work-to-first-hearing meetings +1.6%, section 7 requests -7.3%, rule 9.5 orders +23.9%, family
 * assistance orders +49.3%): each element's chance moves by {@code ((1 + change) / (1 + the
 * area's referral growth))} a year, equal to its calibrated level at the history's end, so
 * the last year shows the board's shares, and it is applied to the referrals expected, not those
 * drawn, so each year's volume stands to the year before's as the seed's do. Care (S31) proceedings end with a final hearing some 40 weeks after the
 * referral, spread by weeks either way, so that about a third of care cases complete within 40
 * weeks (seed 000's FC8: 32.8%).
 */
final class CourtWork {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    /** Seed 000's year-on-year changes of court volumes (FC3, FC4, FC6, FC7). */
    static final double MEETINGS_CHANGE = 0.016;
    static final double SECTION_7_CHANGE = -0.073;
    static final double RULE_9_5_CHANGE = 0.239;
    static final double FAMILY_ASSISTANCE_CHANGE = 0.493;
    /** Care proceedings: weeks from referral to the final hearing, mean and spread (FC8). */
    static final double FINAL_HEARING_WEEKS = 40;
    static final double FINAL_HEARING_SPREAD = 16;

    private final DayIndex days;
    private final SplittableRandom random;
    private final Output output;
    /**
     * Per area and element, the occurrences due and not yet made: each day adds the area's expected
     * private law referrals times the element's chance (with its trend), and a private law case
     * takes one when at least one is due. So a volume follows its own year-on-year change, not the
     * scatter of the referrals actually drawn (a few per cent of the year's, as large as the
     * changes themselves).
     */
    private final Map<String, Double> credit = new HashMap<>();
    /** Each area's skill in [-1, 1], drawn when the area is first met. */
    private final Map<String, Double> skill = new HashMap<>();
    /** What is planned for each day, sent on that day unless the case has closed before it. */
    private final List<List<Planned>> planned;
    /** The day being simulated. */
    private int today;

    /** An event to send on its day: a planned one of court work, or a closure held back ({@code closure} set). */
    private record Planned(SimCase c, EventType type, Consumer<CaseEvent.Builder> fields, CaseEvent closure) {}

    CourtWork(DayIndex days, SplittableRandom random, Output output) {
        this.days = days;
        this.random = random;
        this.output = output;
        this.planned = new ArrayList<>(days.days());
        for (int day = 0; day < days.days(); day++) {
            planned.add(null);
        }
    }

    /**
     * Sends what was planned for {@code day}, before the day's own steps, except in cases closed on
     * an earlier day: a closed case's court work is over, and its closure stays its last event.
     */
    void release(int day) {
        today = day;
        List<Planned> due = planned.set(day, null);
        if (due == null) {
            return;
        }
        for (Planned p : due) {
            if (p.closure() != null) {
                sendClosure(p.c(), day, p.closure());
            } else if (!p.c().closureSent) {
                emit(p.c(), day, p.type(), p.fields());
            }
        }
    }

    /**
     * The case's closure, written today by the main line, held back until {@code day}, after its
     * court work: then dated that day, after the diversity form and feedback (no faults on it).
     */
    void closeLater(SimCase c, CaseEvent closure, int day) {
        if (day == DayIndex.NEVER || day >= days.days()) {
            return; // the proceedings outlast the history: the case is still open in it
        }
        List<Planned> due = planned.get(day);
        if (due == null) {
            due = new ArrayList<>();
            planned.set(day, due);
        }
        due.add(new Planned(c, EventType.CASE_CLOSED, null, closure));
    }

    private void sendClosure(SimCase c, int day, CaseEvent closure) {
        atClosure(c, day);
        long recordedAt = Math.max(days.startMillis(day) + 9 * HOUR + (long) (random.nextDouble() * 8 * HOUR),
                c.lastRecordedMillis + MINUTE);
        c.lastRecordedMillis = recordedAt;
        c.closureSent = true;
        closure.setOccurredOn(days.date(day));
        closure.setRecordedAt(Instant.ofEpochMilli(recordedAt));
        output.send(new SimulatedRecord.Good(closure), recordedAt, day);
    }

    /** What the court and the service do in the case from its referral on, each dated on its own day. */
    void atReferral(SimCase c, int day) {
        boolean privateLaw = "PRIVATE_LAW".equals(c.caseType);
        boolean publicLaw = "S31".equals(c.caseType) || "ADOPTION".equals(c.caseType)
                || "PUBLIC_LAW".equals(c.caseType) || "EPO".equals(c.caseType);
        if (!privateLaw && !publicLaw) {
            return;
        }
        double s = skill(c);
        int parties = privateLaw ? 2 : 2 + random.nextInt(2);
        for (int p = 1; p <= parties; p++) {
            participant(c, day, "party-" + p, privateLaw, s);
        }
        // Risk identification for the case, by the end of the next month mostly (seed 000: 41% and 65%).
        double identified = clamp((privateLaw ? 0.63 : 0.41) + 0.25 * s);
        if (random.nextDouble() < identified) {
            send(c, days.addWorkingDays(day, 1 + random.nextInt(22)), EventType.SAFEGUARDING_CHECK_RECORDED,
                    e -> e.setParticipantId("party-1").setSafeguardingCheck(SafeguardingCheckType.RISK_IDENTIFICATION_COMPLETED));
        } else if (random.nextDouble() < 0.5) {
            send(c, days.addWorkingDays(day, 45 + random.nextInt(30)), EventType.SAFEGUARDING_CHECK_RECORDED,
                    e -> e.setParticipantId("party-1").setSafeguardingCheck(SafeguardingCheckType.RISK_IDENTIFICATION_COMPLETED));
        }
        if (privateLaw) {
            privateLawWork(c, day, s);
        } else {
            publicLawWork(c, day, s);
        }
        if ("S31".equals(c.caseType)) {
            // The final hearing ends the proceedings: the case closes after it (FC8).
            double weeks = Math.max(8, FINAL_HEARING_WEEKS - 2.0 * s + FINAL_HEARING_SPREAD * gaussian());
            int finalHearing = days.addWorkingDays(day, (int) Math.round(weeks * 5));
            if (finalHearing == DayIndex.NEVER) {
                // The proceedings outlast the history: the case is still open at its end.
                c.courtWorkUntil = Math.max(c.courtWorkUntil, days.days() - 1);
            } else {
                send(c, finalHearing, EventType.HEARING_HELD, e -> e.setHearingType(HearingType.FINAL));
            }
        }
        maybeAudit(c, day);
    }

    /**
     * The diversity form (seed 000's KPI 7: about 85%) and, now and then, the service user's feedback,
     * on the closure's day and recorded before it (called just before the closure is written).
     */
    void atClosure(SimCase c, int day) {
        double s = skill(c);
        if (random.nextDouble() < clamp(0.855 + 0.12 * s)) {
            // Dated on the closure's day: a day already simulated takes no more records.
            send(c, day, EventType.DIVERSITY_FORM_COLLECTED, e -> { });
        }
        if (random.nextDouble() < 0.08) {
            boolean satisfied = random.nextDouble() < clamp(0.634 + 0.12 * s);
            send(c, day, EventType.FEEDBACK_RECEIVED, e -> e.setSatisfied(satisfied));
        }
    }

    private void participant(SimCase c, int day, String id, boolean privateLaw, double s) {
        boolean harm = random.nextDouble() < (privateLaw ? 0.55 : 0.3);
        // Entered on the first working day from receipt (a referral may come in at the weekend).
        send(c, days.addWorkingDays(day, 0), EventType.SAFEGUARDING_CHECK_RECORDED, e -> e.setParticipantId(id)
                .setSafeguardingCheck(SafeguardingCheckType.PARTICIPANT_RECORDED).setHarmIndicated(harm));
        // Local-authority screening within 2 working days (72.9%), else within a fortnight.
        int laDelay = random.nextDouble() < clamp(0.73 + 0.2 * s) ? random.nextInt(3) : 3 + random.nextInt(8);
        send(c, days.addWorkingDays(day, laDelay), EventType.SAFEGUARDING_CHECK_RECORDED,
                e -> e.setParticipantId(id).setSafeguardingCheck(SafeguardingCheckType.LA_CHECK_REQUESTED));
        if (harm) {
            int policeDelay = random.nextDouble() < clamp(0.663 + 0.2 * s) ? random.nextInt(3) : 3 + random.nextInt(10);
            send(c, days.addWorkingDays(day, policeDelay), EventType.SAFEGUARDING_CHECK_RECORDED,
                    e -> e.setParticipantId(id).setSafeguardingCheck(SafeguardingCheckType.POLICE_CHECK_SENT));
        }
        if (!privateLaw && random.nextDouble() < clamp(0.28 + 0.15 * s)) {
            send(c, days.addWorkingDays(day, 3 + random.nextInt(18)), EventType.SAFEGUARDING_CHECK_RECORDED,
                    e -> e.setParticipantId(id).setSafeguardingCheck(SafeguardingCheckType.LA_RISK_INFORMATION_ASSESSED));
        }
    }

    /** A work-to-first-hearing meeting (most cases), a section 7 report when referred, orders now and then. */
    private void privateLawWork(SimCase c, int day, double s) {
        int meeting = days.addWorkingDays(day, 15 + random.nextInt(15));
        boolean referred = false;
        if (due(c, "meeting")) {
            double agreed = clamp(0.673 + 0.15 * s);
            double u = random.nextDouble();
            Agreement agreement = u < agreed * 0.5 ? Agreement.FULL : u < agreed ? Agreement.PARTIAL : Agreement.NONE;
            referred = due(c, "referred");
            boolean toReport = referred;
            send(c, meeting, EventType.HEARING_HELD, e -> e.setHearingType(HearingType.WORK_TO_FIRST_HEARING)
                    .setAgreement(agreement).setReferredForReport(toReport));
        } else {
            referred = due(c, "report-without-meeting");
        }
        if (referred) {
            String reportId = Ids.eventId(c.number, 900).replace("evt-", "rpt-");
            int ordered = meeting;
            // Filed in about 14 weeks, the better areas sooner (seed 000: a sixth of teams under 12).
            double weeks = Math.max(6, 14.2 - 3.0 * s + 2.5 * gaussian());
            int filed = days.addWorkingDays(ordered, (int) Math.round(weeks * 5));
            send(c, ordered, EventType.REPORT_ORDERED, e -> e.setReportId(reportId).setReportType(ReportType.SECTION_7)
                    .setReportDueOn(days.date(ordered).plusWeeks(12)));
            send(c, filed, EventType.REPORT_FILED, e -> e.setReportId(reportId).setReportType(ReportType.SECTION_7));
        }
        if (due(c, "rule-9.5")) {
            send(c, days.addWorkingDays(day, 40 + random.nextInt(60)), EventType.ORDER_MADE,
                    e -> e.setOrderType(OrderType.RULE_9_5));
        }
        if (due(c, "family-assistance")) {
            send(c, days.addWorkingDays(day, 60 + random.nextInt(60)), EventType.ORDER_MADE,
                    e -> e.setOrderType(OrderType.FAMILY_ASSISTANCE));
        }
    }

    /** The analysis and recommendations filed, and its quality audited now and then (seed 000's KPI 4). */
    private void publicLawWork(SimCase c, int day, double s) {
        String reportId = Ids.eventId(c.number, 901).replace("evt-", "rpt-");
        int ordered = days.addWorkingDays(day, 5 + random.nextInt(10));
        int filed = days.addWorkingDays(ordered, 20 + random.nextInt(30));
        send(c, ordered, EventType.REPORT_ORDERED, e -> e.setReportId(reportId)
                .setReportType(ReportType.ANALYSIS_AND_RECOMMENDATIONS));
        send(c, filed, EventType.REPORT_FILED, e -> e.setReportId(reportId)
                .setReportType(ReportType.ANALYSIS_AND_RECOMMENDATIONS));
        if (random.nextDouble() < 0.4 && filed != DayIndex.NEVER) {
            String auditId = reportId.replace("rpt-", "aud-");
            int audited = days.addWorkingDays(filed, 5 + random.nextInt(15));
            send(c, filed, EventType.AUDIT_ASSIGNED, e -> e.setAuditId(auditId).setAuditType(AuditType.REPORT_QUALITY));
            send(c, audited, EventType.AUDIT_COMPLETED, e -> e.setAuditId(auditId).setAuditType(AuditType.REPORT_QUALITY)
                    .setAuditGrade(grade(clamp(0.78 + 0.15 * s), 0.5)));
        }
    }

    /** A case-file audit on some court cases: about a third completed (seed 003: 93 of 266), 91% adequate or better. */
    private void maybeAudit(SimCase c, int day) {
        if (random.nextDouble() >= 0.3) {
            return;
        }
        double s = skill(c);
        String auditId = Ids.eventId(c.number, 902).replace("evt-", "aud-");
        int assigned = days.addWorkingDays(day, 20 + random.nextInt(40));
        send(c, assigned, EventType.AUDIT_ASSIGNED, e -> e.setAuditId(auditId).setAuditType(AuditType.CASE_FILE));
        if (random.nextDouble() < clamp(0.35 + 0.25 * s) && assigned != DayIndex.NEVER) {
            send(c, days.addWorkingDays(assigned, 5 + random.nextInt(25)), EventType.AUDIT_COMPLETED,
                    e -> e.setAuditId(auditId).setAuditType(AuditType.CASE_FILE)
                            .setAuditGrade(grade(clamp(0.91 + 0.08 * s), 0.82)));
        }
    }

    /** Adequate or better with {@code adequate}; of those, good or outstanding with {@code good}. */
    private AuditGrade grade(double adequate, double good) {
        if (random.nextDouble() >= adequate) {
            return AuditGrade.INADEQUATE;
        }
        double u = random.nextDouble();
        return u < good * 0.15 ? AuditGrade.OUTSTANDING : u < good ? AuditGrade.GOOD : AuditGrade.ADEQUATE;
    }

    /** Plans an event of the case on {@code day} (today's is sent at once); none past the history. */
    private void send(SimCase c, int day, EventType type, Consumer<CaseEvent.Builder> fields) {
        if (day < today || day == DayIndex.NEVER || day >= days.days()) {
            return;
        }
        if (day == today) {
            emit(c, day, type, fields);
            return;
        }
        List<Planned> due = planned.get(day);
        if (due == null) {
            due = new ArrayList<>();
            planned.set(day, due);
        }
        due.add(new Planned(c, type, fields, null));
        // The case stays open until its court work is done (World closes it after this day).
        c.courtWorkUntil = Math.max(c.courtWorkUntil, day);
    }

    /** The event, recorded in working hours after the case's previous one (so a referral stays first, a closure last). */
    private void emit(SimCase c, int day, EventType type, Consumer<CaseEvent.Builder> fields) {
        long recordedAt = Math.max(days.startMillis(day) + 9 * HOUR + (long) (random.nextDouble() * 8 * HOUR),
                c.lastRecordedMillis + MINUTE);
        c.lastRecordedMillis = recordedAt;
        CaseEvent.Builder event = CaseEvent.newBuilder()
                .setEventId(Ids.eventId(c.number, ++c.events))
                .setRevision(0)
                .setType(type)
                .setCaseId(c.id)
                .setChildId(c.child.id)
                .setAreaCode(c.area.code)
                .setOccurredOn(days.date(day))
                .setRecordedAt(Instant.ofEpochMilli(recordedAt));
        fields.accept(event);
        output.send(new SimulatedRecord.Good(event.build()), recordedAt, day);
    }

    /**
     * The day's expected referrals of the area (before they are drawn) make the private law court
     * work due: per element, its chance at the history's end (meetings 85%; of the meetings, 21.8%
     * referred for a section 7 report, fewer in the better areas; a report without a meeting in
     * half of the other cases; rule 9.5 and family assistance orders 10% each), moved by its trend.
     */
    void expect(AreaProfile area, int day, double referrals) {
        if (referrals <= 0) {
            return;
        }
        double privateLaw = referrals * (1 - Calibration.ASYLUM_SEEKING) * Calibration.PRIVATE_LAW;
        double meetings = trend(area, day, MEETINGS_CHANGE);
        double section7 = trend(area, day, SECTION_7_CHANGE);
        double s = skill(area.code);
        owe(area, "meeting", privateLaw * clamp(0.85 * meetings));
        owe(area, "referred", privateLaw * clamp(0.85 * meetings) * clamp((0.218 - 0.08 * s) * section7 / meetings));
        owe(area, "report-without-meeting", privateLaw * 0.075 * section7);
        owe(area, "rule-9.5", privateLaw * 0.1 * trend(area, day, RULE_9_5_CHANGE));
        owe(area, "family-assistance", privateLaw * 0.1 * trend(area, day, FAMILY_ASSISTANCE_CHANGE));
    }

    /**
     * How far an element's chance stands from its level at the history's end on {@code day}, so that
     * its volume changes by {@code change} a year while the area's referrals grow by their own rate.
     */
    private double trend(AreaProfile area, int day, double change) {
        double yearsBeforeEnd = (days.days() - 1 - day) / 365.25;
        return Math.pow((1 + change) / (1 + area.growth), -yearsBeforeEnd);
    }

    private void owe(AreaProfile area, String element, double expected) {
        credit.merge(area.code + '|' + element, expected, Double::sum);
    }

    /** Whether the element occurs in this case: one is due in its area. */
    private boolean due(SimCase c, String element) {
        String key = c.area.code + '|' + element;
        double owed = credit.getOrDefault(key, 0.0);
        if (owed < 1) {
            return false;
        }
        credit.put(key, owed - 1);
        return true;
    }

    private double skill(SimCase c) {
        return skill(c.area.code);
    }

    private double skill(String areaCode) {
        return skill.computeIfAbsent(areaCode, code -> 2 * random.nextDouble() - 1);
    }

    private double gaussian() {
        // Sum of uniforms: a bell shape without java.util.Random's state.
        return random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
    }

    private static double clamp(double p) {
        return Math.max(0.02, Math.min(0.99, p));
    }
}
