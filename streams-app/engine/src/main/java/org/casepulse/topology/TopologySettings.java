package org.casepulse.topology;

import org.casepulse.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.events.CaseEvent;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.workforce.WorkforceEvent;

/**
 * What the topology is built from: topics, reference data, the clock, timing, and the serdes of
 * the public topics (Schema Registry Avro in production; any registry client in tests).
 *
 * @param cadence         how often pending aggregate changes move on, live and while catching up
 * @param clockInterval   how often the day is checked (snapshot figures change at midnight)
 * @param reportingMonths how many months of figures are published, the current one included
 * @param caseStateLimitBytes the most one case's encoded state may take (see {@link CaseStateBudget})
 * @param registryOutage  shared with the application, which reports it and retries
 * @param workforceDeserializer the workforce topic's facts (issue 15), with the same registry as the events
 */
public record TopologySettings(
        Topics topics,
        ReferenceData reference,
        BusinessClock clock,
        FlushCadence cadence,
        Duration clockInterval,
        int reportingMonths,
        Deserializer<CaseEvent> eventDeserializer,
        Serde<IndicatorSnapshotKey> snapshotKeySerde,
        Serde<IndicatorSnapshot> snapshotSerde,
        PipelineMetrics metrics,
        int caseStateLimitBytes,
        RegistryOutage registryOutage,
        Deserializer<WorkforceEvent> workforceDeserializer) {


    public static final Duration DEFAULT_CLOCK_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_REPORTING_MONTHS = 13;
}
