package org.casepulse.benchmark;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.casepulse.reference.ReferenceData;
import org.casepulse.state.CaseState;
import org.casepulse.topology.CaseStateSerde;

/**
 * What a run leaves behind and what it wrote on the way: the state kept per case, the records
 * written to changelog and repartition topics per input event, and the heap.
 */
final class StateFigures {

    static final String CASE_LEDGER = "case-ledger";

    private final KafkaStreams streams;
    private final Admin admin;
    private final String applicationId;
    private final ReferenceData reference;
    private final PrintStream out;

    StateFigures(KafkaStreams streams, Admin admin, String applicationId, ReferenceData reference, PrintStream out) {
        this.streams = streams;
        this.admin = admin;
        this.applicationId = applicationId;
        this.reference = reference;
        this.out = out;
    }

    void print(long inputEvents) throws Exception {
        out.printf("catalogue: %d indicators%n", reference.catalogue().all().size());
        caseState();
        topics(inputEvents);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        out.printf("heap after the run (broker, registry and application in this JVM): %,d MB used of %,d MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    /** Each case's state as stored (its encoded value), over open and closed cases alike. */
    private void caseState() {
        ReadOnlyKeyValueStore<String, CaseState> ledger = streams.store(
                StoreQueryParameters.fromNameAndType(CASE_LEDGER, QueryableStoreTypes.keyValueStore()));
        long cases = 0;
        long open = 0;
        long bytes = 0;
        long openBytes = 0;
        long largest = 0;
        try (KeyValueIterator<String, CaseState> all = ledger.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                long size = CaseStateSerde.encode(entry.value).length + entry.key.length();
                cases++;
                bytes += size;
                largest = Math.max(largest, size);
                if (entry.value.getExpiresOn() == null && !entry.value.getExpired()) {
                    open++;
                    openBytes += size;
                }
            }
        }
        out.printf("case state: %,d cases (%,d open), %,.0f bytes per case, %,.0f per open case, largest %,d bytes%n",
                cases, open, cases == 0 ? 0.0 : (double) bytes / cases, open == 0 ? 0.0 : (double) openBytes / open, largest);
        Map<String, Double> rocks = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (CASE_LEDGER.equals(name.tags().get("rocksdb-state-id"))
                    && Set.of("total-sst-files-size", "size-all-mem-tables", "estimate-num-keys").contains(name.name())
                    && metric.getValue().metricValue() instanceof Number value) {
                rocks.merge(name.name(), value.doubleValue(), Double::sum);
            }
        }
        if (!rocks.isEmpty()) {
            double keys = rocks.getOrDefault("estimate-num-keys", 0.0);
            double onDisk = rocks.getOrDefault("total-sst-files-size", 0.0) + rocks.getOrDefault("size-all-mem-tables", 0.0);
            out.printf("case ledger in RocksDB: %,.0f bytes in SST files and memtables for ~%,.0f keys (%,.0f bytes per key)%n",
                    onDisk, keys, keys == 0 ? 0.0 : onDisk / keys);
        }
    }

    /** Records and bytes written to the application's internal topics, from their end offsets and log sizes. */
    private void topics(long inputEvents) throws Exception {
        Set<String> internal = new java.util.TreeSet<>();
        for (String topic : admin.listTopics().names().get()) {
            if (topic.startsWith(applicationId + "-") && (topic.endsWith("-changelog") || topic.endsWith("-repartition"))) {
                internal.add(topic);
            }
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(internal).allTopicNames().get().values()) {
            description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<String, Long> records = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) ->
                records.merge(partition.topic(), info.offset(), Long::sum));
        Map<String, Long> bytes = new HashMap<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(
                admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList()).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                dir.replicaInfos().forEach((partition, info) -> bytes.merge(partition.topic(), info.size(), Long::sum));
            }
        }
        long changelog = 0;
        long repartition = 0;
        for (Map.Entry<String, Long> topic : records.entrySet()) {
            String name = topic.getKey().substring(applicationId.length() + 1);
            out.printf("  %-40s %,12d records %,8.2f per input event, %,d bytes on disk%n", name, topic.getValue(),
                    (double) topic.getValue() / inputEvents, bytes.getOrDefault(topic.getKey(), 0L));
            if (name.endsWith("-changelog")) {
                changelog += topic.getValue();
            } else {
                repartition += topic.getValue();
            }
        }
        out.printf("per input event: %.2f changelog records, %.2f repartition records"
                        + " (end offsets: transaction markers included)%n",
                (double) changelog / inputEvents, (double) repartition / inputEvents);
    }
}
