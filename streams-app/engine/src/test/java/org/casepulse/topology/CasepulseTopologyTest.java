package org.casepulse.topology;

import org.casepulse.topics.Topics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.casepulse.events.CaseEvent;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.AreaLevel;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.testing.CaseEvents;
import static org.casepulse.testing.CaseEvents.amend;
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

    @Test
    void shouldMoveAnAmendedAllocationToItsNewMonthAndArea() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        CaseEvent allocation = aCase.allocation("N1", "2024-03-05", "w1");
        harness.send(aCase.referral("N1", "2024-03-01"), allocation).flush();
        assertThat(harness.figure("allocation-within-2wd", "N1", PeriodType.MONTH, "2024-03-31").getDenominator()).isEqualTo(1);

        // Amended: allocated on Tue 2 Apr in C1 (Good Friday and Easter Monday: 14 working days late).
        harness.send(amend(allocation).setOccurredOn(LocalDate.parse("2024-04-02")).setAreaCode("C1")
                .setRecordedAt(CaseEvents.noon("2024-04-03")).build()).flush();

        assertThat(harness.figure("allocation-within-2wd", "N1", PeriodType.MONTH, "2024-03-31")).isNull();
        assertThat(harness.figure("allocation-within-2wd", "NORTH", PeriodType.MONTH, "2024-03-31")).isNull();
        IndicatorSnapshot c1 = harness.figure("allocation-within-2wd", "C1", PeriodType.MONTH, "2024-04-30");
        assertThat(c1.getNumerator()).isZero();
        assertThat(c1.getDenominator()).isEqualTo(1);
        IndicatorSnapshot nationalApril = harness.figure("allocation-within-2wd", "NATIONAL", PeriodType.YTD, "2024-04-30");
        assertThat(nationalApril.getDenominator()).isEqualTo(1);
    }

    @Test
    void shouldWithdrawAFactWhenItsEventIsRetracted() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        CaseEvent allocation = aCase.allocation("N1", "2024-03-05", "w1");
        harness.send(aCase.referral("N1", "2024-03-01"), allocation).flush();
        harness.send(aCase.retraction("N1", "2024-03-06", allocation.getEventId())).flush();

        assertThat(harness.figure("allocation-within-2wd", "N1", PeriodType.MONTH, "2024-03-31")).isNull();
        assertThat(harness.figure("workload-allocated", "N1", PeriodType.SNAPSHOT, "2024-03-31").getNumerator()).isZero();
    }

    @Test
    void shouldChangeNothingOnADuplicateOrALowerRevision() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        CaseEvent allocation = aCase.allocation("N1", "2024-03-05", "w1");
        CaseEvent amended = amend(allocation).setOccurredOn(LocalDate.parse("2024-03-04")).build();
        harness.send(aCase.referral("N1", "2024-03-01"), amended).flush();
        int published = harness.emitted().size();

        harness.send(amended, allocation).flush();

        assertThat(harness.emitted()).hasSize(published);
        assertThat(harness.figure("allocation-within-2wd", "N1", PeriodType.MONTH, "2024-03-31").getNumerator()).isEqualTo(1);
    }

    @Test
    void shouldConvergeWhenEventsArriveBeforeTheirReferral() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        CaseEvent completion = aCase.assessmentCompleted("N1", "2024-03-20", "a1", true);
        CaseEvent start = aCase.assessmentStarted("N1", "2024-03-04", "a1");
        CaseEvent referral = aCase.referral("N1", "2024-03-01");
        harness.send(completion, start).flush();
        assertThat(harness.current()).isEmpty();

        harness.send(referral).flush();

        assertThat(harness.figure("assessment-within-45wd", "N1", PeriodType.MONTH, "2024-03-31").getNumerator()).isEqualTo(1);
        assertThat(harness.figure("children-seen-at-assessment", "N1", PeriodType.MONTH, "2024-03-31").getNumerator()).isEqualTo(1);
        assertThat(harness.figure("referral-to-assessment", "N1", PeriodType.MONTH, "2024-03-31").getNumerator()).isEqualTo(1);
    }

    @Test
    void shouldRestateEveryLaterYearToDateFigureWhenALateEventArrives() {
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        harness.send(one.referral("N1", "2024-03-01"), one.allocation("N1", "2024-03-05", "w1")).flush();
        IndicatorSnapshot before = harness.figure("allocation-within-2wd", "N1", PeriodType.YTD, "2024-03-31");
        assertThat(before.getRevision()).isZero();

        // Recorded on 10 April about a March allocation: March is closed, so its figures are restated.
        CaseEvents late = CaseEvents.forCase("case-2", "child-2");
        harness.send(late.referral("N1", "2024-03-01"),
                CaseEvent.newBuilder(late.allocation("N1", "2024-03-11", "w2")).setRecordedAt(CaseEvents.noon("2024-04-10")).build())
                .flush();

        IndicatorSnapshot restated = harness.figure("allocation-within-2wd", "N1", PeriodType.YTD, "2024-03-31");
        assertThat(restated.getDenominator()).isEqualTo(2);
        assertThat(restated.getRevision()).isEqualTo(1);
        assertThat(harness.figure("allocation-within-2wd", "N1", PeriodType.MONTH, "2024-03-31").getRevision()).isEqualTo(1);
    }

    @Test
    void shouldSendEachKindOfBadRecordToTheDeadLetterTopicAndCarryOn() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        harness.sendRaw("case-1", "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8));
        harness.sendKeyed("case-9", aCase.referral("N1", "2024-03-01"));
        harness.send(CaseEvent.newBuilder(aCase.allocation("N1", "2024-03-05", "w1")).setWorkerId(null).build());
        harness.send(aCase.referral("ZZ9", "2024-03-01"));
        harness.send(aCase.referral("NORTH", "2024-03-01"));
        harness.send(aCase.referral("N1", "2031-03-03"));
        harness.send(aCase.referral("N1", "2024-03-01")).flush();

        List<TestRecord<String, byte[]>> dead = harness.deadLetters();
        assertThat(dead).extracting(r -> DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.REASON))
                .containsExactly("undeserializable", "key-not-case-id", "missing-field", "unknown-area",
                        "not-lowest-area", "outside-calendar");
        assertThat(dead).allSatisfy(r -> {
            assertThat(DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.CASE_EVENTS);
            assertThat(DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isNotNull();
            assertThat(DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.MESSAGE)).isNotBlank();
        });
        assertThat(DeadLetterHeaders.read(dead.get(2).headers(), DeadLetterHeaders.FIELD)).isEqualTo("workerId");
        assertThat(harness.figure("workload-allocated", "N1", PeriodType.SNAPSHOT, "2024-03-31").getDenominator()).isEqualTo(1);
    }

    @Test
    void shouldRaiseAnUnallocatedCaseOnItsEighthWorkingDayWithNoNewEvent() {
        // Today Sat 20 Apr 2024. Referral Fri 12 Apr: working days 15..19 Apr = 5, 22 = 6, 23 = 7, Wed 24 Apr = 8.
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        harness.send(aCase.referral("N1", "2024-04-12")).flush();
        assertThat(harness.figure("unallocated-over-7wd", "N1", PeriodType.SNAPSHOT, "2024-04-20").getNumerator()).isZero();

        harness.advance(Duration.ofDays(3)); // Tue 23 Apr: 7 working days, not yet over
        assertThat(harness.figure("unallocated-over-7wd", "N1", PeriodType.SNAPSHOT, "2024-04-23").getNumerator()).isZero();
        assertThat(harness.figure("unallocated-over-7wd", "N1", PeriodType.SNAPSHOT, "2024-04-20")).isNull();

        harness.advance(Duration.ofDays(1)); // Wed 24 Apr
        IndicatorSnapshot overdue = harness.figure("unallocated-over-7wd", "N1", PeriodType.SNAPSHOT, "2024-04-24");
        assertThat(overdue.getNumerator()).isEqualTo(1);
        assertThat(overdue.getValue()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepMonthEndSnapshotsAndRestateOneWhenALateEventIsDatedBeforeIt() {
        // Today 20 Apr 2024. Two cases open since March; one allocated on 28 Mar but recorded only on 15 Apr.
        CaseEvents one = CaseEvents.forCase("case-1", "child-1");
        CaseEvents two = CaseEvents.forCase("case-2", "child-2");
        harness.send(one.referral("S3", "2024-03-04"), one.allocation("S3", "2024-03-05", "w1"),
                two.referral("S3", "2024-03-11")).flush();
        IndicatorSnapshot marchEnd = harness.figure("workload-allocated", "S3", PeriodType.SNAPSHOT, "2024-03-31");
        assertThat(marchEnd.getNumerator()).isEqualTo(1);
        assertThat(marchEnd.getDenominator()).isEqualTo(2);
        assertThat(marchEnd.getRevision()).isZero();

        harness.send(CaseEvent.newBuilder(two.allocation("S3", "2024-03-28", "w2"))
                .setRecordedAt(CaseEvents.noon("2024-04-15")).build()).flush();

        IndicatorSnapshot restated = harness.figure("workload-allocated", "S3", PeriodType.SNAPSHOT, "2024-03-31");
        assertThat(restated.getNumerator()).isEqualTo(2);
        assertThat(restated.getValue()).isEqualTo(100.0);
        assertThat(restated.getRevision()).isEqualTo(1);
        IndicatorSnapshot now = harness.figure("workload-allocated", "S3", PeriodType.SNAPSHOT, "2024-04-20");
        assertThat(now.getNumerator()).isEqualTo(2);
        assertThat(now.getRevision()).as("today's figure is not a restatement").isZero();
        assertThat(now.getPreviousValue()).isEqualTo(100.0);
        assertThat(now.getDirectionOfTravel()).isEqualTo(DirectionOfTravel.NO_CHANGE);
    }

    @Test
    void shouldOpenNewPeriodsWhenTheMonthTurnsWithoutNewEvents() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        harness.send(aCase.referral("N1", "2024-04-02"), aCase.allocation("N1", "2024-04-03", "w1")).flush();
        assertThat(harness.figure("allocation-within-2wd", "N1", PeriodType.YTD, "2024-05-31")).isNull();

        harness.advance(Duration.ofDays(12)); // 2 May 2024

        IndicatorSnapshot may = harness.figure("allocation-within-2wd", "N1", PeriodType.YTD, "2024-05-31");
        assertThat(may.getNumerator()).isEqualTo(1);
        assertThat(may.getPreviousValue()).isEqualTo(100.0);
        assertThat(harness.figure("workload-allocated", "N1", PeriodType.SNAPSHOT, "2024-04-30").getNumerator()).isEqualTo(1);
    }

    @Test
    void shouldReduceACaseClosedBeforeTheRetentionHorizonToAMarkerAndIgnoreItsLateEvents() {
        CaseEvents aCase = CaseEvents.forCase("case-1", "child-1");
        CaseEvent allocation = aCase.allocation("N1", "2024-03-05", "w1");
        harness.send(aCase.referral("N1", "2024-03-01"), allocation, aCase.closed("N1", "2024-03-08")).flush();

        // 13 reporting months plus three years of look-back (the default catalogue compares demand
        // with two previous years): gone by May 2028.
        harness.advance(Duration.ofDays(4 * 365 + 30));
        assertThat(harness.metrics().registry().counter("casepulse.cases.expired").count()).isEqualTo(1.0);

        harness.send(amend(allocation).setOccurredOn(LocalDate.parse("2024-03-04")).build()).flush();
        assertThat(harness.metrics().registry().counter("casepulse.events.expired.case").count()).isEqualTo(1.0);
    }
}
