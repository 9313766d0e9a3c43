package org.casepulse.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepulse.calendar.CalendarGapException;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.ConferenceType;
import org.casepulse.events.EventType;
import org.casepulse.events.EventValidator;
import org.casepulse.events.PlacementType;
import org.casepulse.events.VisitType;
import org.casepulse.reference.AreaHierarchy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final AreaHierarchy AREAS = AreaHierarchy.defaults();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-06-30");
    private static final SimulationSettings SETTINGS = SimulationSettings.defaults(TO).withPeriod(FROM, TO)
            .withSeed(3).withReferralsPerWorkingDay(80);

    private static List<CaseEvent> events;

    @BeforeAll
    static void simulate() {
        events = new Simulation(SETTINGS, AREAS, CALENDAR).events().toList();
    }

    @Test
    void shouldGiveTheSameBytesForTheSameSettings() {
        SimulationSettings faulty = SETTINGS.withPeriod(FROM, FROM.plusMonths(2))
                .withFaults(new FaultRates(0.02, 0.02, 0.02, 0.02, 0.02));

        byte[] first = jsonl(new Simulation(faulty, AREAS, CALENDAR));
        byte[] second = jsonl(new Simulation(faulty, AREAS, CALENDAR));
        byte[] otherSeed = jsonl(new Simulation(faulty.withSeed(4), AREAS, CALENDAR));

        assertThat(first).hasSizeGreaterThan(1_000_000).isEqualTo(second);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void shouldSendValidEventsOfLowestAreasInRecordedOrderWithinTheHistory() {
        assertThat(events).hasSizeGreaterThan(40_000);
        long end = TO.plusDays(1).atStartOfDay(LONDON).toInstant().toEpochMilli();
        for (int i = 0; i < events.size(); i++) {
            CaseEvent event = events.get(i);
            assertThat(EventValidator.validate(event)).as("violations of %s", event).isEmpty();
            assertThat(AREAS.isLowest(event.getAreaCode())).as("area of %s", event).isTrue();
            assertThat(event.getOccurredOn()).isBeforeOrEqualTo(TO);
            long recorded = event.getRecordedAt().toEpochMilli();
            if (event.getOccurredOn().isBefore(FROM)) {
                // The opening caseload: open cases' earlier events, migrated on the first day.
                assertThat(event.getRecordedAt().atZone(LONDON).toLocalDate()).isEqualTo(FROM);
            }
            assertThat(recorded).isBetween(event.getOccurredOn().atStartOfDay(LONDON).toInstant().toEpochMilli(), end);
            if (i > 0) {
                assertThat(event.getRecordedAt()).isAfterOrEqualTo(events.get(i - 1).getRecordedAt());
            }
        }
    }

    @Test
    void shouldNameThingsLikeACaseManagementSystem() {
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getCaseId()).matches("case-\\d{6}");
            assertThat(event.getChildId()).matches("child-\\d{6}");
            assertThat(event.getEventId()).matches("evt-\\d{6}-\\d{3}").startsWith("evt-" + event.getCaseId().substring(5));
            assertThat(event.getRevision()).isZero();
        });
        assertThat(events.stream().map(CaseEvent::getEventId).distinct().count()).isEqualTo(events.size());
        assertThat(events.stream().filter(e -> e.getType() == EventType.ALLOCATION_MADE))
                .allSatisfy(e -> assertThat(e.getWorkerId()).matches("worker-\\d{4}"));
        assertThat(events.stream().filter(e -> e.getType() == EventType.REFERRAL_RECEIVED).map(CaseEvent::getCaseType))
                .containsOnly("S17", "S47", "S31", "PRIVATE_LAW", "PRIVATE_FOSTERING", "EARLY_HELP", "ADOPTION")
                // S31 and ADOPTION are of the catalogue's public-law set: the public-law rows (KPI 2,
                // backlog) and the adoption demand row (RF6) have cases.
                .contains("S31", "ADOPTION");
    }

    @Test
    void shouldOpenEachCaseWithOneReferralAndKeepItsStepsInOrder() {
        Map<String, List<CaseEvent>> byCase = events.stream().collect(Collectors.groupingBy(CaseEvent::getCaseId));
        assertThat(byCase.values()).allSatisfy(caseEvents -> {
            List<CaseEvent> ordered = caseEvents.stream()
                    .sorted(Comparator.comparing(CaseEvent::getOccurredOn).thenComparing(CaseEvent::getRecordedAt))
                    .toList();
            assertThat(ordered.get(0).getType()).isEqualTo(EventType.REFERRAL_RECEIVED);
            assertThat(ordered).filteredOn(e -> e.getType() == EventType.REFERRAL_RECEIVED).hasSize(1);
            assertThat(ordered).filteredOn(e -> e.getType() == EventType.CASE_CLOSED).hasSizeLessThanOrEqualTo(1);
            if (ordered.get(ordered.size() - 1).getType() != EventType.CASE_CLOSED) {
                assertThat(ordered).noneMatch(e -> e.getType() == EventType.CASE_CLOSED);
            }
            Map<String, LocalDate> starts = new HashMap<>();
            for (CaseEvent e : ordered) {
                switch (e.getType()) {
                    case ASSESSMENT_STARTED -> starts.put(e.getAssessmentId(), e.getOccurredOn());
                    case PLAN_STARTED -> starts.put(e.getPlanId(), e.getOccurredOn());
                    case ASSESSMENT_COMPLETED -> assertThat(e.getOccurredOn()).isAfter(starts.get(e.getAssessmentId()));
                    case PLAN_ENDED -> assertThat(e.getOccurredOn()).isAfter(starts.get(e.getPlanId()));
                    default -> { }
                }
            }
        });
    }

    @Test
    void shouldCarryEachChildsDateOfBirthOnItsReferralAndRecordBirthsAfterPreBirthReferrals() {
        List<CaseEvent> referrals = events.stream().filter(e -> e.getType() == EventType.REFERRAL_RECEIVED).toList();
        assertThat(referrals).allSatisfy(r -> assertThat(r.getChildDateOfBirth()).isNotNull());
        List<CaseEvent> unborn = referrals.stream().filter(r -> Boolean.TRUE.equals(r.getChildUnborn())).toList();
        assertThat(unborn.size()).isBetween(referrals.size() / 50, referrals.size() / 15);
        assertThat(unborn).allSatisfy(r -> assertThat(r.getChildDateOfBirth()).isAfter(r.getOccurredOn()));
        Set<String> unbornCases = unborn.stream().map(CaseEvent::getCaseId).collect(Collectors.toSet());
        assertThat(events).anyMatch(e -> unbornCases.contains(e.getCaseId()) && Boolean.FALSE.equals(e.getChildUnborn())
                && !e.getChildDateOfBirth().isAfter(e.getOccurredOn()));
        assertThat(referrals).anyMatch(r -> Boolean.TRUE.equals(r.getUnaccompaniedAsylumSeeking()));
        // Ages as children in need are spread: about a third 10-15, a few 16-17.
        Map<Integer, Long> byAge = referrals.stream().filter(r -> !Boolean.TRUE.equals(r.getChildUnborn()))
                .collect(Collectors.groupingBy(r -> java.time.Period.between(r.getChildDateOfBirth(), r.getOccurredOn()).getYears(),
                        Collectors.counting()));
        assertThat(byAge.keySet()).allSatisfy(age -> assertThat(age).isBetween(0, 18));
        long tenToFifteen = byAge.entrySet().stream().filter(a -> a.getKey() >= 10 && a.getKey() <= 15)
                .mapToLong(Map.Entry::getValue).sum();
        assertThat((double) tenToFifteen / referrals.size()).isBetween(0.25, 0.45);
    }

    @Test
    void shouldSendEveryTypeOfTheContractWithItsFields() {
        Set<EventType> types = events.stream().map(CaseEvent::getType).collect(Collectors.toSet());
        assertThat(types).containsAll(java.util.EnumSet.complementOf(
                java.util.EnumSet.of(EventType.UNKNOWN, EventType.EVENT_RETRACTED)));
        assertThat(events).filteredOn(e -> e.getType() == EventType.CASE_CLOSED)
                .allSatisfy(e -> assertThat(e.getClosureReason()).isNotNull());
        assertThat(events).filteredOn(e -> e.getType() == EventType.PLAN_ENDED)
                .allSatisfy(e -> assertThat(e.getPlanEndReason()).isNotNull());
        assertThat(events).filteredOn(e -> e.getType() == EventType.VISIT_RECORDED)
                .extracting(CaseEvent::getVisitType).contains(null, VisitType.CLA, VisitType.PRIVATE_FOSTERING);
        assertThat(events).filteredOn(e -> e.getType() == EventType.ASSESSMENT_STARTED)
                .extracting(CaseEvent::getAssessmentType)
                .containsOnly(null, AssessmentType.S47_ENQUIRY, AssessmentType.EARLY_HELP, AssessmentType.PRIVATE_FOSTERING,
                        AssessmentType.INITIAL, AssessmentType.CORE);
        // A conference follows a strategy discussion and an enquiry of the same case (or is a review).
        Map<String, List<CaseEvent>> byCase = events.stream().collect(Collectors.groupingBy(CaseEvent::getCaseId));
        assertThat(events).filteredOn(e -> e.getConferenceType() == ConferenceType.INITIAL).allSatisfy(conference ->
                assertThat(byCase.get(conference.getCaseId())).anyMatch(e -> e.getAssessmentType() == AssessmentType.S47_ENQUIRY
                        && e.getType() == EventType.ASSESSMENT_STARTED && !e.getOccurredOn().isAfter(conference.getOccurredOn())));
    }

    @Test
    void shouldPlaceChildrenInCareAndEndEachPlacementAfterItStarts() {
        Map<String, CaseEvent> starts = new HashMap<>();
        for (CaseEvent e : events) {
            if (e.getType() == EventType.PLACEMENT_STARTED) {
                starts.put(e.getPlacementId(), e);
                assertThat(e.getPlacementType()).isNotNull();
            } else if (e.getType() == EventType.PLACEMENT_ENDED) {
                assertThat(starts).containsKey(e.getPlacementId());
                assertThat(e.getOccurredOn()).isAfterOrEqualTo(starts.get(e.getPlacementId()).getOccurredOn());
            }
        }
        assertThat(starts.values()).extracting(CaseEvent::getPlacementType)
                .contains(PlacementType.FOSTER_CARE, PlacementType.FOSTER_CARE_CONNECTED, PlacementType.ADOPTION);
    }

    @Test
    void shouldKeepTheFormerFrameworkToTheSouthByDefaultAndSingleAssessmentsElsewhere() {
        Map<Boolean, Set<AssessmentType>> typesBySouth = events.stream()
                .filter(e -> e.getType() == EventType.ASSESSMENT_COMPLETED)
                .collect(Collectors.partitioningBy(e -> "SOUTH".equals(AREAS.area(e.getAreaCode()).parentCode()),
                        Collectors.mapping(e -> e.getAssessmentType() == null ? AssessmentType.SINGLE : e.getAssessmentType(),
                                Collectors.toSet())));
        assertThat(typesBySouth.get(true)).contains(AssessmentType.INITIAL, AssessmentType.CORE)
                .doesNotContain(AssessmentType.SINGLE);
        assertThat(typesBySouth.get(false)).contains(AssessmentType.SINGLE)
                .doesNotContain(AssessmentType.INITIAL, AssessmentType.CORE);
        SimulationSettings single = SETTINGS.withPeriod(FROM, FROM.plusMonths(2)).withFramework(AssessmentFramework.SINGLE);
        assertThat(new Simulation(single, AREAS, CALENDAR).events().toList())
                .noneMatch(e -> e.getAssessmentType() == AssessmentType.INITIAL || e.getAssessmentType() == AssessmentType.CORE);
    }

    @Test
    void shouldReferSomeYoungChildrenForAdoption() {
        List<CaseEvent> referrals = events.stream()
                .filter(e -> e.getType() == EventType.REFERRAL_RECEIVED && !e.getOccurredOn().isBefore(FROM)).toList();
        List<CaseEvent> adoption = referrals.stream().filter(e -> "ADOPTION".equals(e.getCaseType())).toList();
        // About 0.8% of referrals, in every month: the adoption demand row compares months with months.
        assertThat((double) adoption.size() / referrals.size()).isBetween(0.004, 0.015);
        assertThat(adoption.stream().map(e -> e.getOccurredOn().getMonth()).distinct()).hasSize(6);
        assertThat(adoption).allSatisfy(e -> assertThat(e.getChildDateOfBirth())
                .isBeforeOrEqualTo(e.getOccurredOn()).isAfter(e.getOccurredOn().minusYears(5)));
    }

    @Test
    void shouldTypeAssessmentsInitialThenCoreInTheFormerFramework() {
        SimulationSettings settings = SETTINGS.withPeriod(FROM, FROM.plusMonths(4)).withFramework(AssessmentFramework.INITIAL_CORE);
        Map<AssessmentType, Long> types = new Simulation(settings, AREAS, CALENDAR).events()
                .filter(e -> e.getType() == EventType.ASSESSMENT_COMPLETED && e.getAssessmentType() != null)
                .collect(Collectors.groupingBy(CaseEvent::getAssessmentType, Collectors.counting()));
        assertThat(types).containsKeys(AssessmentType.INITIAL, AssessmentType.CORE, AssessmentType.S47_ENQUIRY);
        // Core assessments follow about half the initial ones, and take longer: fewer complete in 4 months.
        assertThat((double) types.get(AssessmentType.CORE) / types.get(AssessmentType.INITIAL)).isBetween(0.25, 0.6);
    }

    @Test
    void shouldReceiveFewerReferralsAtWeekendsAndWorkOnWorkingDays() {
        Map<Boolean, Long> referralsByWorkingDay = events.stream()
                .filter(e -> e.getType() == EventType.REFERRAL_RECEIVED && !e.getOccurredOn().isBefore(FROM))
                .filter(e -> !"EARLY_HELP".equals(e.getCaseType())) // on top of the referrals asked for
                .collect(Collectors.partitioningBy(e -> CALENDAR.isWorkingDay(e.getOccurredOn()), Collectors.counting()));
        long weekendDays = FROM.datesUntil(TO.plusDays(1))
                .filter(d -> d.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0).count();
        long workingDays = FROM.datesUntil(TO.plusDays(1)).filter(CALENDAR::isWorkingDay).count();
        double perWorkingDay = (double) referralsByWorkingDay.get(true) / workingDays;
        assertThat(perWorkingDay).isBetween(60.0, 100.0);
        assertThat((double) referralsByWorkingDay.get(false) / weekendDays).isLessThan(perWorkingDay / 4);
        assertThat(events).filteredOn(e -> e.getType() != EventType.REFERRAL_RECEIVED)
                .allSatisfy(e -> assertThat(CALENDAR.isWorkingDay(e.getOccurredOn())).as("%s", e).isTrue());
    }

    @Test
    void shouldReferInProportionToPopulation() {
        Map<String, Long> referrals = events.stream().filter(e -> e.getType() == EventType.REFERRAL_RECEIVED)
                .collect(Collectors.groupingBy(CaseEvent::getAreaCode, Collectors.counting()));
        assertThat(referrals).hasSize(21);
        // Greater London (2.0 million children) against Durham & Tees Valley (0.25 million).
        assertThat(referrals.get("S3")).isGreaterThan(4 * referrals.get("N2"));
    }

    @Test
    void shouldTransferSomeCasesAndShareSomeWorkersBetweenAreas() {
        Map<String, Set<String>> areasOfCase = new HashMap<>();
        Map<String, Set<String>> areasOfWorker = new HashMap<>();
        for (CaseEvent e : events) {
            areasOfCase.computeIfAbsent(e.getCaseId(), id -> new HashSet<>()).add(e.getAreaCode());
            if (e.getType() == EventType.ALLOCATION_MADE) {
                areasOfWorker.computeIfAbsent(e.getWorkerId(), id -> new HashSet<>()).add(e.getAreaCode());
            }
        }
        assertThat(areasOfCase.values()).anyMatch(areas -> areas.size() == 2);
        assertThat(areasOfWorker.values()).anyMatch(areas -> areas.size() == 2);
        assertThat(areasOfWorker.values()).allSatisfy(areas ->
                assertThat(areas.stream().map(code -> AREAS.area(code).parentCode()).distinct()).hasSize(1));
    }

    @Test
    void shouldKeepToTheSelectedAreas() {
        SimulationSettings settings = SETTINGS.withPeriod(FROM, FROM.plusMonths(3)).withAreas(List.of("N1", "SOUTH"));
        Set<String> areas = new Simulation(settings, AREAS, CALENDAR).events()
                .map(CaseEvent::getAreaCode).collect(Collectors.toSet());
        assertThat(areas).containsExactlyInAnyOrder("N1", "S1", "S2", "S3", "S4", "S5", "S6", "S7");
    }

    @Test
    void shouldSizeASimulationToANumberOfRecords() {
        SimulationSettings settings = SETTINGS.withPeriod(FROM, FROM.plusMonths(4));
        double referrals = Simulation.referralsPerWorkingDayFor(100_000, settings, AREAS, CALENDAR);
        long records = new Simulation(settings.withReferralsPerWorkingDay(referrals), AREAS, CALENDAR).records().count();
        assertThat(records).isBetween(92_000L, 108_000L);
    }

    @Test
    void shouldRefuseAHistoryTheCalendarDoesNotCover() {
        SimulationSettings settings = SETTINGS.withPeriod(LocalDate.parse("2027-06-01"), LocalDate.parse("2028-02-01"));
        assertThatThrownBy(() -> new Simulation(settings, AREAS, CALENDAR))
                .isInstanceOf(CalendarGapException.class)
                .hasMessageContaining("2028-01-01");
    }

    @Test
    void shouldRefuseAnUnknownArea() {
        assertThatThrownBy(() -> new Simulation(SETTINGS.withAreas(List.of("N1", "Q7")), AREAS, CALENDAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown area Q7");
    }

    @Test
    void shouldNotSendAnythingRecordedAfterTheEndOfTheHistory() {
        LocalDate to = FROM.plusMonths(2);
        long end = to.plusDays(1).atStartOfDay(LONDON).toInstant().toEpochMilli();
        SimulationSettings late = SETTINGS.withPeriod(FROM, to).withFaults(new FaultRates(0.1, 0.1, 0, 0.5, 0));
        List<SimulatedRecord> records = new Simulation(late, AREAS, CALENDAR).records().toList();
        assertThat(records).hasSizeGreaterThan(10_000)
                .allSatisfy(record -> assertThat(record.timestampMillis()).isLessThan(end));
    }

    static byte[] jsonl(Simulation simulation) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SimulatedRecordWriter writer = new SimulatedRecordWriter(bytes)) {
            for (SimulatedRecord record : simulation) {
                writer.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
