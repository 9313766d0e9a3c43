package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.testing.TopologyHarness;
import org.casepulse.topics.Topics;
import org.casepulse.workforce.PostFilling;
import org.casepulse.workforce.StaffRole;
import org.casepulse.workforce.TeamType;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;
import org.junit.jupiter.api.Test;

/** The workforce topic through the real topology: figures from posts, bad facts dead-lettered with the reason. */
class WorkforceTopologyTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private static final LocalDate TODAY = LocalDate.parse("2026-03-18");

    @Test
    void shouldPublishTheShareOfAgencyFteAndMoveItWhenAPostIsAmendedOrRetracted() {
        try (TopologyHarness harness = TopologyHarness.asOf(REFERENCE, TODAY, 13)) {
            harness.sendWorkforce(List.of(
                    post("e1", 0, "p-1", "N3", 1.0, PostFilling.AGENCY, "2026-01-05"),
                    post("e2", 0, "p-2", "N3", 0.5, PostFilling.PERMANENT, "2026-01-05"),
                    post("e3", 0, "p-3", "N3", 1.0, PostFilling.VACANT, "2026-02-02"))).flush();
            assertThat(today(harness, "posts-filled-by-agency", "N3")).extracting(s -> s.getNumerator() + "/" + s.getDenominator(),
                    IndicatorSnapshot::getValue).containsExactly("100/250", 40.0);
            assertThat(today(harness, "social-work-posts-vacant", "N3").getValue()).isEqualTo(1.0);

            // HR corrects the first post: permanent, not agency (an amendment); and the vacancy is retracted.
            harness.sendWorkforce(List.of(post("e1", 1, "p-1", "N3", 1.0, PostFilling.PERMANENT, "2026-01-05"),
                    WorkforceEvent.newBuilder().setEventId("r1").setType(WorkforceEventType.EVENT_RETRACTED)
                            .setAreaCode("N3").setEffectiveOn(TODAY).setRecordedAt(Instant.parse("2026-03-18T10:00:00Z"))
                            .setPostId("p-3").setRetractsEventId("e3").build())).flush();
            assertThat(today(harness, "posts-filled-by-agency", "N3")).extracting(s -> s.getNumerator() + "/" + s.getDenominator())
                    .isEqualTo("0/150");
            assertThat(today(harness, "social-work-posts-vacant", "N3").getValue()).isEqualTo(0.0);
            // The national figure is the sum of its areas.
            assertThat(today(harness, "posts-filled-by-qualified-social-workers", "NATIONAL").getValue()).isEqualTo(100.0);
        }
    }

    @Test
    void shouldDeadLetterAFactUnderAnotherKeyOrInAnUnknownAreaWithTheReason() {
        try (TopologyHarness harness = TopologyHarness.asOf(REFERENCE, TODAY, 13)) {
            WorkforceEvent fact = post("e1", 0, "p-1", "N3", 1.0, PostFilling.AGENCY, "2026-01-05");
            harness.sendRawWorkforce("p-1", harness.serialize(fact));
            harness.sendWorkforce(List.of(post("e2", 0, "p-2", "ZZ9", 1.0, PostFilling.AGENCY, "2026-01-05")));
            harness.sendRawWorkforce("post:p-3|e3", "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8)).flush();

            List<TestRecord<String, byte[]>> dead = harness.deadLetters();
            assertThat(dead).extracting(record -> DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASON))
                    .containsExactly("key-not-subject-and-event-id", "unknown-area", "undeserializable");
            assertThat(dead).allMatch(record -> Topics.WORKFORCE.equals(
                    DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.SOURCE_TOPIC)));
            assertThat(harness.current().keySet()).noneMatch(key -> key.getIndicatorId().startsWith("posts-"));
        }
    }

    private static IndicatorSnapshot today(TopologyHarness harness, String indicatorId, String area) {
        Map<IndicatorSnapshotKey, IndicatorSnapshot> current = harness.current();
        return current.values().stream()
                .filter(s -> s.getIndicatorId().equals(indicatorId) && s.getAreaCode().equals(area)
                        && s.getPeriodType() == PeriodType.SNAPSHOT && s.getPeriodEnd().equals(TODAY))
                .findFirst().orElseThrow(() -> new AssertionError("no figure today for " + indicatorId + " in " + area));
    }

    private static WorkforceEvent post(String id, int revision, String postId, String area, double fte, PostFilling filling,
                                       String from) {
        return WorkforceEvent.newBuilder().setEventId(id).setRevision(revision).setType(WorkforceEventType.POST_RECORDED)
                .setAreaCode(area).setEffectiveOn(LocalDate.parse(from))
                .setRecordedAt(Instant.parse(from + "T09:00:00Z").plusSeconds(revision * 86_400L * 60))
                .setPostId(postId).setTeamType(TeamType.ASSESSMENT).setRole(StaffRole.QUALIFIED_SOCIAL_WORKER).setFte(fte)
                .setFilledBy(filling).setWorkerId(filling == PostFilling.VACANT ? null : "w-" + postId).build();
    }
}
