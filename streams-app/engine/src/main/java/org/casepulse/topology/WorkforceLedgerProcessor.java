package org.casepulse.topology;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.workforce.PostFacts;
import org.casepulse.indicators.workforce.StaffFacts;
import org.casepulse.state.PostTenure;
import org.casepulse.state.TenureSpan;
import org.casepulse.indicators.workforce.SubjectLedger;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.WorkforceState;
import org.casepulse.workforce.WorkforceEvent;

/**
 * Keeps each post's facts (keyed by post subject) and sends the exact change of what the post
 * contributes, as the case ledger does for a case: its day deltas are computed from its facts
 * before and after each one, and the difference goes to the cells, attributed to the post's
 * recorded day (COUNTING.md 14.1). Each worker the post names (before or after) is told the spans
 * in which they hold it, when those changed, for the staff ledger (14.4).
 */
final class WorkforceLedgerProcessor implements Processor<String, WorkforceEvent, String, WorkforceOutput> {

    private static final String POST = "post:";

    private final PostFacts postFacts;
    /** Whether the catalogue has staff indicators: only then are workers told of their posts. */
    private final boolean staff;
    private final AreaHierarchy areas;
    private final FlushCadence cadence;
    private FlushSchedule flushes;

    private ProcessorContext<String, WorkforceOutput> context;
    private KeyValueStore<String, WorkforceState> ledger;
    private PendingCells pending;

    WorkforceLedgerProcessor(PostFacts postFacts, boolean staff, AreaHierarchy areas, FlushCadence cadence) {
        this.postFacts = postFacts;
        this.staff = staff;
        this.areas = areas;
        this.cadence = cadence;
    }

    @Override
    public void init(ProcessorContext<String, WorkforceOutput> context) {
        this.context = context;
        this.ledger = context.getStateStore(StateStores.WORKFORCE_LEDGER);
        this.pending = new PendingCells(areas, true);
        this.flushes = FlushSchedule.withFlushBeforeEachCommit(context, cadence, this::flush,
                context.getStateStore(StateStores.WORKFORCE_BEFORE_COMMIT));
    }

    @Override
    public void process(Record<String, WorkforceEvent> record) {
        flushes.received(record);
        String subject = record.key();
        WorkforceEvent fact = record.value();
        WorkforceState state = ledger.get(subject);
        SubjectLedger facts = SubjectLedger.of(state == null ? List.of() : state.getFacts());
        List<WorkforceEvent> before = facts.effectiveFacts();
        if (facts.admit(fact) == CaseLedger.Admission.DUPLICATE) {
            return;
        }
        LocalDate recordedOn = BusinessClock.dateInLondon(fact.getRecordedAt().toEpochMilli());
        LocalDate knownThrough = state == null || state.getKnownThrough() == null
                || recordedOn.isAfter(state.getKnownThrough()) ? recordedOn : state.getKnownThrough();
        if (subject.startsWith(POST)) {
            List<WorkforceEvent> effective = facts.effectiveFacts();
            Facts after = postFacts.compute(effective);
            pending.append(Facts.difference(postFacts.compute(before), after), knownThrough, fact.getRecordedAt());
            tellWorkers(subject.substring(POST.length()), before, effective, knownThrough, record.timestamp());
        }
        ledger.put(subject, new WorkforceState(facts.versions(), knownThrough));
    }

    /**
     * Tells each worker the post names (before or after) the spans it now holds the post in, when
     * they changed (COUNTING.md 14.4): the worker's staff ledger joins them with its own facts.
     */
    private void tellWorkers(String postId, List<WorkforceEvent> before, List<WorkforceEvent> after, LocalDate knownOn,
                             long timestamp) {
        if (!staff) {
            return;
        }
        java.util.TreeSet<String> workers = StaffFacts.workersOf(before);
        workers.addAll(StaffFacts.workersOf(after));
        for (String workerId : workers) {
            List<StaffFacts.Span> was = StaffFacts.spansOf(before, workerId);
            List<StaffFacts.Span> now = StaffFacts.spansOf(after, workerId);
            if (!was.equals(now)) {
                List<TenureSpan> spans = now.stream().map(span -> new TenureSpan(span.from(), span.until(), span.areaCode(),
                        span.fteHundredths())).toList();
                context.forward(new Record<>(workerId, new WorkforceOutput.Tenure(new PostTenure(postId, workerId, knownOn,
                        new java.util.ArrayList<>(spans))), timestamp));
            }
        }
    }

    private boolean flush(long wallClockTime, long timestamp) {
        SeriesBatches series = new SeriesBatches();
        pending.flush(series::add);
        return series.sendTo(changes -> context.forward(new Record<>(changes.getIndicatorId(),
                new WorkforceOutput.SeriesChange(changes), timestamp)));
    }
}
