package org.casepulse.indicators.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.workforce.PostFilling;
import org.casepulse.workforce.StaffRole;
import org.casepulse.workforce.TeamType;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;
import org.junit.jupiter.api.Test;

/** COUNTING.md 14.2-14.3 by hand, on the default catalogue's posts entries. */
class PostFactsTest {

    private static final PostFacts FACTS = new PostFacts(IndicatorCatalogue.defaults());

    @Test
    void shouldAddTheWeightOfEachVersionFromItsDateToTheNextOne() {
        // A 0.81 FTE social work post, vacant from 5 January, filled by agency staff from 16 February,
        // moved to another team on 1 April, disestablished on 1 June.
        List<WorkforceEvent> post = List.of(
                version("v1", "2026-01-05", "N3", StaffRole.QUALIFIED_SOCIAL_WORKER, 0.81, PostFilling.VACANT),
                version("v2", "2026-02-16", "N3", StaffRole.QUALIFIED_SOCIAL_WORKER, 0.81, PostFilling.AGENCY),
                version("v3", "2026-04-01", "N1", StaffRole.QUALIFIED_SOCIAL_WORKER, 0.81, PostFilling.AGENCY),
                disestablished("v4", "2026-06-01"));

        List<Fact> agency = of(FACTS.compute(post), "posts-filled-by-agency");
        assertThat(agency).extracting(f -> f.areaCode() + " " + f.bucket() + " " + f.numerator() + "/" + f.denominator())
                .containsExactlyInAnyOrder(
                        "N3 2026-01-05 0/81", "N3 2026-02-16 81/0", "N3 2026-04-01 -81/-81",
                        "N1 2026-04-01 81/81", "N1 2026-06-01 -81/-81");
        List<Fact> vacant = of(FACTS.compute(post), "social-work-posts-vacant");
        assertThat(vacant).extracting(f -> f.areaCode() + " " + f.bucket() + " " + f.numerator() + "/" + f.denominator())
                .containsExactlyInAnyOrder("N3 2026-01-05 1/1", "N3 2026-02-16 -1/0", "N3 2026-04-01 0/-1",
                        "N1 2026-04-01 0/1", "N1 2026-06-01 0/-1");
        assertThat(of(FACTS.compute(post), "manager-posts-vacant")).isEmpty();
    }

    @Test
    void shouldLetTheLastVersionOfADayWinAndCountPermanentQualifiedStaffOnly() {
        List<WorkforceEvent> post = List.of(
                version("a", "2026-01-05", "N3", StaffRole.SOCIAL_WORK_ASSISTANT, 1.0, PostFilling.PERMANENT),
                version("b", "2026-01-05", "N3", StaffRole.QUALIFIED_SOCIAL_WORKER, 0.5, PostFilling.PERMANENT));
        List<Fact> qualified = of(FACTS.compute(post), "posts-filled-by-qualified-social-workers");
        assertThat(qualified).extracting(f -> f.bucket() + " " + f.numerator() + "/" + f.denominator())
                .containsExactly("2026-01-05 50/50");
        List<WorkforceEvent> assistant = List.of(
                version("a", "2026-01-05", "N3", StaffRole.SOCIAL_WORK_ASSISTANT, 1.0, PostFilling.PERMANENT));
        assertThat(of(FACTS.compute(assistant), "posts-filled-by-qualified-social-workers"))
                .extracting(f -> f.numerator() + "/" + f.denominator()).containsExactly("0/100");
    }

    private static List<Fact> of(Facts facts, String indicatorId) {
        List<Fact> list = new ArrayList<>();
        for (Fact fact : facts.toList()) {
            if (fact.indicatorId().equals(indicatorId)) {
                list.add(fact);
            }
        }
        return list;
    }

    static WorkforceEvent version(String id, String date, String area, StaffRole role, double fte, PostFilling filling) {
        return WorkforceEvent.newBuilder().setEventId(id).setType(WorkforceEventType.POST_RECORDED).setAreaCode(area)
                .setEffectiveOn(LocalDate.parse(date)).setRecordedAt(Instant.parse(date + "T09:00:00Z"))
                .setPostId("p-1").setTeamType(TeamType.ASSESSMENT).setRole(role).setFte(fte).setFilledBy(filling)
                .setWorkerId(filling == PostFilling.VACANT ? null : "w-1").build();
    }

    static WorkforceEvent disestablished(String id, String date) {
        return WorkforceEvent.newBuilder().setEventId(id).setType(WorkforceEventType.POST_DISESTABLISHED).setAreaCode("N1")
                .setEffectiveOn(LocalDate.parse(date)).setRecordedAt(Instant.parse(date + "T09:00:00Z")).setPostId("p-1").build();
    }
}
