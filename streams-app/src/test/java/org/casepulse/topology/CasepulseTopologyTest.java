package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CasepulseTopologyTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private final TopologyHarness harness = TopologyHarness.onWallClock(REFERENCE, LocalDate.parse("2024-04-20"));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldPublishAllocationTimelinessAtEveryAreaLevel() {
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        CaseEvents two = CaseEvents.forCase("case-2", "child-2");
        // case-1: Fri 1 Mar -> Tue 5 Mar, 2 working days (in time); case-2: Fri 1 Mar -> Wed 6 Mar, 3 (late).
        harness.send(one.referral("N1", "2024-03-01"), one.allocation("N1", "2024-03-05", "w1"),
                two.referral("N2", "2024-03-01"), two.allocation("N2", "2024-03-06", "w2")).flush();

        IndicatorSnapshot n1 = harness.figure("allocation-within-2wd", "N1", PeriodType.MONTH, "2024-03-31");
        assertThat(n1.getNumerator()).isEqualTo(1);
        assertThat(n1.getDenominator()).isEqualTo(1);
        assertThat(n1.getValue()).isEqualTo(100.0);
        assertThat(n1.getRag()).isEqualTo(Rag.GREEN);
        assertThat(n1.getAreaLevel()).isEqualTo(AreaLevel.SERVICE_AREA);

        IndicatorSnapshot north = harness.figure("allocation-within-2wd", "NORTH", PeriodType.MONTH, "2024-03-31");
        assertThat(north.getNumerator()).isEqualTo(1);
        assertThat(north.getDenominator()).isEqualTo(2);
        assertThat(north.getValue()).isEqualTo(50.0);
        assertThat(north.getRag()).isEqualTo(Rag.RED);
        assertThat(north.getAreaLevel()).isEqualTo(AreaLevel.REGION);

        IndicatorSnapshot national = harness.figure("allocation-within-2wd", "NATIONAL", PeriodType.YTD, "2024-03-31");
        assertThat(national.getNumerator()).isEqualTo(1);
        assertThat(national.getDenominator()).isEqualTo(2);
        assertThat(national.getPeriodStart()).isEqualTo(LocalDate.parse("2023-04-01"));
        assertThat(national.getDirectionOfTravel()).isEqualTo(DirectionOfTravel.NOT_COMPARABLE);
        assertThat(national.getRevision()).isZero();
    }
}
