package org.casepulse.scorecard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void shouldEscapeTextAndAttributes() {
        String page = new Html().open("p", "title", "\"><script>x</script>")
                .text("<script>alert('x') & more</script>").close("p").build();

        assertThat(page).isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
                + "&lt;script&gt;alert(&#39;x&#39;) &amp; more&lt;/script&gt;</p>");
    }

    @Test
    void shouldRefuseMarkupAsANameAndUnbalancedElements() {
        assertThatThrownBy(() -> new Html().open("p onload=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("p").close("div")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Html().open("p").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Html().style("</style><script>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTurnLinesIntoBreaks() {
        assertThat(new Html().lines("a<b\nc").build()).isEqualTo("a&lt;b<br>c");
    }
}
