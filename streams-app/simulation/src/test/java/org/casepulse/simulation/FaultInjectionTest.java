package org.casepulse.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.JsonlReader;
import org.casepulse.events.ParsedLine;
import org.casepulse.reference.AreaHierarchy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault appears at the rate asked for, measured from the output alone, and leaves the clean history alone. */
class FaultInjectionTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final AreaHierarchy AREAS = AreaHierarchy.defaults();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern CLEAN_ID = Pattern.compile("evt-\\d{6}-\\d{3}");
    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-06-30");
    /** Faults of events dated up to here have all arrived by the end (late ones take up to 30 days). */
    private static final LocalDate SETTLED = TO.minusDays(40);
    private static final FaultRates RATES = new FaultRates(0.02, 0.015, 0.03, 0.04, 0.025);
    private static final SimulationSettings CLEAN = SimulationSettings.defaults(TO).withPeriod(FROM, TO).withSeed(5)
            .withReferralsPerWorkingDay(60);

    private static List<SimulatedRecord> records;
    private static List<CaseEvent> good;
    /** The clean events among the faulty output, by id: the first copy sent. */
    private static Map<String, CaseEvent> originals;
    private static Set<String> settledIds;

    @BeforeAll
    static void simulate() {
        records = new Simulation(CLEAN.withFaults(RATES), AREAS, CALENDAR).records().toList();
        good = records.stream().filter(SimulatedRecord.Good.class::isInstance)
                .map(record -> ((SimulatedRecord.Good) record).event()).toList();
        originals = new HashMap<>();
        for (CaseEvent event : good) {
            // Faults are injected into the history's own events, not the opening caseload's migrated ones.
            if (CLEAN_ID.matcher(event.getEventId()).matches() && event.getRevision() == 0
                    && !event.getOccurredOn().isBefore(FROM)) {
                originals.putIfAbsent(event.getEventId(), event);
            }
        }
        settledIds = originals.values().stream().filter(e -> !e.getOccurredOn().isAfter(SETTLED))
                .map(CaseEvent::getEventId).collect(Collectors.toSet());
    }

    @Test
    void shouldAmendAtTheRateAskedWithAChangedDateOrArea() {
        List<CaseEvent> amendments = good.stream()
                .filter(e -> e.getRevision() > 0 && settledIds.contains(e.getEventId())).toList();
        assertThat(rate(amendments.size())).isCloseTo(RATES.amendments(), within(RATES.amendments() * 0.2));
        assertThat(amendments).allSatisfy(amended -> {
            CaseEvent original = originals.get(amended.getEventId());
            assertThat(amended.getRevision()).isEqualTo(1);
            assertThat(amended.getRecordedAt()).isAfter(original.getRecordedAt());
            assertThat(amended.getType()).isEqualTo(original.getType());
        });
        assertThat(amendments).anyMatch(a -> !a.getAreaCode().equals(originals.get(a.getEventId()).getAreaCode()));
        assertThat(amendments).anyMatch(a -> !a.getOccurredOn().equals(originals.get(a.getEventId()).getOccurredOn()));
    }

    @Test
    void shouldRetractAtTheRateAskedAfterTheEvent() {
        List<CaseEvent> retractions = good.stream()
                .filter(e -> e.getType() == EventType.EVENT_RETRACTED && settledIds.contains(e.getRetractsEventId()))
                .toList();
        assertThat(rate(retractions.size())).isCloseTo(RATES.retractions(), within(RATES.retractions() * 0.2));
        assertThat(retractions).allSatisfy(retraction -> {
            CaseEvent target = originals.get(retraction.getRetractsEventId());
            assertThat(retraction.getCaseId()).isEqualTo(target.getCaseId());
            assertThat(retraction.getRecordedAt()).isAfter(target.getRecordedAt());
        });
    }

    @Test
    void shouldDuplicateAtTheRateAskedByteForByte() {
        Map<String, Integer> copies = new HashMap<>();
        for (CaseEvent event : good) {
            if (event.getRevision() == 0 && settledIds.contains(event.getEventId())) {
                copies.merge(event.getEventId(), 1, Integer::sum);
            }
        }
        long duplicated = copies.values().stream().filter(n -> n == 2).count();
        assertThat(copies.values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
        assertThat(rate(duplicated)).isCloseTo(RATES.duplicates(), within(RATES.duplicates() * 0.2));
        Map<String, List<CaseEvent>> sent = good.stream().filter(e -> e.getRevision() == 0)
                .collect(Collectors.groupingBy(CaseEvent::getEventId));
        assertThat(sent.values()).filteredOn(list -> list.size() == 2)
                .allSatisfy(pair -> assertThat(pair.get(1)).isEqualTo(pair.get(0)));
    }

    @Test
    void shouldRecordLateEventsDaysAfterTheirDateAndSendThemOutOfOrder() {
        List<CaseEvent> late = settledIds.stream().map(originals::get)
                .filter(e -> e.getRecordedAt().isAfter(e.getOccurredOn().plusDays(3).atStartOfDay(LONDON).toInstant()))
                .toList();
        assertThat(rate(late.size())).isCloseTo(RATES.late(), within(RATES.late() * 0.2));
        boolean outOfDateOrder = false;
        for (int i = 1; i < good.size() && !outOfDateOrder; i++) {
            outOfDateOrder = good.get(i).getOccurredOn().isBefore(good.get(i - 1).getOccurredOn().minusDays(2));
        }
        assertThat(outOfDateOrder).isTrue();
    }

    @Test
    void shouldSendMalformedRecordsOfEveryKindAtTheRateAsked() throws IOException {
        List<SimulatedRecord.Bad> bad = records.stream().filter(SimulatedRecord.Bad.class::isInstance)
                .map(SimulatedRecord.Bad.class::cast).toList();
        Map<String, LocalDate> planStarts = new HashMap<>();
        List<CaseEvent> endedBeforeStart = new ArrayList<>();
        for (CaseEvent e : good) {
            if (e.getType() == EventType.PLAN_STARTED) {
                planStarts.put(e.getPlanId(), e.getOccurredOn());
            } else if (e.getType() == EventType.PLAN_ENDED && e.getOccurredOn().isBefore(planStarts.get(e.getPlanId()))) {
                endedBeforeStart.add(e);
            }
        }
        assertThat(rate(bad.size() + endedBeforeStart.size(), originals.size()))
                .isCloseTo(RATES.malformed(), within(RATES.malformed() * 0.2));
        assertThat(bad.stream().map(SimulatedRecord.Bad::defect).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Defect.values());
        assertThat(endedBeforeStart).isNotEmpty();

        // A JSON Lines reader rejects the bad JSON and missing fields; unknown areas parse but name no area.
        byte[] file = SimulationTest.jsonl(new Simulation(CLEAN.withFaults(RATES), AREAS, CALENDAR));
        long rejected = 0;
        Set<String> unknownAreas = new HashSet<>();
        try (JsonlReader reader = new JsonlReader(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8))) {
            while (reader.hasNext()) {
                ParsedLine line = reader.next();
                if (line instanceof ParsedLine.LineError) {
                    rejected++;
                } else if (AREAS.find(((ParsedLine.Event) line).event().getAreaCode()).isEmpty()) {
                    unknownAreas.add(((ParsedLine.Event) line).event().getEventId());
                }
            }
        }
        assertThat(rejected).isEqualTo(bad.stream().filter(b -> b.defect() != Defect.UNKNOWN_AREA).count());
        assertThat(unknownAreas).hasSize((int) bad.stream().filter(b -> b.defect() == Defect.UNKNOWN_AREA).count());
        assertThat(bad).filteredOn(b -> b.defect() == Defect.UNKNOWN_AREA)
                .allSatisfy(b -> assertThat(b.encodable()).isPresent());
        assertThat(bad).filteredOn(b -> b.defect() == Defect.BAD_JSON)
                .allSatisfy(b -> assertThat(b.encodable()).isEmpty());
    }

    @Test
    void shouldLeaveTheCleanHistoryAsItIs() {
        Map<String, CaseEvent> clean = new Simulation(CLEAN, AREAS, CALENDAR).events()
                .filter(e -> !e.getOccurredOn().isAfter(SETTLED) && !e.getOccurredOn().isBefore(FROM))
                .collect(Collectors.toMap(CaseEvent::getEventId, e -> e));
        assertThat(clean.keySet()).isEqualTo(settledIds);
        // Late arrival changes when an event is recorded, nothing else.
        assertThat(settledIds).allSatisfy(id -> assertThat(CaseEvent.newBuilder(originals.get(id))
                .setRecordedAt(clean.get(id).getRecordedAt()).build()).isEqualTo(clean.get(id)));
    }

    private static double rate(long faults) {
        return rate(faults, settledIds.size());
    }

    private static double rate(long faults, long events) {
        assertThat(events).isGreaterThan(20_000);
        return (double) faults / events;
    }
}
