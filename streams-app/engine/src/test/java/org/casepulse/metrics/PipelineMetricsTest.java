package org.casepulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.casepulse.events.ReasonCode;
import org.casepulse.indicators.Anomaly;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @Test
    void shouldMeasureLagOnlyForRecentEventsSoThatAReplayOfHistoryCannotSwampOrOverflowIt() {
        // Issue 11: casepulse_snapshot_lag_seconds_sum went to -6.1e9 after a historical replay.
        for (int i = 0; i < 10_000; i++) {
            metrics.snapshotLag(Duration.ofDays(500));
        }
        metrics.snapshotLag(Duration.ofSeconds(3));
        metrics.snapshotLag(Duration.ofSeconds(-5));

        Timer lag = registry.get("casepulse.snapshot.lag").timer();
        assertThat(lag.count()).isEqualTo(2);
        assertThat(lag.totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);
        assertThat(lag.max(TimeUnit.SECONDS)).isEqualTo(3.0);
    }

    @Test
    void shouldHaveEveryDeadLetterReasonAndAnomalyAtZeroFromTheStart() {
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(registry.get("casepulse.events.dead.lettered").tag("reason", reason.code()).counter().count()).isZero();
        }
        for (String reason : PipelineMetrics.ENGINE_REASONS) {
            assertThat(registry.get("casepulse.events.dead.lettered").tag("reason", reason).counter().count()).isZero();
        }
        for (Anomaly anomaly : Anomaly.values()) {
            assertThat(registry.get("casepulse.case.anomalies").tag("kind", anomaly.code()).counter().count()).isZero();
        }
        assertThat(registry.get("casepulse.case.anomalies").tag("kind", "case-state-limit").counter().count()).isZero();
    }
}
