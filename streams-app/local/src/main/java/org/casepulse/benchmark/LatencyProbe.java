package org.casepulse.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.publish.CaseEventPublisher;
import org.casepulse.serde.AvroSerdeConfig;
import org.casepulse.serde.SpecificAvroDeserializer;
import org.casepulse.snapshots.IndicatorSnapshot;

/**
 * Measures how long an event takes to show in the published figures. Probes are new referrals,
 * sent at a steady rate into one lowest area on one date: the i-th probe is the first that can
 * make that area's referral count for the period holding that date (rolling 12 months) reach
 * baseline + i, so the first figure with a count of at least baseline + i is the first that
 * reflects it. Its latency is the time from the probe's send to that figure's arrival at a
 * read-committed consumer (a figure is visible only once the transaction that wrote it commits).
 */
final class LatencyProbe {

    static final String INDICATOR = "referral-rate-per-10k";

    private final String bootstrap;
    private final String registryUrl;
    private final String snapshotTopic;
    private final String area;
    private final LocalDate day;
    private final PrintStream out;

    LatencyProbe(String bootstrap, String registryUrl, String snapshotTopic, String area,
                 LocalDate day, PrintStream out) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.snapshotTopic = snapshotTopic;
        this.area = area;
        this.day = day;
        this.out = out;
    }

    void run(CaseEventPublisher publisher, int rate, Duration length) throws InterruptedException {
        int probes = (int) (rate * length.toSeconds());
        long[] sentAt = new long[probes];
        long[] latency = new long[probes];
        Arrays.fill(latency, -1);
        AtomicInteger matched = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long baseline = currentCount();
        out.printf("latency: %,d probes at %,d/s into %s (month count before: %,d)%n", probes, rate, area, baseline);

        Thread watcher = new Thread(() -> watch(baseline, sentAt, latency, matched, stop), "latency-watcher");
        watcher.start();
        long started = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < probes; i++) {
            long due = started + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            sentAt[i] = System.nanoTime();
            publisher.send(probe(i));
        }
        publisher.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (matched.get() < probes && System.nanoTime() < deadline) {
            Thread.sleep(100); // waiting on the watcher thread's count
        }
        stop.set(true);
        watcher.join();

        long[] seen = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
        if (seen.length == 0) {
            out.println("latency: no probe was seen in the published figures");
            return;
        }
        out.printf("latency send -> figure: p50 %d ms, p99 %d ms, max %d ms (%,d of %,d probes seen)%n",
                percentile(seen, 0.50), percentile(seen, 0.99), seen[seen.length - 1], seen.length, probes);
    }

    private CaseEvent probe(int i) {
        return CaseEvent.newBuilder().setEventId("probe-" + i).setRevision(0).setType(EventType.REFERRAL_RECEIVED)
                .setCaseId("probe-case-" + i).setChildId("probe-child-" + i).setAreaCode(area).setOccurredOn(day)
                .setRecordedAt(Instant.now()).build();
    }

    /** The latest published count of the probed figure (0 when none is published yet). */
    private long currentCount() {
        long[] count = {0};
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            var partitions = consumer.partitionsFor(snapshotTopic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(snapshotTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            SpecificAvroDeserializer<IndicatorSnapshot> snapshots = deserializer();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    IndicatorSnapshot snapshot = record.value() == null ? null : snapshots.deserialize(snapshotTopic, record.value());
                    if (isProbed(snapshot)) {
                        count[0] = snapshot.getNumerator();
                    }
                }
            }
        }
        return count[0];
    }

    private void watch(long baseline, long[] sentAt, long[] latency, AtomicInteger matched, AtomicBoolean stop) {
        SpecificAvroDeserializer<IndicatorSnapshot> snapshots = deserializer();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            var partitions = consumer.partitionsFor(snapshotTopic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(snapshotTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            int next = 0;
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long arrived = System.nanoTime();
                    IndicatorSnapshot snapshot = record.value() == null ? null : snapshots.deserialize(snapshotTopic, record.value());
                    if (!isProbed(snapshot)) {
                        continue;
                    }
                    long reflected = Math.min(snapshot.getNumerator() - baseline, sentAt.length);
                    while (next < reflected) {
                        if (sentAt[next] != 0) {
                            latency[next] = (arrived - sentAt[next]) / 1_000_000;
                        }
                        next++;
                        matched.incrementAndGet();
                    }
                }
            }
        }
    }

    private boolean isProbed(IndicatorSnapshot snapshot) {
        return snapshot != null && INDICATOR.equals(snapshot.getIndicatorId()) && area.equals(snapshot.getAreaCode())
                && !snapshot.getPeriodStart().isAfter(day)
                && !snapshot.getPeriodEnd().isBefore(day);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private SpecificAvroDeserializer<IndicatorSnapshot> deserializer() {
        SpecificAvroDeserializer<IndicatorSnapshot> snapshots = new SpecificAvroDeserializer<>(IndicatorSnapshot.class);
        snapshots.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return snapshots;
    }

    private static long percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
