package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.ReportType;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.RunningCasepulse;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FC5's shares of teams by band through a real broker, exactly-once: the team-bands stage reads
 * the series' figures through its own repartition topic, and an amendment that moves a team's
 * average to another band moves the national shares (COUNTING.md 13.1).
 */
@WithRealKafka
class TeamBandsIT {

    private static final LocalDate JUNE = LocalDate.parse("2024-06-30");

    @Test
    void shouldPublishTheSharesOfTeamsByBandAndMoveThemWhenATeamChangesBand(RealKafka kafka, @TempDir Path stateDir) {
        try (RunningCasepulse casepulse = RunningCasepulse.start(kafka, stateDir, "2024-07-10")) {
            CaseEvents n1 = CaseEvents.forCase("case-1", "child-1");
            CaseEvents n2 = CaseEvents.forCase("case-2", "child-2");
            CaseEvent n2Order = report(n2.referral("N2", "2024-03-01"), EventType.REPORT_ORDERED, "r2", "2024-03-04");
            // N1: 84 days, 12.0 weeks (meets the standard); N2: 91 days, 13.0 weeks.
            casepulse.send(n1.referral("N1", "2024-03-01"),
                    report(n1.referral("N1", "2024-03-01"), EventType.REPORT_ORDERED, "r1", "2024-03-11"),
                    report(n1.referral("N1", "2024-03-01"), EventType.REPORT_FILED, "r1", "2024-06-03"),
                    n2.referral("N2", "2024-03-01"), n2Order,
                    report(n2.referral("N2", "2024-03-01"), EventType.REPORT_FILED, "r2", "2024-06-03"));

            try (TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots = casepulse.snapshots(kafka)) {
                Map<String, String> shares = readUntil(snapshots, now -> "1/2".equals(now.get("under-12-weeks"))
                        && "1/2".equals(now.get("13-to-16-weeks")) && "0/2".equals(now.get("over-16-weeks")));
                assertThat(shares).containsEntry("under-12-weeks", "1/2");

                // N2's order was made a fortnight later: 77 days, 11.0 weeks, under 12.
                casepulse.send(CaseEvent.newBuilder(n2Order).setRevision(1)
                        .setOccurredOn(LocalDate.parse("2024-03-18")).build());
                shares = readUntil(snapshots, now -> "2/2".equals(now.get("under-12-weeks"))
                        && "0/2".equals(now.get("13-to-16-weeks")));
                assertThat(shares).containsEntry("over-16-weeks", "0/2");
            }
        }
    }

    /** A report event on the case of {@code referral}, with its id and type. */
    private static CaseEvent report(CaseEvent referral, EventType type, String reportId, String date) {
        return CaseEvent.newBuilder(referral).setEventId(referral.getCaseId() + "-" + type + "-" + reportId)
                .setType(type).setReportId(reportId).setReportType(ReportType.SECTION_7)
                .setOccurredOn(LocalDate.parse(date)).setRecordedAt(CaseEvents.noon(date)).build();
    }

    /** The national shares of June, "numerator/denominator" by band, as the topic stands, read until {@code done}. */
    private static Map<String, String> readUntil(TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots,
                                                 java.util.function.Predicate<Map<String, String>> done) {
        List<ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> read = snapshots.readUntil(
                records -> done.test(nationalJuneShares(records)), Duration.ofSeconds(90));
        return nationalJuneShares(read);
    }

    private static Map<String, String> nationalJuneShares(List<ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> records) {
        Map<String, String> shares = new HashMap<>();
        for (ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record : records) {
            IndicatorSnapshotKey key = record.key();
            if (key.getIndicatorId().startsWith("s7-teams-filing-") && key.getAreaCode().equals("NATIONAL")
                    && key.getPeriodType() == PeriodType.MONTH && key.getPeriodEnd().equals(JUNE)) {
                String band = key.getIndicatorId().substring("s7-teams-filing-".length());
                if (record.value() == null) {
                    shares.remove(band);
                } else {
                    shares.put(band, record.value().getNumerator() + "/" + record.value().getDenominator());
                }
            }
        }
        return shares;
    }

}
