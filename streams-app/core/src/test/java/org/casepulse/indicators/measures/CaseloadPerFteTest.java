package org.casepulse.indicators.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.workforce.PostFacts;
import org.casepulse.reference.ReferenceData;
import org.casepulse.testing.CaseEvents;
import org.casepulse.workforce.PostFilling;
import org.casepulse.workforce.StaffRole;
import org.casepulse.workforce.TeamType;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;
import org.junit.jupiter.api.Test;

/**
 * COUNTING.md 14.8 by hand, on the default catalogue's caseload-per-fte entries: the case side
 * (numerators, by the case's stage), the post side (denominators, FTE in hundredths) and the value
 * of the two added up, as the series adds them.
 */
class CaseloadPerFteTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final IndicatorCatalogue CATALOGUE = REFERENCE.catalogue();
    private final CaseFacts caseFacts = new CaseFacts(CATALOGUE, REFERENCE.calendar());
    private final PostFacts postFacts = new PostFacts(CATALOGUE);
    private final CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");

    @Test
    void shouldMoveAnAllocatedCaseFromTeamToTeamAsItsStageChanges() {
        // Referred 1 Mar, allocated 4 Mar (front door: not assessed), assessment started 6 Mar,
        // CP plan 12 Mar (safeguarding), in care 20 Mar (a CLA plan beside the CP plan: children in
        // care wins), the CLA plan ends 25 Mar (back to the CP plan), closed 28 Mar.
        Facts facts = caseFacts.compute(CaseHistory.of(List.of(
                aCase.referral("N1", "2024-03-01"),
                aCase.allocation("N1", "2024-03-04", "w1"),
                aCase.assessmentStarted("N1", "2024-03-06", "a1"),
                aCase.planStarted("N1", "2024-03-12", "p1", PlanType.CP),
                aCase.planStarted("N1", "2024-03-20", "p2", PlanType.CLA),
                aCase.planEnded("N1", "2024-03-25", "p2", PlanType.CLA),
                aCase.closed("N1", "2024-03-28"))));

        assertThat(of(facts, "caseload-per-fte-front-door")).containsExactly(
                "N1 2024-03-04 1/0", "N1 2024-03-06 -1/0");
        assertThat(of(facts, "caseload-per-fte-assessment")).containsExactly(
                "N1 2024-03-06 1/0", "N1 2024-03-12 -1/0");
        assertThat(of(facts, "caseload-per-fte-safeguarding")).containsExactly(
                "N1 2024-03-12 1/0", "N1 2024-03-20 -1/0", "N1 2024-03-25 1/0", "N1 2024-03-28 -1/0");
        assertThat(of(facts, "caseload-per-fte-children-in-care")).containsExactly(
                "N1 2024-03-20 1/0", "N1 2024-03-25 -1/0");
        // Other teams: every team type but children in care, so the case leaves only while in care.
        assertThat(of(facts, "caseload-per-fte-other-teams")).containsExactly(
                "N1 2024-03-04 1/0", "N1 2024-03-20 -1/0", "N1 2024-03-25 1/0", "N1 2024-03-28 -1/0");
    }

    @Test
    void shouldCountNoCaseBeforeItsAllocation() {
        Facts facts = caseFacts.compute(CaseHistory.of(List.of(
                aCase.referral("N1", "2024-03-01"),
                aCase.planStarted("N1", "2024-03-05", "p1", PlanType.CLA),
                aCase.allocation("N1", "2024-03-07", "w1"))));

        assertThat(of(facts, "caseload-per-fte-children-in-care")).containsExactly("N1 2024-03-07 1/0");
        assertThat(of(facts, "caseload-per-fte-front-door")).isEmpty();
    }

    @Test
    void shouldCountTheFteOfFilledQualifiedPostsOfTheTeamTypeAsTheDenominator() {
        // A 0.8 FTE children in care post: vacant from 5 Jan, agency from 16 Feb, permanent from 1 Apr.
        List<WorkforceEvent> cicPost = List.of(
                post("c1", "2026-01-05", TeamType.CHILDREN_IN_CARE, StaffRole.QUALIFIED_SOCIAL_WORKER, 0.8, PostFilling.VACANT),
                post("c2", "2026-02-16", TeamType.CHILDREN_IN_CARE, StaffRole.QUALIFIED_SOCIAL_WORKER, 0.8, PostFilling.AGENCY),
                post("c3", "2026-04-01", TeamType.CHILDREN_IN_CARE, StaffRole.QUALIFIED_SOCIAL_WORKER, 0.8, PostFilling.PERMANENT));
        Facts facts = postFacts.compute(cicPost);

        // Vacant: holds no cases, so no FTE; agency and permanent staff both hold cases (the change
        // of filling on 1 April takes 80 off and puts 80 back: nothing).
        assertThat(of(facts, "caseload-per-fte-children-in-care")).containsExactly("N1 2026-02-16 0/80");
        assertThat(of(facts, "caseload-per-fte-other-teams")).isEmpty();
        // A social work assistant's post and a manager's post of a front door team are not qualified social workers.
        assertThat(of(postFacts.compute(List.of(post("f1", "2026-01-05", TeamType.FRONT_DOOR,
                StaffRole.SOCIAL_WORK_ASSISTANT, 1.0, PostFilling.PERMANENT))), "caseload-per-fte-front-door")).isEmpty();
        assertThat(of(postFacts.compute(List.of(post("f2", "2026-01-05", TeamType.FRONT_DOOR,
                StaffRole.MANAGER, 1.0, PostFilling.PERMANENT))), "caseload-per-fte-other-teams")).isEmpty();
        assertThat(of(postFacts.compute(List.of(post("f3", "2026-01-05", TeamType.OTHER,
                StaffRole.QUALIFIED_SOCIAL_WORKER, 0.5, PostFilling.PERMANENT))), "caseload-per-fte-other-teams"))
                .containsExactly("N1 2026-01-05 0/50");
    }

    @Test
    void shouldValueCasesOverFteInHundredthsAsCasesPerFte() {
        IndicatorDefinition cic = CATALOGUE.find("caseload-per-fte-children-in-care").orElseThrow();
        IndicatorDefinition other = CATALOGUE.find("caseload-per-fte-other-teams").orElseThrow();

        // Seed 003: 1,335 cases over 85.3 FTE is 15.65..., 15.7 (amber against 15.0 with tolerance 2);
        // 5,121 over 246.7 is 20.75..., 20.8.
        assertThat(cic.value(1335, 8530L)).isEqualByComparingTo("15.7");
        assertThat(other.value(5121, 24670L)).isEqualByComparingTo("20.8");
        assertThat(cic.value(3, 0L)).isNull();
    }

    private static List<String> of(Facts facts, String indicatorId) {
        List<String> list = new ArrayList<>();
        for (Fact fact : facts.toList()) {
            if (fact.indicatorId().equals(indicatorId) && !fact.isHolding()) {
                list.add(fact.areaCode() + " " + fact.bucket() + " " + fact.numerator() + "/" + fact.denominator());
            }
        }
        return list;
    }

    private static WorkforceEvent post(String id, String date, TeamType team, StaffRole role, double fte, PostFilling filling) {
        return WorkforceEvent.newBuilder().setEventId(id).setType(WorkforceEventType.POST_RECORDED).setAreaCode("N1")
                .setEffectiveOn(LocalDate.parse(date)).setRecordedAt(Instant.parse(date + "T09:00:00Z"))
                .setPostId("p-" + id.charAt(0)).setTeamType(team).setRole(role).setFte(fte).setFilledBy(filling)
                .setWorkerId(filling == PostFilling.VACANT ? null : "w-1").build();
    }
}
