package org.casepulse.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.Unit;
import org.junit.jupiter.api.Test;

class ExpectedFigureTest {
    private static final ExpectedFigure EXPECTED = new ExpectedFigure("allocation-within-2wd", "N1",
            AreaLevel.SERVICE_AREA, PeriodType.MONTH, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-31"),
            2, 3L, new BigDecimal("66.7"), Unit.PERCENT, new BigDecimal("65"), Polarity.H, Rag.GREEN,
            new BigDecimal("50.0"), DirectionOfTravel.IMPROVING, true, 2);

    private static IndicatorSnapshot.Builder published() {
        return IndicatorSnapshot.newBuilder()
                .setIndicatorId("allocation-within-2wd")
                .setAreaCode("N1")
                .setAreaLevel(AreaLevel.SERVICE_AREA)
                .setPeriodType(PeriodType.MONTH)
                .setPeriodStart(LocalDate.parse("2024-03-01"))
                .setPeriodEnd(LocalDate.parse("2024-03-31"))
                .setNumerator(2)
                .setDenominator(3L)
                .setValue(66.7)
                .setUnit(Unit.PERCENT)
                .setTarget(65.0)
                .setPolarity(Polarity.H)
                .setRag(Rag.GREEN)
                .setPreviousValue(50.0)
                .setDirectionOfTravel(DirectionOfTravel.IMPROVING)
                .setSmallNumbers(true)
                .setRevision(2)
                .setComputedAt(Instant.parse("2024-06-15T10:00:00Z"));
    }

    @Test
    void shouldFindNoMismatchInASnapshotThatAgrees() {
        assertThat(EXPECTED.mismatches(published().build())).isEmpty();
        assertThat(FigureKey.of(published().build())).isEqualTo(EXPECTED.key());
    }

    @Test
    void shouldNameEveryFieldThatDiffers() {
        IndicatorSnapshot wrong = published().setNumerator(3).setValue(100.0).setPreviousValue(null).setRevision(1).build();

        assertThat(EXPECTED.mismatches(wrong)).containsExactly(
                "numerator: expected 2 but was 3",
                "value: expected 66.7 but was 100.0",
                "previousValue: expected 50.0 but was null",
                "revision: expected 2 but was 1");
    }
}
