package org.casepulse.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casepulse.indicators.IndicatorCatalogue;
import org.junit.jupiter.api.Test;

class IndicatorJsonTest {

    @Test
    void shouldShowTheSeedLabelRowsAndSectionSoThePageCanGroupAndLabel() {
        JsonNode json = new ObjectMapper().valueToTree(
                IndicatorJson.of(IndicatorCatalogue.defaults().indicator("repeat-cp-plan")));

        assertThat(json.get("label").asText()).isEqualTo("NI 65");
        assertThat(json.get("seedRefs")).hasSize(1);
        assertThat(json.get("seedRefs").get(0).asText()).isEqualTo("CP4");
        assertThat(json.get("section").asText()).isEqualTo("child protection");
        assertThat(json.get("title").asText()).startsWith("Children becoming subject");
    }

    @Test
    void shouldLeaveTheLabelNullWhenTheSeedHasNone() {
        IndicatorJson json = IndicatorJson.of(IndicatorCatalogue.defaults().indicator("unallocated-over-7wd"));

        assertThat(json.label()).isNull();
        assertThat(json.seedRefs()).containsExactly("AL6");
        assertThat(json.section()).isEqualTo("allocation and workload");
    }
}
