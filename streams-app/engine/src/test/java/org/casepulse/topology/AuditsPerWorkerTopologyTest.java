package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casepulse.events.AuditGrade;
import org.casepulse.events.AuditType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.TopologyHarness;
import org.casepulse.workforce.PostFilling;
import org.casepulse.workforce.StaffRole;
import org.casepulse.workforce.TeamType;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;
import org.junit.jupiter.api.Test;

/**
 * QA2's audits per worker (COUNTING.md 14.9) through the real topology: the audits from the case
 * events and the staff in post from the workforce topic meet in one figure, at month ends and today.
 */
class AuditsPerWorkerTopologyTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final LocalDate TODAY = LocalDate.parse("2026-03-18");
    private static final String ID = "case-file-audits-per-worker";

    @Test
    void shouldPublishCaseFileAuditsInTheThreeMonthsToTheInstantPerMemberOfStaffInPost() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        CaseEvent referral = aCase.referral("N3", "2025-12-01");
        CaseEvent third = audit(referral, "U3", "2026-03-02", AuditType.CASE_FILE);
        try (TopologyHarness harness = TopologyHarness.asOf(REFERENCE, TODAY, 13)) {
            harness.send(referral,
                    audit(referral, "U1", "2025-12-10", AuditType.CASE_FILE), // in the three months to 28 Feb, not to today
                    audit(referral, "U2", "2026-01-20", AuditType.CASE_FILE),
                    audit(referral, "U4", "2026-02-01", AuditType.REPORT_QUALITY), // not a case-file audit
                    third);
            harness.sendWorkforce(List.of(
                    post("e1", "p-1", PostFilling.PERMANENT, "2026-01-05"),
                    post("e2", "p-2", PostFilling.PERMANENT, "2026-01-05"),
                    post("e3", "p-3", PostFilling.AGENCY, "2026-01-05"), // agency staff are not staff in post (14.4)
                    post("e4", "p-4", PostFilling.PERMANENT, "2026-03-01"))).flush();

            assertThat(counts(harness.figure(ID, "N3", PeriodType.SNAPSHOT, "2026-02-28"))).isEqualTo("2/2 1.0");
            assertThat(counts(harness.figure(ID, "N3", PeriodType.SNAPSHOT, TODAY.toString()))).isEqualTo("2/3 0.7");
            assertThat(counts(harness.figure(ID, "NATIONAL", PeriodType.SNAPSHOT, TODAY.toString()))).isEqualTo("2/3 0.7");

            // The third audit is retracted: today's figure loses it.
            harness.send(aCase.retraction("N3", "2026-03-18", third.getEventId())).flush();
            assertThat(counts(harness.figure(ID, "N3", PeriodType.SNAPSHOT, TODAY.toString()))).isEqualTo("1/3 0.3");
        }
    }

    private static String counts(IndicatorSnapshot figure) {
        assertThat(figure).as("a figure").isNotNull();
        return figure.getNumerator() + "/" + figure.getDenominator() + " " + figure.getValue();
    }

    private static CaseEvent audit(CaseEvent referral, String auditId, String date, AuditType type) {
        return CaseEvent.newBuilder(referral).setEventId("audit-" + auditId).setType(EventType.AUDIT_COMPLETED)
                .setOccurredOn(LocalDate.parse(date)).setRecordedAt(CaseEvents.noon(date))
                .setAuditId(auditId).setAuditType(type).setAuditGrade(AuditGrade.GOOD).build();
    }

    private static WorkforceEvent post(String id, String postId, PostFilling filling, String from) {
        return WorkforceEvent.newBuilder().setEventId(id).setType(WorkforceEventType.POST_RECORDED)
                .setAreaCode("N3").setEffectiveOn(LocalDate.parse(from)).setRecordedAt(Instant.parse(from + "T09:00:00Z"))
                .setPostId(postId).setTeamType(TeamType.ASSESSMENT).setRole(StaffRole.QUALIFIED_SOCIAL_WORKER).setFte(1.0)
                .setFilledBy(filling).setWorkerId("w-" + postId).build();
    }
}
