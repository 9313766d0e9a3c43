package org.casepulse.indicators.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesKeyTest {

    @Test
    void shouldParseWhatItEncodes() {
        SeriesKey key = new SeriesKey("workload-allocated", "E92000001");
        assertThat(key.encode()).isEqualTo("workload-allocated|E92000001");
        assertThat(SeriesKey.parse(key.encode())).isEqualTo(key);
    }

    @Test
    void shouldRefuseWhatItCannotSplitBack() {
        assertThatThrownBy(() -> new SeriesKey("a|b", "E92000001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeriesKey.parse("no-separator")).isInstanceOf(IllegalArgumentException.class);
    }
}
