package org.casepulse.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casepulse.events.EventType;

/**
 * Casepulse's own metrics: what came in, what was set aside and why, and what went out.
 * Every input record is either counted as processed or as dead-lettered ("nothing is lost").
 */
public final class PipelineMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer snapshotLag;
    private final Timer dayChange;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.snapshotLag = Timer.builder("casepulse.snapshot.lag")
                .description("From the recordedAt of the latest event behind a figure to its publication")
                .publishPercentileHistogram()
                .register(registry);
        this.dayChange = Timer.builder("casepulse.day.change")
                .description("Re-evaluating every series when the day changes (per stream task)")
                .register(registry);
    }

    /** Metrics that go nowhere: for tests and tools that do not scrape. */
    public static PipelineMetrics discarding() {
        return new PipelineMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void processed(EventType type) {
        counter("casepulse.events.processed", "Events accepted and applied to their case", "type", type.name()).increment();
    }

    public void deadLettered(String reason) {
        counter("casepulse.events.dead.lettered", "Records sent to the dead-letter topic", "reason", reason).increment();
    }

    public void amended() {
        counter("casepulse.events.amended", "Events that replaced a lower revision", null, null).increment();
    }

    public void retracted() {
        counter("casepulse.events.retractions", "Retraction events applied", null, null).increment();
    }

    public void duplicateIgnored() {
        counter("casepulse.events.duplicates", "Events ignored as duplicates (same or lower revision)", null, null).increment();
    }

    public void caseExpired() {
        counter("casepulse.cases.expired", "Closed cases reduced to a marker once past the retention horizon", null, null).increment();
    }

    public void expiredCaseEventIgnored() {
        counter("casepulse.events.expired.case", "Events ignored because their case closed before the retention horizon", null, null).increment();
    }

    public void anomaly(String kind) {
        counter("casepulse.case.anomalies", "Contradictions found between events of one case", "kind", kind).increment();
    }

    public void snapshotEmitted(boolean restated) {
        counter("casepulse.snapshots.emitted", "Indicator figures published", null, null).increment();
        if (restated) {
            counter("casepulse.snapshots.restated", "Published figures restated after their period ended", null, null).increment();
        }
    }

    public void snapshotWithdrawn() {
        counter("casepulse.snapshots.withdrawn", "Figures withdrawn (became empty or left the reporting window)", null, null).increment();
    }

    public void dayChange(Duration took) {
        dayChange.record(took);
    }

    public void snapshotLag(Duration lag) {
        if (!lag.isNegative()) {
            snapshotLag.record(lag);
        }
    }

    private Counter counter(String name, String description, String tag, String value) {
        String id = tag == null ? name : name + '|' + value;
        return counters.computeIfAbsent(id, k -> {
            Counter.Builder builder = Counter.builder(name).description(description);
            if (tag != null) {
                builder.tag(tag, value);
            }
            return builder.register(registry);
        });
    }
}
