package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.casepulse.events.CaseEvent;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stages flush on their cadence: at the catch-up interval while they process records produced
 * long before (a backfill), at the live interval as soon as they process current ones; a ledger
 * also flushes before every commit. The driver's clock starts at noon on 20 April 2024; events
 * carry their recordedAt as timestamp.
 */
class FlushCadenceTopologyTest {

    private static final Duration LIVE = Duration.ofMillis(500);
    private static final Duration CATCH_UP = Duration.ofSeconds(5);
    private static final LocalDate TODAY = LocalDate.parse("2024-04-20");
    private static final String INDICATOR = "allocation-within-2wd";

    private final TopologyHarness harness = TopologyHarness.onWallClock(ReferenceData.defaults(), TODAY,
            new FlushCadence(LIVE, CATCH_UP, Duration.ofSeconds(3)));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldHoldABackfillsChangesForTheCatchUpIntervalAndSendCurrentOnesAtOnce() {
        harness.tick(LIVE); // every stage's first flush, which a starting task makes at once
        CaseEvents old = CaseEvents.forCase("case-1", "child-1");
        harness.send(old.referral("N1", "2024-03-01"), old.allocation("N1", "2024-03-05", "w1"));

        int ticks = ticksUntilPublished("2024-03-31");
        // The case ledger sends at the commit after each record (the driver commits after every
        // one, BeforeCommitTest); the series stage waits for its catch-up interval: not within a
        // live flush or three.
        assertThat(ticks * LIVE.toMillis()).isGreaterThanOrEqualTo(CATCH_UP.toMillis() - LIVE.toMillis());

        CaseEvents current = CaseEvents.forCase("case-2", "child-2");
        Duration sinceNoon = LIVE.multipliedBy(ticks + 1L);
        harness.send(recordedAfterNoon(current.referral("N1", "2024-04-18"), sinceNoon),
                recordedAfterNoon(current.allocation("N1", "2024-04-19", "w2"), sinceNoon));

        assertThat(ticksUntilPublished("2024-04-30")).as("live flushes of the case ledger and the series stage")
                .isLessThanOrEqualTo(2);
    }

    /** Ticks the live interval until the month's allocation figure for N1 appears; fails after a minute. */
    private int ticksUntilPublished(String monthEnd) {
        for (int ticks = 1; ticks <= 120; ticks++) {
            harness.tick(LIVE);
            if (published(monthEnd)) {
                return ticks;
            }
        }
        throw new AssertionError("no " + INDICATOR + " figure for the month to " + monthEnd + " after a minute");
    }

    private boolean published(String monthEnd) {
        return harness.emitted().stream().anyMatch(snapshot -> isMonthFigure(snapshot, monthEnd));
    }

    private static boolean isMonthFigure(IndicatorSnapshot snapshot, String monthEnd) {
        return snapshot.getIndicatorId().equals(INDICATOR) && snapshot.getAreaCode().equals("N1")
                && snapshot.getPeriodType().name().equals("MONTH") && snapshot.getPeriodEnd().toString().equals(monthEnd);
    }

    private static CaseEvent recordedAfterNoon(CaseEvent event, Duration sinceNoon) {
        return CaseEvent.newBuilder(event).setRecordedAt(CaseEvents.noon(TODAY.toString())
                .plus(sinceNoon)).build();
    }
}
