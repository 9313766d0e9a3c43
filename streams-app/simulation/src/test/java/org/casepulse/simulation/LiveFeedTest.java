package org.casepulse.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.reference.AreaHierarchy;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
    private static final Simulation SIMULATION = new Simulation(
            SimulationSettings.defaults(LocalDate.parse("2025-03-31"))
                    .withPeriod(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"))
                    .withReferralsPerWorkingDay(20),
            AreaHierarchy.defaults(), WorkingDayCalendar.englandAndWales());

    @Test
    void shouldHandOverEveryRecordInOrderWhenUnpaced() throws InterruptedException {
        List<SimulatedRecord> received = new CopyOnWriteArrayList<>();
        try (LiveFeed feed = LiveFeed.start(SIMULATION.start(), 0, null, received::add)) {
            assertThat(feed.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            assertThat(feed.failure()).isEmpty();
            assertThat(feed.sent()).isEqualTo(received.size());
        }
        assertThat(received).isEqualTo(SIMULATION.records().toList());
    }

    @Test
    void shouldSendTheBackfillAtOnceAndPaceTheRest() throws InterruptedException {
        List<SimulatedRecord> records = SIMULATION.records().limit(230).toList();
        Instant liveFrom = Instant.ofEpochMilli(records.get(200).timestampMillis());
        long paced = records.stream().filter(r -> r.timestampMillis() >= liveFrom.toEpochMilli()).count();
        List<SimulatedRecord> received = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        try (LiveFeed feed = LiveFeed.start(records.iterator(), 100, liveFrom, received::add)) {
            assertThat(feed.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(received).isEqualTo(records);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis((paced - 1) * 10));
    }

    @Test
    void shouldNotSendALiveRecordBeforeTheTimeItWasRecorded() throws InterruptedException {
        SimulatedRecord first = SIMULATION.records().filter(r -> r instanceof SimulatedRecord.Good).findFirst().orElseThrow();
        long now = System.currentTimeMillis();
        List<SimulatedRecord> ahead = List.of(withRecordedAt(first, now + 300), withRecordedAt(first, now + 600));
        List<Long> handedOverAt = new CopyOnWriteArrayList<>();

        try (LiveFeed feed = LiveFeed.start(ahead.iterator(), 1000, Instant.ofEpochMilli(now),
                record -> handedOverAt.add(System.currentTimeMillis()))) {
            assertThat(feed.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }

        assertThat(handedOverAt).hasSize(2);
        assertThat(handedOverAt.get(0)).isGreaterThanOrEqualTo(ahead.get(0).timestampMillis());
        assertThat(handedOverAt.get(1)).isGreaterThanOrEqualTo(ahead.get(1).timestampMillis());
    }

    private static SimulatedRecord withRecordedAt(SimulatedRecord record, long millis) {
        CaseEvent event = ((SimulatedRecord.Good) record).event();
        return new SimulatedRecord.Good(CaseEvent.newBuilder(event).setRecordedAt(Instant.ofEpochMilli(millis)).build());
    }

    @Test
    void shouldStopWhenAsked() {
        Iterator<SimulatedRecord> endless = SIMULATION.start();
        LiveFeed feed = LiveFeed.start(endless, 5, null, record -> { });
        feed.stop();
        assertThat(feed.isRunning()).isFalse();
        assertThat(feed.sent()).isLessThan(5);
    }

    @Test
    void shouldStopAndKeepTheFailureWhenTheSinkThrows() throws InterruptedException {
        List<SimulatedRecord> received = new CopyOnWriteArrayList<>();
        try (LiveFeed feed = LiveFeed.start(SIMULATION.start(), 0, null, record -> {
            if (received.size() == 2) {
                throw new IllegalStateException("Kafka is down");
            }
            received.add(record);
        })) {
            assertThat(feed.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            assertThat(feed.failure()).get().extracting(Throwable::getMessage).isEqualTo("Kafka is down");
            assertThat(feed.sent()).isEqualTo(2);
        }
    }
}
