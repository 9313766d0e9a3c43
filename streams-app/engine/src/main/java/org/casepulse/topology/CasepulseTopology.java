package org.casepulse.topology;

import org.casepulse.topics.Topics;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.casepulse.indicators.measures.CaseFacts;
import org.casepulse.indicators.measures.ChildFacts;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.state.LedgerDelta;
import org.casepulse.state.SeriesChanges;
import org.casepulse.state.SeriesState;
import org.casepulse.state.WorkforceState;
import org.casepulse.indicators.workforce.PostFacts;
import org.casepulse.indicators.workforce.StaffFacts;
import org.casepulse.state.StaffInput;
import org.casepulse.state.StaffState;
import org.casepulse.workforce.WorkforceEvent;

/**
 * The Casepulse topology, assembled in one place.
 *
 * <pre>
 * case events (by case) -> admission -> dead letters
 *                               |
 *                          case ledger --(child summaries, by child)--> child ledger ---------+
 *                               |  \---(worker holdings, by area+worker)--> worker ledger ---+
 *                               |                                                            |
 *                               +--------(changes, by indicator)--------------------------(each by indicator)
 *                                                                                            |
 *                                                                    indicator series <------+--> snapshots
 * workforce facts (by subject) -> admission -> dead letters                                  ^
 *                      posts --> workforce ledger (by post) ---------------------------------+
 *                                     \--(tenures, by worker)--> staff ledger (by worker) ---+
 *                      worker facts (by worker) ---------------------^
 *
 * snapshots of a banded indicator at the lowest areas --(by indicator+ancestor)--> team bands --> snapshots
 * </pre>
 *
 * Each ledger keeps what its key contributes and sends exact differences; changes are summed per
 * cell and sent once per flush, one record per indicator; the series stage turns cells into the published figures.
 */
public final class CasepulseTopology {

    private CasepulseTopology() {}

    /**
     * Builds the topology with the application's streams configuration, so that topology-level
     * settings apply while it is built: with {@code ensure.explicit.internal.resource.naming} on,
     * an unnamed store, repartition or changelog topic fails here rather than getting a generated
     * name that would change between releases.
     */
    public static Topology build(TopologySettings settings, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsConfig)));
        build(builder, settings);
        return builder.build();
    }

    public static void build(StreamsBuilder builder, TopologySettings settings) {
        ReferenceData reference = settings.reference();
        Topics topics = settings.topics();
        var deltaSerde = AvroStateSerde.of(LedgerDelta.class);
        var seriesChangesSerde = new SeriesChangesSerde();

        // 1. Admission: each record on its own; what cannot be read or fails validation is dead-lettered.
        Map<String, KStream<String, Admission>> admitted = builder
                .stream(topics.caseEvents(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("case-events"))
                .process(() -> new EventAdmission(settings.eventDeserializer(), reference.areas(), reference.calendar(),
                        settings.metrics(), settings.registryOutage()), Named.as("admit-events"))
                .split(Named.as("admission-"))
                .branch((caseId, admission) -> admission.isAccepted(), Branched.as("accepted"))
                .defaultBranch(Branched.as("refused"));
        KStream<String, Admission> events = admitted.get("admission-accepted");

        // 2. Per case: its events, its facts, and the exact changes to every cell it feeds.
        ChildFacts childFacts = new ChildFacts(reference.catalogue());
        CaseFacts caseFacts = new CaseFacts(reference.catalogue(), reference.calendar());
        var caseStateSerde = new CaseStateSerde();
        Map<String, KStream<String, CaseOutput>> caseOutputs = events
                .process(supplier(() -> new CaseLedgerProcessor(caseFacts, reference.areas(), !childFacts.isEmpty(),
                                settings.clock(), settings.reportingMonths(), settings.cadence(), settings.metrics(),
                                new CaseStateBudget(settings.caseStateLimitBytes(), caseStateSerde.serializer())),
                        StateStores.persistent(StateStores.CASE_LEDGER, caseStateSerde),
                        StateStores.persistent(StateStores.CASE_EXPIRY, Serdes.String()),
                        StateStores.beforeCommit(StateStores.CASE_BEFORE_COMMIT)),
                        Named.as("case-ledger"))
                .split(Named.as("case-output-"))
                .branch((key, out) -> out instanceof CaseOutput.SeriesChange, Branched.as("series"))
                .branch((key, out) -> out instanceof CaseOutput.HoldingChange, Branched.as("holdings"))
                .branch((key, out) -> out instanceof CaseOutput.Refused, Branched.as("refused"))
                .defaultBranch(Branched.as("children"));
        KStream<String, SeriesChanges> caseChanges = caseOutputs.get("case-output-series")
                .mapValues(out -> ((CaseOutput.SeriesChange) out).changes(), Named.as("case-series-changes"));

        // Dead letters: refused at admission, or by the case ledger (a case at its size limit).
        admitted.get("admission-refused")
                .mapValues(Admission::raw, Named.as("refused-payload"))
                .merge(caseOutputs.get("case-output-refused")
                        .mapValues(out -> ((CaseOutput.Refused) out).raw(), Named.as("case-refused-payload")),
                        Named.as("merge-refused"))
                .to(topics.deadLetters(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letters"));

        // 3. Per child: re-referrals and repeat plans look across the child's cases.
        KStream<String, SeriesChanges> childChanges = caseOutputs.get("case-output-children")
                .mapValues(out -> ((CaseOutput.ChildUpdate) out).summary(), Named.as("child-summaries"))
                .repartition(Repartitioned.with(Serdes.String(), new ChildSummarySerde()).withName("by-child"))
                .process(supplier(() -> new ChildLedgerProcessor(childFacts, reference.areas(), settings.clock(),
                                settings.reportingMonths(), settings.cadence()),
                        StateStores.persistent(StateStores.CHILD_LEDGER, new ChildStateSerde()),
                        StateStores.beforeCommit(StateStores.CHILD_BEFORE_COMMIT)),
                        Named.as("child-ledger"));

        // 4. Per area and worker: distinct workers for caseloads.
        KStream<String, SeriesChanges> workerChanges = caseOutputs.get("case-output-holdings")
                .mapValues(out -> ((CaseOutput.HoldingChange) out).delta(), Named.as("worker-holding-changes"))
                .repartition(Repartitioned.with(Serdes.String(), deltaSerde).withName("by-worker"))
                .process(supplier(() -> new WorkerLedgerProcessor(reference.areas(), settings.clock(),
                                settings.reportingMonths(), reference.catalogue().lookBackMonths(), settings.cadence()),
                        StateStores.persistent(StateStores.WORKER_HOLDINGS, new HoldingStateSerde()),
                        StateStores.beforeCommit(StateStores.WORKER_BEFORE_COMMIT)),
                        Named.as("worker-ledger"));

        // 5. Workforce (issue 15), a second input: admitted on its own (dead letters as for events),
        // then per subject (post or worker) its facts and the exact changes to the cells they feed.
        Map<String, KStream<String, WorkforceAdmission.Outcome>> workforce = builder
                .stream(topics.workforce(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("workforce"))
                .process(() -> new WorkforceAdmission(settings.workforceDeserializer(), reference.areas(),
                        reference.calendar(), settings.metrics(), settings.registryOutage()), Named.as("admit-workforce"))
                .split(Named.as("workforce-admission-"))
                .branch((subject, outcome) -> outcome.isAccepted(), Branched.as("accepted"))
                .defaultBranch(Branched.as("refused"));
        workforce.get("workforce-admission-refused")
                .mapValues(WorkforceAdmission.Outcome::raw, Named.as("workforce-refused-payload"))
                .to(topics.deadLetters(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("workforce-dead-letters"));
        PostFacts postFacts = new PostFacts(reference.catalogue());
        StaffFacts staffFacts = new StaffFacts(reference.catalogue(), reference.calendar());
        Map<String, KStream<String, WorkforceAdmission.Outcome>> bySubject = workforce.get("workforce-admission-accepted")
                .split(Named.as("workforce-subject-"))
                .branch((subject, outcome) -> subject.startsWith("post:"), Branched.as("post"))
                .defaultBranch(Branched.as("worker"));
        Map<String, KStream<String, WorkforceOutput>> postOutputs = bySubject.get("workforce-subject-post")
                .mapValues(WorkforceAdmission.Outcome::fact, Named.as("workforce-facts"))
                .repartition(Repartitioned.with(Serdes.String(), AvroStateSerde.of(WorkforceEvent.class)).withName("by-subject"))
                .process(supplier(() -> new WorkforceLedgerProcessor(postFacts, !staffFacts.isEmpty(), reference.areas(),
                                settings.cadence()),
                        StateStores.persistent(StateStores.WORKFORCE_LEDGER, AvroStateSerde.of(WorkforceState.class)),
                        StateStores.beforeCommit(StateStores.WORKFORCE_BEFORE_COMMIT)),
                        Named.as("workforce-ledger"))
                .split(Named.as("workforce-output-"))
                .branch((key, out) -> out instanceof WorkforceOutput.SeriesChange, Branched.as("series"))
                .defaultBranch(Branched.as("tenures"));
        KStream<String, SeriesChanges> workforceChanges = postOutputs.get("workforce-output-series")
                .mapValues(out -> ((WorkforceOutput.SeriesChange) out).changes(), Named.as("workforce-series-changes"));

        // Per worker: the posts each holds (from the post ledger) joined with the worker's own facts.
        KStream<String, SeriesChanges> staffChanges = postOutputs.get("workforce-output-tenures")
                .mapValues(out -> new StaffInput(null, ((WorkforceOutput.Tenure) out).tenure()), Named.as("staff-tenures"))
                .merge(bySubject.get("workforce-subject-worker")
                        .map((subject, outcome) -> org.apache.kafka.streams.KeyValue.pair(outcome.fact().getWorkerId(),
                                new StaffInput(outcome.fact(), null)), Named.as("staff-facts")), Named.as("merge-staff-inputs"))
                .repartition(Repartitioned.with(Serdes.String(), AvroStateSerde.of(StaffInput.class)).withName("by-worker-staff"))
                .process(supplier(() -> new StaffLedgerProcessor(staffFacts, reference.areas(), settings.clock(),
                                settings.reportingMonths(), reference.catalogue().lookBackMonths(), settings.cadence()),
                        StateStores.persistent(StateStores.STAFF_LEDGER, AvroStateSerde.of(StaffState.class)),
                        StateStores.beforeCommit(StateStores.STAFF_BEFORE_COMMIT)),
                        Named.as("staff-ledger"));

        // 6. Per indicator (all its areas in one task): the series, and the figures published from
        // them. Each flush of a ledger sends one record per indicator (SeriesBatches). Each ledger
        // sends its changes through its own repartition topic, so the ledgers stay separate
        // sub-topologies that never wait on one another.
        KStream<IndicatorSnapshotKey, IndicatorSnapshot> figures = bySeries(caseChanges, "case-changes-by-series", seriesChangesSerde)
                .merge(bySeries(childChanges, "child-changes-by-series", seriesChangesSerde), Named.as("merge-child-changes"))
                .merge(bySeries(workerChanges, "worker-changes-by-series", seriesChangesSerde), Named.as("merge-worker-changes"))
                .merge(bySeries(workforceChanges, "workforce-changes-by-series", seriesChangesSerde), Named.as("merge-workforce-changes"))
                .merge(bySeries(staffChanges, "staff-changes-by-series", seriesChangesSerde), Named.as("merge-staff-changes"))
                .process(supplier(() -> new SeriesProcessor(reference.catalogue(), reference.areas(), reference.benchmarks(), settings.clock(),
                                settings.reportingMonths(), settings.cadence(), settings.clockInterval(), settings.metrics()),
                        StateStores.inMemory(StateStores.SERIES, AvroStateSerde.of(SeriesState.class)),
                        StateStores.inMemory(StateStores.SERIES_CELLS, new SeriesMonthSerde()),
                        StateStores.inMemory(StateStores.SERIES_CLOCK, Serdes.Long())),
                        Named.as("indicator-series"));
        figures.to(topics.snapshots(), Produced.with(settings.snapshotKeySerde(), settings.snapshotSerde()).withName("snapshots"));

        // 7. Figures of figures (COUNTING.md 13.1): each lowest area's published figure of a banded
        // indicator goes to every ancestor (keyed by indicator and ancestor), whose team-bands stage
        // holds the latest figure of each of its teams and publishes the shares by band.
        Set<String> bandedSources = TeamBandsProcessor.sharesBySource(reference.catalogue()).keySet();
        figures.flatMap((key, snapshot) -> TeamFigureChange.of(key, snapshot, bandedSources, reference.areas()),
                        Named.as("team-figures-to-ancestors"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("team-figures-by-area"))
                .process(supplier(() -> new TeamBandsProcessor(reference.catalogue(), reference.areas(), settings.metrics()),
                        StateStores.persistent(StateStores.TEAM_FIGURES, Serdes.String())),
                        Named.as("team-bands"))
                .to(topics.snapshots(), Produced.with(settings.snapshotKeySerde(), settings.snapshotSerde())
                        .withName("team-band-snapshots"));
    }

    private static KStream<String, SeriesChanges> bySeries(KStream<String, SeriesChanges> changes, String name,
                                                            Serde<SeriesChanges> serde) {
        return changes.repartition(Repartitioned.with(Serdes.String(), serde).withName(name));
    }

    /** A processor supplier that declares the stores its processor uses. */
    private static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> supplier(
            ProcessorSupplier<KIn, VIn, KOut, VOut> processors, StoreBuilder<?>... stores) {
        return new ProcessorSupplier<>() {
            @Override
            public org.apache.kafka.streams.processor.api.Processor<KIn, VIn, KOut, VOut> get() {
                return processors.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores);
            }
        };
    }
}
