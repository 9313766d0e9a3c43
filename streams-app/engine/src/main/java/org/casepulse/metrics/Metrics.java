package org.casepulse.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The application's metrics, scraped by Prometheus: the JVM's, the Kafka Streams client's and
 * Casepulse's own ({@link PipelineMetrics}), in one registry. Close it when the application stops.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final PipelineMetrics pipeline;
    private final List<AutoCloseable> binders = new CopyOnWriteArrayList<>();

    private Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.pipeline = new PipelineMetrics(registry);
    }

    /** A Prometheus registry with the JVM's memory, GC, thread, class-loading, processor and uptime metrics. */
    public static Metrics prometheus() {
        Metrics metrics = new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        JvmGcMetrics gc = new JvmGcMetrics();
        metrics.binders.add(gc);
        gc.bindTo(metrics.registry);
        new JvmMemoryMetrics().bindTo(metrics.registry);
        new JvmThreadMetrics().bindTo(metrics.registry);
        new ClassLoaderMetrics().bindTo(metrics.registry);
        new ProcessorMetrics().bindTo(metrics.registry);
        new UptimeMetrics().bindTo(metrics.registry);
        return metrics;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Casepulse's own metrics, in this registry: give it to the topology. */
    public PipelineMetrics pipeline() {
        return pipeline;
    }

    /**
     * Exports the client metrics of {@code streams} (threads, tasks, processors, stores, and its
     * producers and consumers), among them {@code kafka_stream_task_dropped_records_total}, the one
     * to alert on. Bind once the instance is created; metrics of threads started later are picked
     * up at the binder's next refresh. Stop with {@link KafkaStreamsMetrics#close()} or when these
     * metrics close.
     */
    public KafkaStreamsMetrics bind(KafkaStreams streams) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binders.add(binder);
        binder.bindTo(registry);
        return binder;
    }

    /** The registry's content in Prometheus' text format, as {@code /metrics} serves it. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot close metrics binder " + binder, e);
            }
        }
        binders.clear();
        registry.close();
    }
}
