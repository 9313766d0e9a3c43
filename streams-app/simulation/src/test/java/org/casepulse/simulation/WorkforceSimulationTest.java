package org.casepulse.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.workforce.AbsenceType;
import org.casepulse.workforce.AppraisalRating;
import org.casepulse.workforce.PostFilling;
import org.casepulse.workforce.StaffRole;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;
import org.casepulse.workforce.WorkforceValidator;
import org.junit.jupiter.api.Test;

/** The simulated workforce is valid, deterministic, and near the seeds' figures (printed for the README). */
class WorkforceSimulationTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final LocalDate FROM = LocalDate.parse("2025-04-01");
    private static final LocalDate TO = LocalDate.parse("2026-03-31");

    @Test
    void shouldSimulateAValidWorkforceNearTheSeedsFigures() {
        List<String> areas = AreaHierarchy.defaults().lowest().stream().map(Area::code).toList();
        List<WorkforceEvent> facts = WorkforceSimulation.generate(7, areas, FROM, TO, CALENDAR);

        assertThat(facts).isEqualTo(WorkforceSimulation.generate(7, areas, FROM, TO, CALENDAR));
        assertThat(facts).allSatisfy(fact -> assertThat(WorkforceValidator.validate(fact)).isEmpty());

        // The posts as they stand at the end: the latest version of each.
        Map<String, WorkforceEvent> posts = new HashMap<>();
        facts.stream().filter(f -> f.getType() == WorkforceEventType.POST_RECORDED)
                .forEach(f -> posts.merge(f.getPostId(), f, (a, b) -> b.getEffectiveOn().isBefore(a.getEffectiveOn()) ? a : b));
        double establishment = 0;
        double agency = 0;
        double qualified = 0;
        for (WorkforceEvent post : posts.values()) {
            if (post.getRole() == StaffRole.QUALIFIED_SOCIAL_WORKER || post.getRole() == StaffRole.SOCIAL_WORK_ASSISTANT) {
                establishment += post.getFte();
                agency += post.getFilledBy() == PostFilling.AGENCY ? post.getFte() : 0;
                qualified += post.getFilledBy() == PostFilling.PERMANENT && post.getRole() == StaffRole.QUALIFIED_SOCIAL_WORKER
                        ? post.getFte() : 0;
            }
        }
        long absences = facts.stream().filter(f -> f.getType() == WorkforceEventType.ABSENCE_RECORDED).count();
        long longTerm = facts.stream().filter(f -> f.getAbsenceType() == AbsenceType.LONG_TERM).count();
        System.out.printf("workforce of %d areas at %s: %d facts, caseholding FTE %.1f, agency %.1f%%, permanent QSW %.1f%%,"
                        + " %d absences (%d long-term)%n", areas.size(), TO, facts.size(), establishment,
                100 * agency / establishment, 100 * qualified / establishment, absences, longTerm);
        assertThat(100 * agency / establishment).as("agency share (003: 17.4%)").isBetween(10.0, 25.0);
        assertThat(100 * qualified / establishment).as("permanent QSW share (003: 77%)").isBetween(65.0, 85.0);
        assertThat(longTerm).isPositive().isLessThan(absences);
    }

    @Test
    void shouldMakeAboutOneInElevenPermanentSocialWorkersNewlyQualifiedThroughTheYear() {
        List<String> areas = AreaHierarchy.defaults().lowest().stream().map(Area::code).toList();
        List<WorkforceEvent> facts = WorkforceSimulation.generate(7, areas, FROM, TO, CALENDAR);
        Map<String, LocalDate> qualified = new HashMap<>();
        facts.stream().filter(f -> f.getType() == WorkforceEventType.QUALIFICATION_RECORDED)
                .forEach(f -> qualified.put(f.getWorkerId(), f.getEffectiveOn()));

        StringBuilder printed = new StringBuilder();
        for (LocalDate t : List.of(FROM, FROM.plusMonths(6), TO)) {
            // Permanent qualified social workers in post at T: the version of each post in force at T.
            Map<String, WorkforceEvent> inForce = new HashMap<>();
            facts.stream().filter(f -> f.getType() == WorkforceEventType.POST_RECORDED && !f.getEffectiveOn().isAfter(t))
                    .forEach(f -> inForce.merge(f.getPostId(), f, (a, b) -> b.getEffectiveOn().isBefore(a.getEffectiveOn()) ? a : b));
            List<String> staff = inForce.values().stream().filter(p -> p.getFilledBy() == PostFilling.PERMANENT
                    && p.getRole() == StaffRole.QUALIFIED_SOCIAL_WORKER).map(WorkforceEvent::getWorkerId).toList();
            long newlyQualified = staff.stream().filter(w -> qualified.containsKey(w) && !qualified.get(w).isAfter(t)
                    && t.isBefore(qualified.get(w).plusMonths(12))).count();
            double share = 100.0 * newlyQualified / staff.size();
            printed.append(String.format(" %s %d of %d (%.1f%%);", t, newlyQualified, staff.size(), share));
            assertThat(share).as("newly qualified share of permanent QSWs at " + t).isBetween(6.0, 13.0);
        }
        System.out.println("newly qualified permanent social workers:" + printed);
        assertThat(facts).filteredOn(f -> f.getType() == WorkforceEventType.QUALIFICATION_RECORDED)
                .allSatisfy(f -> assertThat(WorkforceValidator.validate(f)).isEmpty());
        // Their first year has its own review: without it nq-staff-appraised-12m read 0 in the demo.
        long reviewedInFirstYear = facts.stream().filter(f -> f.getType() == WorkforceEventType.APPRAISAL_COMPLETED
                && qualified.containsKey(f.getWorkerId()) && !f.getEffectiveOn().isBefore(qualified.get(f.getWorkerId()))
                && f.getEffectiveOn().isBefore(qualified.get(f.getWorkerId()).plusMonths(12))).count();
        System.out.println("appraisals in the first year after qualifying: " + reviewedInFirstYear + " of "
                + qualified.size() + " newly qualified workers");
        assertThat(reviewedInFirstYear).as("17 of 60 before the review was simulated").isGreaterThan(qualified.size() * 2L / 5);
    }

    @Test
    void shouldRateAboutThreeQuartersOfAppraisalsGoodOrOutstanding() {
        List<String> areas = AreaHierarchy.defaults().lowest().stream().map(Area::code).toList();
        List<WorkforceEvent> appraisals = WorkforceSimulation.generate(7, areas, FROM, TO, CALENDAR).stream()
                .filter(f -> f.getType() == WorkforceEventType.APPRAISAL_COMPLETED).toList();
        Map<AppraisalRating, Long> byRating = new java.util.EnumMap<>(AppraisalRating.class);
        appraisals.stream().filter(f -> f.getAppraisalRating() != null).forEach(f -> byRating.merge(f.getAppraisalRating(), 1L, Long::sum));
        long rated = byRating.values().stream().mapToLong(Long::longValue).sum();
        double good = 100.0 * (byRating.getOrDefault(AppraisalRating.OUTSTANDING, 0L) + byRating.getOrDefault(AppraisalRating.GOOD, 0L)) / rated;
        System.out.printf("appraisals: %d, %d rated %s, good or outstanding %.1f%% of the rated%n", appraisals.size(), rated, byRating, good);

        assertThat(good).as("good or outstanding (001's CFAs: 75%)").isBetween(70.0, 80.0);
        assertThat(byRating).containsOnlyKeys(AppraisalRating.values());
        assertThat(rated).isLessThan(appraisals.size());
    }
}
