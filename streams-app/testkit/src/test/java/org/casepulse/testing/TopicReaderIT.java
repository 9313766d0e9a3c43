package org.casepulse.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithRealKafka
class TopicReaderIT {

    @Test
    void shouldFailAtTheDeadlineNamingTheTopicWhenTheConditionIsNotMet(RealKafka kafka) {
        String topic = kafka.uniqueTopic("too-few");
        kafka.createTopic(topic, 1);
        kafka.produceStrings(topic, List.of(Map.entry("only", "one")));

        try (TopicReader<String, String> reader = TopicReader.ofStrings(kafka.bootstrapServers(), topic)) {
            assertThat(reader.readAtLeast(1, Duration.ofSeconds(30))).hasSize(1);
            assertThatThrownBy(() -> reader.readAtLeast(2, Duration.ofSeconds(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(topic)
                    .hasMessageContaining("the 1 records read");
        }
    }

    @Test
    void shouldRefuseATopicThatDoesNotExist(RealKafka kafka) {
        String topic = kafka.uniqueTopic("missing");

        assertThatThrownBy(() -> TopicReader.ofStrings(kafka.bootstrapServers(), topic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic + " does not exist");
    }
}
