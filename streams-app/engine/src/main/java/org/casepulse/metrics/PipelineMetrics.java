package org.casepulse.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casepulse.events.EventType;
import org.casepulse.events.ReasonCode;
import org.casepulse.indicators.Anomaly;

/**
 * Casepulse's own metrics: what came in, what was set aside and why, and what went out.
 * Every input record is either counted as processed or as dead-lettered ("nothing is lost").
 */
public final class PipelineMetrics {

    /** The counters, by Prometheus base name (Micrometer adds {@code _total}). */
    private enum Count {
        PROCESSED("casepulse.events.processed", "Events accepted and applied to their case", "type"),
        DEAD_LETTERED("casepulse.events.dead.lettered", "Records sent to the dead-letter topic", "reason"),
        AMENDED("casepulse.events.amended", "Events that replaced a lower revision", null),
        RETRACTIONS("casepulse.events.retractions", "Retraction events applied", null),
        DUPLICATES("casepulse.events.duplicates", "Events ignored as duplicates (same or lower revision)", null),
        EXPIRED_CASE_EVENTS("casepulse.events.expired.case", "Events ignored because their case closed before the retention horizon", null),
        ANOMALIES("casepulse.case.anomalies", "Contradictions found between events of one case", "kind"),
        CASES_EXPIRED("casepulse.cases.expired", "Closed cases reduced to a marker once past the retention horizon", null),
        EMITTED("casepulse.snapshots.emitted", "Indicator figures published", null),
        RESTATED("casepulse.snapshots.restated", "Published figures restated after their period ended", null),
        WITHDRAWN("casepulse.snapshots.withdrawn", "Figures withdrawn (became empty or left the reporting window)", null);

        final String meter;
        final String description;
        final String tag;

        Count(String meter, String description, String tag) {
            this.meter = meter;
            this.description = description;
            this.tag = tag;
        }
    }

    /** Dead-letter reason and anomaly kind: an event that would take its case's state past its limit. */
    public static final String CASE_STATE_LIMIT = "case-state-limit";
    /** Dead-letter reasons of the engine's own, beside the contract's {@link ReasonCode}s. */
    public static final List<String> ENGINE_REASONS = List.of("undeserializable", "empty-value", "key-not-case-id",
            CASE_STATE_LIMIT);
    /**
     * Lag is measured for events recorded within this long of their publication: the latency of
     * the pipeline, which a replay of history (recorded months ago) says nothing about.
     */
    public static final Duration LAG_WINDOW = Duration.ofDays(1);

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer snapshotLag;
    private final Timer dayChange;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.snapshotLag = Timer.builder("casepulse.snapshot.lag")
                .description("From the recordedAt of the latest event behind a figure to its publication (events recorded within the last day)")
                .publishPercentileHistogram()
                .register(registry);
        this.dayChange = Timer.builder("casepulse.day.change")
                .description("Re-evaluating every series when the day changes (per stream task)")
                .register(registry);
        // Series that exist from the first scrape, at zero, so that alerts and rates work at once.
        for (EventType type : EventType.values()) {
            counter(Count.PROCESSED, type.name());
        }
        for (Count count : Count.values()) {
            if (count.tag == null) {
                counter(count, null);
            }
        }
        for (ReasonCode reason : ReasonCode.values()) {
            counter(Count.DEAD_LETTERED, reason.code());
        }
        for (String reason : ENGINE_REASONS) {
            counter(Count.DEAD_LETTERED, reason);
        }
        for (Anomaly anomaly : Anomaly.values()) {
            counter(Count.ANOMALIES, anomaly.code());
        }
        counter(Count.ANOMALIES, CASE_STATE_LIMIT);
    }

    /** Metrics that go nowhere: for tests and tools that do not scrape. */
    public static PipelineMetrics discarding() {
        return new PipelineMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void processed(EventType type) {
        counter(Count.PROCESSED, type.name()).increment();
    }

    public void deadLettered(String reason) {
        counter(Count.DEAD_LETTERED, reason).increment();
    }

    public void amended() {
        counter(Count.AMENDED, null).increment();
    }

    public void retracted() {
        counter(Count.RETRACTIONS, null).increment();
    }

    public void duplicateIgnored() {
        counter(Count.DUPLICATES, null).increment();
    }

    public void caseExpired() {
        counter(Count.CASES_EXPIRED, null).increment();
    }

    public void expiredCaseEventIgnored() {
        counter(Count.EXPIRED_CASE_EVENTS, null).increment();
    }

    public void anomaly(String kind) {
        counter(Count.ANOMALIES, kind).increment();
    }

    public void snapshotEmitted(boolean restated) {
        counter(Count.EMITTED, null).increment();
        if (restated) {
            counter(Count.RESTATED, null).increment();
        }
    }

    public void snapshotWithdrawn() {
        counter(Count.WITHDRAWN, null).increment();
    }

    public void dayChange(Duration took) {
        dayChange.record(took);
    }

    /**
     * From the recordedAt of the latest event behind a figure to its publication, for events
     * recorded within the last {@link #LAG_WINDOW}; a recordedAt in the future (a CMS clock
     * ahead of ours) counts as no lag. Older events, from a backfill or replay, are not measured:
     * their "lag" of months would swamp the figure (and overflow the timer's sum).
     */
    public void snapshotLag(Duration lag) {
        if (lag.compareTo(LAG_WINDOW) <= 0) {
            snapshotLag.record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    private Counter counter(Count count, String tagValue) {
        String id = count.tag == null ? count.meter : count.meter + '|' + tagValue;
        return counters.computeIfAbsent(id, k -> {
            Counter.Builder builder = Counter.builder(count.meter).description(count.description);
            if (count.tag != null) {
                builder.tag(count.tag, tagValue);
            }
            return builder.register(registry);
        });
    }
}
