package org.casepulse.oracle;

import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.ReferenceData;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.junit.jupiter.api.Test;

class RandomHistoriesTest {
    private static final LocalDate TODAY = LocalDate.parse("2025-11-14");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();

    @Test
    void shouldGenerateTheSameHistoryFromTheSameSeed() {
        assertThat(RandomHistories.generate(7, 40, TODAY)).isEqualTo(RandomHistories.generate(7, 40, TODAY));
        assertThat(RandomHistories.generate(7, 40, TODAY)).isNotEqualTo(RandomHistories.generate(8, 40, TODAY));
    }

    @Test
    void shouldGenerateOnlyEventsValidOnTheirOwnInKnownLowestAreasAndCoveredDatesUpToToday() {
        Set<String> lowest = AreaHierarchy.defaults().lowest().stream().map(Area::code).collect(Collectors.toSet());
        for (long seed = 1; seed <= 10; seed++) {
            for (CaseEvent event : RandomHistories.generate(seed, 60, TODAY)) {
                assertThat(problems(event)).as("%s", event).isEmpty();
                assertThat(lowest).contains(event.getAreaCode());
                assertThat(CALENDAR.covers(event.getOccurredOn())).isTrue();
                assertThat(event.getOccurredOn()).isBeforeOrEqualTo(TODAY);
            }
        }
    }

    @Test
    void shouldKeepTheIdentityOfAnEventWithinItsCaseAndMoveCasesBetweenChildrenOnlyByTheReferral() {
        // An amendment, duplicate or retraction never moves an event to another case; only a
        // referral's amendment names another child (so the child ledgers see a case move).
        Map<List<String>, String> childOfEvent = new HashMap<>();
        int childChanges = 0;
        for (CaseEvent event : RandomHistories.generate(3, 200, TODAY)) {
            String child = childOfEvent.putIfAbsent(List.of(event.getCaseId(), event.getEventId()), event.getChildId());
            if (child != null && !child.equals(event.getChildId())) {
                assertThat(event.getType()).as("%s", event).isEqualTo(org.casepulse.events.EventType.REFERRAL_RECEIVED);
                childChanges++;
            }
        }
        assertThat(childChanges).isPositive();
    }

    @Test
    void shouldGenerateTheAdversarialCasesTheDifferentialTestNeeds() {
        Features features = Features.of(RandomHistories.generate(1, 200, TODAY));

        assertThat(features.amendments).isPositive();
        assertThat(features.exactDuplicates).isPositive();
        assertThat(features.sameRevisionVariants).isPositive();
        assertThat(features.lowerRevisionsArrivingLate).isPositive();
        assertThat(features.retractionsBeforeTheirTarget).isPositive();
        assertThat(features.retractionsOfRetractions).isPositive();
        assertThat(features.weekendDates).isPositive();
        assertThat(features.bankHolidayDates).isPositive();
        assertThat(features.allocationsBeforeReferral).isPositive();
        assertThat(features.plansEndedBeforeStart).isPositive();
        assertThat(features.childrenWithSeveralCases).isPositive();
        assertThat(features.casesInSeveralAreas).isPositive();
    }

    @Test
    void shouldGiveEveryIndicatorFiguresWithNonZeroNumerators() {
        // A few histories together: some rows (children in care under 1, adoptions within 21 months of
        // care) are rare enough that one small history may miss them.
        List<ExpectedFigure> figures = new ArrayList<>();
        for (long seed = 11; seed <= 15; seed++) {
            figures.addAll(ReferenceComputation.compute(RandomHistories.generate(seed, 150, TODAY),
                    RandomWorkforce.generate(seed, 25, TODAY), ReferenceData.defaults(), TODAY, 13).values());
        }

        for (IndicatorDefinition indicator : IndicatorCatalogue.defaults().all()) {
            assertThat(figures)
                    .as(indicator.id())
                    .anyMatch(figure -> figure.indicatorId().equals(indicator.id()) && figure.numerator() > 0);
        }
    }

    /** What a per-event validator checks: the fields each type requires. */
    private static List<String> problems(CaseEvent e) {
        List<String> problems = new ArrayList<>();
        if (e.getEventId() == null || e.getCaseId() == null || e.getChildId() == null || e.getAreaCode() == null
                || e.getOccurredOn() == null || e.getRecordedAt() == null || e.getRevision() < 0) {
            problems.add("a common field is missing");
        }
        switch (e.getType()) {
            case ASSESSMENT_STARTED -> require(problems, e.getAssessmentId() != null, "assessmentId");
            case ASSESSMENT_COMPLETED -> {
                require(problems, e.getAssessmentId() != null, "assessmentId");
                require(problems, e.getChildSeen() != null, "childSeen");
            }
            case ALLOCATION_MADE -> require(problems, e.getWorkerId() != null, "workerId");
            case PLAN_STARTED, PLAN_ENDED -> {
                require(problems, e.getPlanId() != null, "planId");
                require(problems, e.getPlanType() != null, "planType");
            }
            case EVENT_RETRACTED -> require(problems,
                    e.getRetractsEventId() != null && !e.getRetractsEventId().equals(e.getEventId()),
                    "retractsEventId, not the event's own id");
            default -> { }
        }
        return problems;
    }

    private static void require(List<String> problems, boolean present, String field) {
        if (!present) {
            problems.add(field + " is required");
        }
    }

    /** Counts of the nasty things in one history, in arrival order. */
    private record Features(int amendments, int exactDuplicates, int sameRevisionVariants,
                            int lowerRevisionsArrivingLate, int retractionsBeforeTheirTarget,
                            int retractionsOfRetractions, int weekendDates, int bankHolidayDates,
                            int allocationsBeforeReferral, int plansEndedBeforeStart, int childrenWithSeveralCases,
                            int casesInSeveralAreas) {

        static Features of(List<CaseEvent> arrivals) {
            int amendments = 0;
            int exactDuplicates = 0;
            int sameRevisionVariants = 0;
            int lowerLate = 0;
            int retractionsFirst = 0;
            int retractionsOfRetractions = 0;
            int weekends = 0;
            int bankHolidays = 0;
            Map<List<String>, CaseEvent> seen = new HashMap<>();
            Set<List<String>> retractionIds = new HashSet<>();
            Set<List<String>> retractedBeforeArrival = new HashSet<>();
            for (CaseEvent event : arrivals) {
                List<String> id = List.of(event.getCaseId(), event.getEventId());
                CaseEvent held = seen.get(id);
                if (held != null) {
                    if (event.equals(held)) {
                        exactDuplicates++;
                    } else if (event.getRevision() == held.getRevision()) {
                        sameRevisionVariants++;
                    } else if (event.getRevision() < held.getRevision()) {
                        lowerLate++;
                    } else {
                        amendments++;
                    }
                } else if (retractedBeforeArrival.contains(id)) {
                    retractionsFirst++;
                }
                if (held == null || event.getRevision() > held.getRevision()) {
                    seen.put(id, event);
                }
                if (event.getType() == EventType.EVENT_RETRACTED) {
                    retractionIds.add(id);
                    List<String> target = List.of(event.getCaseId(), event.getRetractsEventId());
                    if (retractionIds.contains(target)) {
                        retractionsOfRetractions++;
                    }
                    if (!seen.containsKey(target)) {
                        retractedBeforeArrival.add(target);
                    }
                }
                LocalDate date = event.getOccurredOn();
                if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weekends++;
                } else if (!CALENDAR.isWorkingDay(date)) {
                    bankHolidays++;
                }
            }
            return new Features(amendments, exactDuplicates, sameRevisionVariants, lowerLate, retractionsFirst,
                    retractionsOfRetractions, weekends, bankHolidays, allocationsBeforeReferral(arrivals),
                    plansEndedBeforeStart(arrivals), childrenWithSeveralCases(arrivals), casesInSeveralAreas(arrivals));
        }

        private static int allocationsBeforeReferral(List<CaseEvent> arrivals) {
            Map<String, LocalDate> referrals = new HashMap<>();
            arrivals.stream().filter(e -> e.getType() == EventType.REFERRAL_RECEIVED)
                    .forEach(e -> referrals.merge(e.getCaseId(), e.getOccurredOn(), (a, b) -> a.isBefore(b) ? a : b));
            return (int) arrivals.stream()
                    .filter(e -> e.getType() == EventType.ALLOCATION_MADE && referrals.containsKey(e.getCaseId())
                            && e.getOccurredOn().isBefore(referrals.get(e.getCaseId())))
                    .count();
        }

        private static int plansEndedBeforeStart(List<CaseEvent> arrivals) {
            Map<List<String>, LocalDate> starts = new HashMap<>();
            arrivals.stream().filter(e -> e.getType() == EventType.PLAN_STARTED)
                    .forEach(e -> starts.put(List.of(e.getCaseId(), e.getPlanId()), e.getOccurredOn()));
            return (int) arrivals.stream()
                    .filter(e -> e.getType() == EventType.PLAN_ENDED)
                    .filter(e -> {
                        LocalDate start = starts.get(List.of(e.getCaseId(), e.getPlanId()));
                        return start != null && e.getOccurredOn().isBefore(start);
                    })
                    .count();
        }

        private static int childrenWithSeveralCases(List<CaseEvent> arrivals) {
            return (int) arrivals.stream()
                    .collect(Collectors.groupingBy(CaseEvent::getChildId,
                            Collectors.mapping(CaseEvent::getCaseId, Collectors.toSet())))
                    .values().stream().filter(cases -> cases.size() > 1).count();
        }

        private static int casesInSeveralAreas(List<CaseEvent> arrivals) {
            return (int) arrivals.stream()
                    .collect(Collectors.groupingBy(CaseEvent::getCaseId,
                            Collectors.mapping(CaseEvent::getAreaCode, Collectors.toSet())))
                    .values().stream().filter(areas -> areas.size() > 1).count();
        }
    }
}
