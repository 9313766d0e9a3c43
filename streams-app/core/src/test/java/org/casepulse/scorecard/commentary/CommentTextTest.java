package org.casepulse.scorecard.commentary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void shouldKeepPlainTextWithLineBreaks() {
        assertThat(CommentText.validate("  Two visits were\r\nnot recorded.\t ", 100))
                .isEqualTo("Two visits were\nnot recorded.");
        assertThat(CommentText.validate("<script>alert(1)</script>", 100)).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void shouldRefuseBlankTooLongOrControlCharacters() {
        assertThatThrownBy(() -> CommentText.validate("  ", 10)).hasMessageContaining("blank");
        assertThatThrownBy(() -> CommentText.validate(null, 10)).hasMessageContaining("required");
        assertThatThrownBy(() -> CommentText.validate("x".repeat(11), 10))
                .hasMessage("text is 11 characters; at most 10 are allowed");
        assertThatThrownBy(() -> CommentText.validate("bell\u0007", 10)).hasMessageContaining("U+0007");
    }

    @Test
    void shouldCountCharactersNotUtf16Units() {
        assertThat(CommentText.validate("😀".repeat(10), 10)).hasSize(20);
    }
}
