package org.casepulse.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.casepulse.events.ReasonCode;
import org.junit.jupiter.api.Test;

class WorkforceJsonlTest {

    private static final String POST = "{\"eventId\":\"wf-1\",\"type\":\"POST_RECORDED\",\"areaCode\":\"N3\","
            + "\"effectiveOn\":\"2026-01-05\",\"recordedAt\":\"2026-01-05T09:00:00Z\",\"postId\":\"p-1\","
            + "\"workerId\":\"w-1\",\"teamType\":\"ASSESSMENT\",\"role\":\"MANAGER\",\"fte\":0.5,\"filledBy\":\"AGENCY\"}";

    @Test
    void shouldReadEveryLineOfTheExampleFileAndWriteItBackTheSame() throws IOException {
        List<String> lines = exampleLines();
        assertThat(lines).hasSize(10);
        for (int i = 0; i < lines.size(); i++) {
            WorkforceJsonl.Line parsed = WorkforceJsonl.parse(lines.get(i), i + 1);
            assertThat(parsed).as(lines.get(i)).isInstanceOf(WorkforceJsonl.Line.Fact.class);
            WorkforceEvent event = ((WorkforceJsonl.Line.Fact) parsed).event();
            WorkforceJsonl.Line again = WorkforceJsonl.parse(WorkforceJsonl.toLine(event), 1);
            assertThat(((WorkforceJsonl.Line.Fact) again).event()).isEqualTo(event);
        }
        WorkforceEvent types = ((WorkforceJsonl.Line.Fact) WorkforceJsonl.parse(lines.get(0), 1)).event();
        assertThat(types.getRevision()).isZero();
        assertThat(types.getFilledBy()).isEqualTo(PostFilling.PERMANENT);
        assertThat(types.getEffectiveOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(WorkforceKeys.recordKey(types)).isEqualTo("post:post-0031|wf-000101");
        WorkforceEvent absence = ((WorkforceJsonl.Line.Fact) WorkforceJsonl.parse(lines.get(5), 6)).event();
        assertThat(WorkforceKeys.subject(absence)).isEqualTo("worker:worker-0007");
        assertThat(lines).allMatch(WorkforceJsonl::looksLikeWorkforce);
        WorkforceEvent appraisal = ((WorkforceJsonl.Line.Fact) WorkforceJsonl.parse(lines.get(6), 7)).event();
        assertThat(appraisal.getType()).isEqualTo(WorkforceEventType.APPRAISAL_COMPLETED);
        assertThat(appraisal.getAppraisalRating()).isEqualTo(AppraisalRating.GOOD);
    }

    @Test
    void shouldReadAnAppraisalWithOrWithoutItsRatingAndRejectAnUnknownRating() {
        String appraisal = "{\"eventId\":\"wf-2\",\"revision\":0,\"type\":\"APPRAISAL_COMPLETED\",\"areaCode\":\"N3\","
                + "\"effectiveOn\":\"2026-02-27\",\"recordedAt\":\"2026-03-02T09:45:00Z\",\"workerId\":\"w-1\"}";
        WorkforceEvent unrated = ((WorkforceJsonl.Line.Fact) WorkforceJsonl.parse(appraisal, 1)).event();
        assertThat(unrated.getAppraisalRating()).isNull();
        String rated = appraisal.replace("}", ",\"appraisalRating\":\"REQUIRES_IMPROVEMENT\"}");
        WorkforceEvent event = ((WorkforceJsonl.Line.Fact) WorkforceJsonl.parse(rated, 1)).event();
        assertThat(event.getAppraisalRating()).isEqualTo(AppraisalRating.REQUIRES_IMPROVEMENT);
        assertThat(WorkforceJsonl.toLine(event)).isEqualTo(rated);
        assertThat(error(rated.replace("REQUIRES_IMPROVEMENT", "EXCELLENT")).violations())
                .extracting(v -> v.field() + " " + v.code()).containsExactly("appraisalRating " + ReasonCode.UNKNOWN_ENUM_VALUE);
    }

    @Test
    void shouldRejectUnknownFieldsWrongTypesAndBadSymbolsWithTheField() {
        assertThat(error(POST.replace("\"fte\"", "\"ftee\"")).violations().get(0).code()).isEqualTo(ReasonCode.UNKNOWN_FIELD);
        assertThat(error(POST.replace("0.5", "\"0.5\"")).violations().get(0).field()).isEqualTo("fte");
        assertThat(error(POST.replace("AGENCY", "CONTRACTOR")).violations().get(0).code())
                .isEqualTo(ReasonCode.UNKNOWN_ENUM_VALUE);
        assertThat(error(POST.replace("\"POST_RECORDED\"", "\"UNKNOWN\"")).violations().get(0).code())
                .isEqualTo(ReasonCode.UNKNOWN_ENUM_VALUE);
        assertThat(error(POST.replace("2026-01-05\"", "05/01/2026\"")).violations().get(0).code())
                .isEqualTo(ReasonCode.INVALID_FORMAT);
        assertThat(error(POST + "x").violations().get(0).code()).isEqualTo(ReasonCode.MALFORMED_JSON);
        assertThat(error("[1]").violations().get(0).code()).isEqualTo(ReasonCode.NOT_AN_OBJECT);
    }

    @Test
    void shouldRequireTheFieldsOfEachType() {
        assertThat(error(POST.replace(",\"workerId\":\"w-1\"", "")).violations())
                .extracting(v -> v.field() + " " + v.code().code()).containsExactly("workerId missing-field");
        assertThat(WorkforceJsonl.parse(POST.replace(",\"workerId\":\"w-1\"", "").replace("AGENCY", "VACANT"), 1))
                .isInstanceOf(WorkforceJsonl.Line.Fact.class);
        assertThat(error(POST.replace("0.5", "1.5")).violations().get(0).field()).isEqualTo("fte");
        assertThat(error(POST.replace("0.5", "0.333")).violations().get(0).field()).isEqualTo("fte");
        String absence = "{\"eventId\":\"wf-2\",\"type\":\"ABSENCE_RECORDED\",\"areaCode\":\"N3\",\"effectiveOn\":\"2026-03-09\","
                + "\"recordedAt\":\"2026-03-13T10:00:00Z\",\"workerId\":\"w-1\",\"absenceType\":\"LONG_TERM\",\"lastDay\":\"2026-03-02\"}";
        assertThat(error(absence).violations()).extracting(v -> v.field()).containsExactly("lastDay");
        String retraction = "{\"eventId\":\"wf-3\",\"type\":\"EVENT_RETRACTED\",\"areaCode\":\"N3\",\"effectiveOn\":\"2026-03-09\","
                + "\"recordedAt\":\"2026-03-13T10:00:00Z\",\"retractsEventId\":\"wf-3\"}";
        assertThat(error(retraction).violations()).extracting(v -> v.field()).containsExactly("retractsEventId", "postId");
    }

    private static WorkforceJsonl.Line.Error error(String line) {
        WorkforceJsonl.Line parsed = WorkforceJsonl.parse(line, 7);
        assertThat(parsed).as(line).isInstanceOf(WorkforceJsonl.Line.Error.class);
        return (WorkforceJsonl.Line.Error) parsed;
    }

    static List<String> exampleLines() throws IOException {
        try (InputStream in = WorkforceJsonlTest.class.getResourceAsStream("/examples/workforce.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
