package org.casepulse.indicators.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.events.AuditGrade;
import org.casepulse.events.AuditType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.workforce.StaffFacts;
import org.casepulse.reference.ReferenceData;
import org.casepulse.testing.CaseEvents;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;
import org.junit.jupiter.api.Test;

/**
 * COUNTING.md 14.9 by hand, on the default catalogue's case-file-audits-per-worker: the case side
 * (audits completed in the three months to T), the staff side (staff in post at T) and the value.
 */
class AuditsPerWorkerTest {

    private static final String ID = "case-file-audits-per-worker";
    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final IndicatorCatalogue CATALOGUE = REFERENCE.catalogue();
    private final CaseFacts caseFacts = new CaseFacts(CATALOGUE, REFERENCE.calendar());
    private final StaffFacts staffFacts = new StaffFacts(CATALOGUE, REFERENCE.calendar());
    private final CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");

    @Test
    void shouldCountEachCaseFileAuditForThreeMonthsFromItsCompletionAtItsArea() {
        CaseEvent referral = aCase.referral("N1", "2019-06-03");
        Facts facts = caseFacts.compute(CaseHistory.of(List.of(referral,
                audit(referral, "U1", "N1", "2019-07-15", AuditType.CASE_FILE),
                // a later completion of the same audit: only the earliest counts (COUNTING.md 13)
                audit(referral, "U1", "N1", "2019-09-02", AuditType.CASE_FILE),
                // a report-quality audit is not a case-file audit
                audit(referral, "U2", "N1", "2019-08-01", AuditType.REPORT_QUALITY),
                // placed by its own area; 30 November is in the three months to 29 February
                audit(referral, "U3", "N3", "2019-11-30", AuditType.CASE_FILE))));

        assertThat(of(facts)).containsExactlyInAnyOrder(
                "N1 2019-07-15 1/0", "N1 2019-10-15 -1/0",
                "N3 2019-11-30 1/0", "N3 2020-03-01 -1/0");
    }

    @Test
    void shouldFollowAnAmendedCompletionDateAndDropARetractedAudit() {
        CaseEvent referral = aCase.referral("N1", "2019-06-03");
        CaseEvent completed = audit(referral, "U1", "N1", "2019-07-15", AuditType.CASE_FILE);
        CaseEvent amended = CaseEvents.amend(completed).setOccurredOn(LocalDate.parse("2019-08-20")).build();

        assertThat(of(caseFacts.compute(effective(referral, completed, amended))))
                .containsExactlyInAnyOrder("N1 2019-08-20 1/0", "N1 2019-11-20 -1/0");
        assertThat(of(caseFacts.compute(effective(referral, completed,
                aCase.retraction("N1", "2019-07-16", completed.getEventId()))))).isEmpty();
    }

    /** The history of the effective events, as the case ledger admits them (amendments, retractions). */
    private static CaseHistory effective(CaseEvent... events) {
        CaseLedger ledger = CaseLedger.empty();
        for (CaseEvent event : events) {
            ledger.admit(event);
        }
        return CaseHistory.of(ledger.effectiveEvents());
    }

    @Test
    void shouldCountEachMemberOfStaffInPostOnceAsTheDenominator() {
        // In two posts from 3 March: counted once, at the post with the smallest id; out of post from 2 June.
        List<StaffFacts.Span> spans = List.of(
                new StaffFacts.Span("p-2", LocalDate.parse("2025-01-06"), LocalDate.parse("2025-06-02"), "N3", 50),
                new StaffFacts.Span("p-1", LocalDate.parse("2025-03-03"), LocalDate.parse("2025-06-02"), "N1", 50));
        // an appraisal is the worker's own fact: it moves nothing here
        Facts facts = staffFacts.compute(spans, List.of(WorkforceEvent.newBuilder().setEventId("a1")
                .setType(WorkforceEventType.APPRAISAL_COMPLETED).setAreaCode("N3")
                .setEffectiveOn(LocalDate.parse("2025-02-10")).setRecordedAt(Instant.parse("2025-02-10T09:00:00Z"))
                .setWorkerId("w-1").build()));

        assertThat(of(facts)).containsExactlyInAnyOrder(
                "N3 2025-01-06 0/1", "N3 2025-03-03 0/-1", "N1 2025-03-03 0/1", "N1 2025-06-02 0/-1");
    }

    @Test
    void shouldValueAuditsOverStaffAsAuditsPerWorker() {
        IndicatorDefinition indicator = CATALOGUE.find(ID).orElseThrow();

        // Seed 001: 2,042 case-file audits in July to September 2019 for 1,036 staff, "an average of 2.0".
        assertThat(indicator.value(2042, 1036L)).isEqualByComparingTo("2.0");
        assertThat(indicator.value(3, 0L)).isNull();
        assertThat(indicator.parameters().within()).isEqualTo(java.time.Period.ofMonths(3));
        assertThat(AuditsInWindow.leaves(LocalDate.parse("2019-11-30"), java.time.Period.ofMonths(3)))
                .isEqualTo("2020-03-01");
        assertThat(AuditsInWindow.leaves(LocalDate.parse("2019-07-01"), java.time.Period.ofMonths(3)))
                .isEqualTo("2019-10-01");
    }

    private static CaseEvent audit(CaseEvent referral, String auditId, String area, String date, AuditType type) {
        return CaseEvent.newBuilder(referral).setEventId("evt-" + auditId + "-" + date).setType(EventType.AUDIT_COMPLETED)
                .setAreaCode(area).setOccurredOn(LocalDate.parse(date)).setRecordedAt(CaseEvents.noon(date))
                .setAuditId(auditId).setAuditType(type).setAuditGrade(AuditGrade.GOOD).build();
    }

    private static List<String> of(Facts facts) {
        List<String> list = new ArrayList<>();
        for (Fact fact : facts.toList()) {
            if (fact.indicatorId().equals(ID) && !fact.isHolding()) {
                list.add(fact.areaCode() + " " + fact.bucket() + " " + fact.numerator() + "/" + fact.denominator());
            }
        }
        return list;
    }
}
