package org.casepulse.scorecard.commentary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import org.casepulse.commentary.CommentaryKind;
import org.junit.jupiter.api.Test;

class CommentaryBookTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Comment.Entry ANALYSIS = new Comment.Entry("allocation-within-2wd", "N6", MARCH,
            CommentaryKind.ANALYSIS);

    static Comment comment(Comment.Entry entry, int version, String text) {
        return new Comment(entry.indicatorId(), entry.areaCode(), entry.month(), entry.kind(), version, "w" + version,
                text, "editor", Instant.parse("2026-04-02T09:00:00Z").plusSeconds(version), text == null);
    }

    @Test
    void shouldKeepEveryVersionAndShowTheLatest() {
        CommentaryBook book = new CommentaryBook();
        book.apply(comment(ANALYSIS, 1, "first"));
        book.apply(comment(ANALYSIS, 2, "second"));

        assertThat(book.current(ANALYSIS)).get().extracting(Comment::text).isEqualTo("second");
        assertThat(book.history(ANALYSIS)).extracting(Comment::text).containsExactly("first", "second");
        assertThat(book.nextVersion(ANALYSIS)).isEqualTo(3);
    }

    @Test
    void shouldHideADeletedEntryButKeepItsHistory() {
        CommentaryBook book = new CommentaryBook();
        book.apply(comment(ANALYSIS, 1, "first"));
        book.apply(comment(ANALYSIS, 2, null));

        assertThat(book.current(ANALYSIS)).isEmpty();
        assertThat(book.current(null, "N6", MARCH)).isEmpty();
        assertThat(book.history(null, "N6", MARCH)).extracting(Comment::version).containsExactly(1, 2);
        assertThat(book.nextVersion(ANALYSIS)).isEqualTo(3);
    }

    @Test
    void shouldIgnoreAVersionAppliedTwiceAndOrderAnyArrival() {
        CommentaryBook book = new CommentaryBook();
        assertThat(book.apply(comment(ANALYSIS, 2, "second"))).isTrue();
        assertThat(book.apply(comment(ANALYSIS, 1, "first"))).isTrue();
        assertThat(book.apply(comment(ANALYSIS, 2, "second"))).isFalse();

        assertThat(book.size()).isEqualTo(2);
        assertThat(book.current(ANALYSIS)).get().extracting(Comment::version).isEqualTo(2);
    }

    @Test
    void shouldFilterByIndicatorAreaAndMonth() {
        CommentaryBook book = new CommentaryBook();
        book.apply(comment(ANALYSIS, 1, "N6 in March"));
        Comment.Entry note = new Comment.Entry("allocation-within-2wd", "N6", MARCH, CommentaryKind.DATA_QUALITY);
        book.apply(comment(note, 1, "first extract"));
        book.apply(comment(new Comment.Entry("allocation-within-2wd", "N6", MARCH.minusMonths(1),
                CommentaryKind.ANALYSIS), 1, "February"));

        assertThat(book.current("allocation-within-2wd", "N6", MARCH)).extracting(Comment::text)
                .containsExactly("N6 in March", "first extract");
        assertThat(book.current(null, "N6", null)).hasSize(3);
        assertThat(book.current(null, "N5", null)).isEmpty();
    }

    @Test
    void shouldRefuseAnInconsistentComment() {
        assertThatThrownBy(() -> new Comment("i", "N6", MARCH, CommentaryKind.ANALYSIS, 0, "w", "text", "a",
                Instant.EPOCH, false)).hasMessageContaining("version");
        assertThatThrownBy(() -> new Comment("i", "N6", MARCH, CommentaryKind.ANALYSIS, 1, "w", null, "a",
                Instant.EPOCH, false)).hasMessageContaining("text");
    }

    @Test
    void shouldRoundTripThroughTheTopicsRecords() {
        Comment written = comment(ANALYSIS, 3, "text");
        assertThat(Comment.of(written.toKey(), written.toValue())).isEqualTo(written);
        Comment deleted = comment(ANALYSIS, 4, null);
        assertThat(Comment.of(deleted.toKey(), deleted.toValue())).isEqualTo(deleted);
    }
}
