package org.casepulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void shouldFindTheMetricOfAnAggregatedRate() {
        assertThat(PromQlMetricNames.in(
                "sum by (type) (rate(casepulse_events_processed_total{instance=~\"$instance\"}[$__rate_interval]))"))
                .containsExactly("casepulse_events_processed_total");
    }

    @Test
    void shouldKeepHistogramSeriesAndDropLabelsOfGroupingClauses() {
        assertThat(PromQlMetricNames.in(
                "histogram_quantile(0.95, sum by (instance, le) (rate(casepulse_snapshot_lag_seconds_bucket[10m]))) > 300"))
                .containsExactly("casepulse_snapshot_lag_seconds_bucket");
    }

    @Test
    void shouldFindEveryOperandOfBinaryExpressions() {
        assertThat(PromQlMetricNames.in("""
                max by (instance) (kafka_stream_client_state) != 2
                or min by (instance) (casepulse_view_caught_up) == bool 0
                unless on (instance) group_left (job) up{job="casepulse"} offset 5m"""))
                .containsExactly("casepulse_view_caught_up", "kafka_stream_client_state", "up");
    }

    @Test
    void shouldIgnoreLabelValuesThatLookLikeNamesAndNumbersWithExponents() {
        assertThat(PromQlMetricNames.in(
                "sum(kafka_consumer_fetch_manager_records_lag{topic=\"casepulse.case-events.v1\", client_id!~'x_y'}) > 1e5"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void shouldReadTheMetricOfAGrafanaLabelValuesQuery() {
        assertThat(PromQlMetricNames.in("label_values(up{job=\"casepulse\"}, instance)")).containsExactly("up");
        assertThat(PromQlMetricNames.in("label_values(instance)")).isEmpty();
    }

    @Test
    void shouldReadSubqueriesAndDivisions() {
        assertThat(PromQlMetricNames.in(
                "max_over_time(sum(rate(a_total[5m]))[1h:1m]) / ignoring (reason) sum without (reason) (b_seconds_count)"))
                .containsExactly("a_total", "b_seconds_count");
    }
}
