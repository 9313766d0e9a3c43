package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerHoldingsTest {

    private static final LocalDate JAN_5 = LocalDate.parse("2025-01-05");
    private static final LocalDate FEB_10 = LocalDate.parse("2025-02-10");

    @Test
    void shouldWorkOutPresenceAsItStoodOnARecordedDay() {
        WorkerHoldings holdings = WorkerHoldings.of(List.of(), List.of());
        holdings.apply(JAN_5, null, 1); // known from the start
        holdings.apply(JAN_5, null, -1);
        holdings.apply(JAN_5, FEB_10, 1); // a case allocated on 5 January, recorded on 10 February

        assertThat(holdings.presence("c", "N1", LocalDate.parse("2025-02-09")).toList()).isEmpty();
        assertThat(holdings.presence("c", "N1", FEB_10).toList())
                .containsExactly(new Fact("c", "N1", null, JAN_5, 0, 1));
        assertThat(holdings.recordedDays()).containsExactly(FEB_10);
    }

    @Test
    void shouldTreatDaysNoFigureCountsAsKnownFromTheStart() {
        WorkerHoldings holdings = WorkerHoldings.of(List.of(JAN_5), List.of(1L), java.util.Arrays.asList(FEB_10));

        holdings.forgetRecordedThrough(FEB_10);

        assertThat(holdings.recordedDays()).isEmpty();
        assertThat(holdings.presence("c", "N1", null).toList()).containsExactly(new Fact("c", "N1", null, JAN_5, 0, 1));
    }

    @Test
    void shouldSendTheChangeDayByDayWhateverOrderTheHoldingsArrive() {
        // Two cases of one worker, recorded on different days, arriving in either order.
        WorkerHoldings first = WorkerHoldings.of(List.of(), List.of());
        WorkerHoldings second = WorkerHoldings.of(List.of(), List.of());
        Facts aSum = new Facts();
        Facts bSum = new Facts();
        apply(first, JAN_5, LocalDate.parse("2025-02-03"), aSum);
        apply(first, LocalDate.parse("2025-01-20"), FEB_10, aSum);
        apply(second, LocalDate.parse("2025-01-20"), FEB_10, bSum);
        apply(second, JAN_5, LocalDate.parse("2025-02-03"), bSum);

        assertThat(aSum.toList()).isEqualTo(bSum.toList()).isNotEmpty();
    }

    /** Applies one holding change and adds the day-by-day change it sends, keyed by day, to {@code sent}. */
    private static void apply(WorkerHoldings holdings, LocalDate date, LocalDate recordedOn, Facts sent) {
        WorkerHoldings before = WorkerHoldings.of(List.of(), List.of());
        holdings.forEach((d, r, delta) -> before.apply(d, r, delta));
        holdings.apply(date, recordedOn, 1);
        List<LocalDate> days = new java.util.ArrayList<>();
        days.add(recordedOn);
        days.addAll(before.recordedDays().tailSet(recordedOn, false));
        for (RecordedChanges.Dated dated : RecordedChanges.of(days, d -> before.presence("c", "N1", d),
                d -> holdings.presence("c", "N1", d))) {
            // the recorded day folded into the area so that days stay apart in the sum
            dated.facts().forEach(f -> sent.add(f.indicatorId(), dated.recordedOn().toString(), f.bucket(),
                    f.numerator(), f.denominator()));
        }
    }
}
