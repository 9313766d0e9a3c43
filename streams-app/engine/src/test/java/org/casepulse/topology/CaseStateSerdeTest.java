package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.casepulse.events.CaseEvent;
import org.casepulse.oracle.RandomHistories;
import org.casepulse.state.CaseState;
import org.casepulse.testing.CaseEvents;
import org.junit.jupiter.api.Test;

class CaseStateSerdeTest {

    @Test
    void shouldRestoreEveryFieldOfEveryEventOfRandomHistories() {
        for (long seed = 1; seed <= 5; seed++) {
            Map<String, List<CaseEvent>> byCase = new LinkedHashMap<>();
            for (CaseEvent event : RandomHistories.generate(seed, 40, LocalDate.parse("2025-06-30"))) {
                byCase.computeIfAbsent(event.getCaseId(), id -> new ArrayList<>()).add(event);
            }
            for (List<CaseEvent> events : byCase.values()) {
                CaseState state = new CaseState(events, seed % 2 == 0 ? LocalDate.parse("2025-01-31") : null, false, seed % 3 == 0 ? LocalDate.parse("2025-02-03") : null);
                assertThat(CaseStateSerde.decode(CaseStateSerde.encode(state))).isEqualTo(state);
            }
        }
    }

    @Test
    void shouldRestoreTheLaterFieldsOfTheContract() {
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        CaseEvent placement = CaseEvent.newBuilder(one.referral("N1", "2024-03-01"))
                .setEventId("evt-placement").setType(org.casepulse.events.EventType.PLACEMENT_STARTED)
                .setPlacementId("placement-7").setPlacementType(org.casepulse.events.PlacementType.values()[0])
                .setDistanceFromHomeMiles(12.5).setOutOfArea(true)
                .setChildDateOfBirth(LocalDate.parse("2015-06-30")).setChildUnborn(false)
                .setUnaccompaniedAsylumSeeking(true).build();
        CaseEvent conference = CaseEvent.newBuilder(one.referral("N1", "2024-03-02"))
                .setEventId("evt-conference").setType(org.casepulse.events.EventType.CONFERENCE_HELD)
                .setConferenceType(org.casepulse.events.ConferenceType.INITIAL)
                .setConferenceOutcome(org.casepulse.events.ConferenceOutcome.PLAN).setConferenceId("conf-1").build();
        CaseState state = new CaseState(List.of(one.referral("N1", "2024-03-01"), placement, conference), null, false, null);

        assertThat(CaseStateSerde.decode(CaseStateSerde.encode(state))).isEqualTo(state);
    }

    @Test
    void shouldRestoreTheExpiredMarker() {
        CaseState marker = new CaseState(List.of(), null, true, null);
        assertThat(CaseStateSerde.decode(CaseStateSerde.encode(marker))).isEqualTo(marker);
    }

    @Test
    void shouldKeepThirtyThousandVisitsOfOneCaseWellUnderTheProducerLimit() {
        CaseEvents sequentialIds = CaseEvents.forCase("case-1", "child-1");
        List<CaseEvent> events = new ArrayList<>();
        events.add(sequentialIds.referral("E10000001", "2020-01-06"));
        LocalDate day = LocalDate.parse("2020-01-07");
        for (int i = 0; i < 30_000; i++) {
            events.add(sequentialIds.visit("E10000001", day.plusDays(i / 10).toString()));
        }
        byte[] sequential = CaseStateSerde.encode(new CaseState(events, null, false, null));

        List<CaseEvent> uuidIds = new ArrayList<>();
        for (CaseEvent event : events) {
            uuidIds.add(CaseEvent.newBuilder(event).setEventId(UUID.randomUUID().toString()).build());
        }
        CaseState withUuids = new CaseState(uuidIds, null, false, null);
        byte[] uuids = CaseStateSerde.encode(withUuids);

        assertThat(sequential.length).as("30,000 visits, sequential event ids").isLessThan(600_000);
        assertThat(uuids.length).as("30,000 visits, UUID event ids").isLessThan(900_000);
        assertThat(CaseStateSerde.decode(uuids)).isEqualTo(withUuids);
    }

    @Test
    void shouldRefuseStateOfAnotherFormatClearly() {
        assertThatThrownBy(() -> CaseStateSerde.decode(new byte[] {0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("incompatible release");
        byte[] truncated = CaseStateSerde.encode(new CaseState(
                List.of(CaseEvents.forCase("c", "k").referral("E10000001", "2024-01-02")), null, false, null));
        assertThatThrownBy(() -> CaseStateSerde.decode(java.util.Arrays.copyOf(truncated, truncated.length - 1)))
                .isInstanceOf(SerializationException.class);
    }
}
