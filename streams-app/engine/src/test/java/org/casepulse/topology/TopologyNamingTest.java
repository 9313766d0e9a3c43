package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.casepulse.app.CasepulseApplication;
import org.casepulse.app.CasepulseSettings;
import org.casepulse.metrics.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Internal topics and stores are named after what they hold, so their names survive a release:
 * the application builds its topology with {@code ensure.explicit.internal.resource.naming} in the
 * builder's own configuration, where Kafka Streams checks it, and nothing gets a generated name.
 */
class TopologyNamingTest {

    @Test
    void shouldNameEveryProcessorStoreAndInternalTopicOfTheApplicationsTopology() {
        try (Metrics metrics = Metrics.prometheus()) {
            String description = new CasepulseApplication(CasepulseSettings.defaults(), metrics)
                    .topology().describe().toString();

            assertThat(description).doesNotContain("KSTREAM-", "KTABLE-")
                    .contains("case-ledger", "by-child-repartition", "case-changes-by-series-repartition");
        }
    }
}
