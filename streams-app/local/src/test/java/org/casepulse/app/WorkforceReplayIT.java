package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casepulse.events.CaseEventJsonl;
import org.casepulse.events.PlanType;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.RunningCasepulse;
import org.casepulse.testing.TopicReader;
import org.casepulse.testing.WithRealKafka;
import org.casepulse.tools.CasepulseTools;
import org.casepulse.tools.ToolContext;
import org.casepulse.workforce.AppraisalRating;
import org.casepulse.workforce.PostFilling;
import org.casepulse.workforce.StaffRole;
import org.casepulse.workforce.TeamType;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;
import org.casepulse.workforce.WorkforceJsonl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "done when": a workforce extract replayed with {@code casepulse-tools replay} against
 * the real broker moves the staffing figures the running application publishes, and the caseload
 * per FTE of a case extract replayed beside it; a second extract (amendments, one of an
 * appraisal's rating, and a new version of a post) moves them again.
 */
@WithRealKafka
class WorkforceReplayIT {

    private static final String TODAY = "2026-03-18";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void shouldMoveTheStaffingFiguresWhenAWorkforceExtractIsReplayed(RealKafka kafka, @TempDir Path stateDir,
                                                                      @TempDir Path dir) throws Exception {
        try (RunningCasepulse casepulse = RunningCasepulse.start(kafka, stateDir, TODAY);
             TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots = casepulse.snapshots(kafka)) {
            // Four social work posts in N1 (3.5 FTE: one agency, 1.5 permanent, one vacant) and a vacant manager post.
            Path first = dir.resolve("workforce.jsonl");
            Files.write(first, List.of(
                    line(post("wf-1", 0, "p-1", StaffRole.QUALIFIED_SOCIAL_WORKER, 1.0, PostFilling.AGENCY)),
                    line(post("wf-2", 0, "p-2", StaffRole.QUALIFIED_SOCIAL_WORKER, 1.0, PostFilling.PERMANENT)),
                    line(post("wf-3", 0, "p-3", StaffRole.SOCIAL_WORK_ASSISTANT, 0.5, PostFilling.PERMANENT)),
                    line(post("wf-4", 0, "p-4", StaffRole.QUALIFIED_SOCIAL_WORKER, 1.0, PostFilling.VACANT)),
                    line(post("wf-5", 0, "p-5", StaffRole.MANAGER, 1.0, PostFilling.VACANT)),
                    line(WorkforceEvent.newBuilder().setEventId("wf-8").setType(WorkforceEventType.APPRAISAL_COMPLETED)
                            .setAreaCode("N1").setEffectiveOn(LocalDate.parse("2025-11-20"))
                            .setRecordedAt(Instant.parse("2025-11-20T15:00:00Z")).setWorkerId("worker-p-2")
                            .setAppraisalRating(AppraisalRating.GOOD).build()),
                    // p-2's holder qualified in September: newly qualified until 31 August (WF8).
                    line(WorkforceEvent.newBuilder().setEventId("wf-9").setType(WorkforceEventType.QUALIFICATION_RECORDED)
                            .setAreaCode("N1").setEffectiveOn(LocalDate.parse("2025-09-01"))
                            .setRecordedAt(Instant.parse("2025-09-01T09:00:00Z")).setWorkerId("worker-p-2").build()),
                    "{\"eventId\":\"wf-6\",\"type\":\"POST_RECORDED\",\"areaCode\":\"N1\"}"));
            Tool replay = replay(casepulse, first, casepulse.settings().topics().workforce());
            assertThat(replay.status()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("8 lines read, 7 sent to " + casepulse.settings().topics().workforce())
                    .contains("1 rejected");

            awaitFigure(snapshots, "posts-filled-by-agency", "100/350 28.6");
            awaitFigure(snapshots, "posts-filled-by-qualified-social-workers", "100/350 28.6");
            awaitFigure(snapshots, "social-work-posts-vacant", "1/4 1.0");
            awaitFigure(snapshots, "manager-posts-vacant", "1/1 1.0");
            // Permanent staff in post: the holders of p-2 (appraised in November) and p-3.
            awaitFigure(snapshots, "staff-appraised-12m", "1/2 50.0");
            awaitFigure(snapshots, "nq-staff-appraised-12m", "1/1 100.0");
            awaitFigure(snapshots, "nq-appraised-good-12m", "1/1 100.0");
            awaitFigure(snapshots, "staff-appraised-good-12m", "1/2 50.0");

            // A case on a child protection plan, allocated in N1: held by a safeguarding team (COUNTING.md
            // 14.8), one case over the 2.00 FTE of the filled qualified social worker posts there.
            CaseEvents aCase = CaseEvents.forCase("case-cp-1", "child-cp-1");
            Path cases = dir.resolve("cases.jsonl");
            Files.write(cases, List.of(CaseEventJsonl.toLine(aCase.referral("N1", "2026-02-02")),
                    CaseEventJsonl.toLine(aCase.allocation("N1", "2026-02-03", "worker-p-2")),
                    CaseEventJsonl.toLine(aCase.planStarted("N1", "2026-02-10", "plan-1", PlanType.CP))));
            Tool caseReplay = replay(casepulse, cases, casepulse.settings().topics().caseEvents());
            assertThat(caseReplay.status()).as(caseReplay.err()).isZero();
            awaitFigure(snapshots, "caseload-per-fte-safeguarding", "1/200 0.5");

            // HR corrects the agency post to permanent (a new revision) and fills the vacancy from 2 March.
            Path second = dir.resolve("workforce-2.jsonl");
            Files.write(second, List.of(
                    line(post("wf-1", 1, "p-1", StaffRole.QUALIFIED_SOCIAL_WORKER, 1.0, PostFilling.PERMANENT)),
                    line(WorkforceEvent.newBuilder(post("wf-7", 0, "p-4", StaffRole.QUALIFIED_SOCIAL_WORKER, 1.0,
                            PostFilling.PERMANENT)).setEffectiveOn(LocalDate.parse("2026-03-02")).build()),
                    // and corrects November's appraisal rating: requires improvement (WF8's scores).
                    line(WorkforceEvent.newBuilder().setEventId("wf-8").setRevision(1).setType(WorkforceEventType.APPRAISAL_COMPLETED)
                            .setAreaCode("N1").setEffectiveOn(LocalDate.parse("2025-11-20"))
                            .setRecordedAt(Instant.parse("2026-03-10T10:00:00Z")).setWorkerId("worker-p-2")
                            .setAppraisalRating(AppraisalRating.REQUIRES_IMPROVEMENT).build())));
            Tool again = replay(casepulse, second, casepulse.settings().topics().workforce());
            assertThat(again.status()).as(again.err()).isZero();

            awaitFigure(snapshots, "posts-filled-by-agency", "0/350 0.0");
            awaitFigure(snapshots, "posts-filled-by-qualified-social-workers", "300/350 85.7");
            awaitFigure(snapshots, "social-work-posts-vacant", "0/4 0.0");
            awaitFigure(snapshots, "staff-appraised-12m", "1/4 25.0");
            awaitFigure(snapshots, "staff-appraised-good-12m", "0/4 0.0");
            awaitFigure(snapshots, "nq-appraised-good-12m", "0/1 0.0");
            // p-4 filled: the same case over 3.00 FTE.
            awaitFigure(snapshots, "caseload-per-fte-safeguarding", "1/300 0.3");
        }
    }

    /** Waits until the latest figure of today in N1 for the indicator reads "numerator/denominator value". */
    private static void awaitFigure(TopicReader<IndicatorSnapshotKey, IndicatorSnapshot> snapshots, String indicatorId,
                                    String expected) {
        List<ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> read = snapshots.readUntil(
                records -> expected.equals(latest(records, indicatorId)), TIMEOUT);
        assertThat(latest(read, indicatorId)).as(indicatorId).isEqualTo(expected);
    }

    private static String latest(List<ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot>> records, String indicatorId) {
        String latest = null;
        for (ConsumerRecord<IndicatorSnapshotKey, IndicatorSnapshot> record : records) {
            IndicatorSnapshot figure = record.value();
            if (figure != null && figure.getIndicatorId().equals(indicatorId) && figure.getAreaCode().equals("N1")
                    && figure.getPeriodType() == PeriodType.SNAPSHOT && figure.getPeriodEnd().toString().equals(TODAY)) {
                latest = figure.getNumerator() + "/" + figure.getDenominator() + " " + figure.getValue();
            }
        }
        return latest;
    }

    private static WorkforceEvent post(String id, int revision, String postId, StaffRole role, double fte, PostFilling filling) {
        return WorkforceEvent.newBuilder().setEventId(id).setRevision(revision).setType(WorkforceEventType.POST_RECORDED)
                .setAreaCode("N1").setEffectiveOn(LocalDate.parse("2026-01-05"))
                .setRecordedAt(Instant.parse("2026-01-05T09:00:00Z").plusSeconds(revision * 86_400L * 30))
                .setPostId(postId).setTeamType(TeamType.SAFEGUARDING).setRole(role).setFte(fte).setFilledBy(filling)
                .setWorkerId(filling == PostFilling.VACANT ? null : "worker-" + postId).build();
    }

    private static String line(WorkforceEvent fact) {
        return WorkforceJsonl.toLine(fact);
    }


    private record Tool(int status, String out, String err) {}

    /** casepulse-tools replay in this JVM; a workforce extract is recognised by its content (no flag). */
    private static Tool replay(RunningCasepulse casepulse, Path extract, String topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ToolContext context = ToolContext.of(new ByteArrayInputStream(new byte[0]), out, err, Map.of(), false,
                Clock.systemUTC());
        int status = CasepulseTools.execute(new String[] {"replay", extract.toString(),
                "--topic", topic,
                "--bootstrap-servers", casepulse.settings().bootstrapServers(),
                "--schema-registry-url", casepulse.schemaRegistryUrl()}, context);
        context.out().flush();
        context.err().flush();
        return new Tool(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
