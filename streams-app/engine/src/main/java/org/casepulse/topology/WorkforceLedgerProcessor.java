package org.casepulse.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.workforce.PostFacts;
import org.casepulse.indicators.workforce.SubjectLedger;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.SeriesChanges;
import org.casepulse.state.WorkforceState;
import org.casepulse.workforce.WorkforceEvent;

/**
 * Keeps each workforce subject's facts (keyed by post or worker) and sends the exact change of
 * what the subject contributes, as the case ledger does for a case: a post's day deltas are
 * computed from its facts before and after each one, and the difference goes to the cells,
 * attributed to the subject's recorded day (COUNTING.md 14.1). Worker facts (absences, appraisals,
 * diversity) are kept for the staff measures; posts are what the posts indicators count.
 */
final class WorkforceLedgerProcessor implements Processor<String, WorkforceEvent, String, SeriesChanges> {

    private static final String POST = "post:";

    private final PostFacts postFacts;
    private final AreaHierarchy areas;
    private final Duration flushInterval;

    private ProcessorContext<String, SeriesChanges> context;
    private KeyValueStore<String, WorkforceState> ledger;
    private PendingCells pending;

    WorkforceLedgerProcessor(PostFacts postFacts, AreaHierarchy areas, Duration flushInterval) {
        this.postFacts = postFacts;
        this.areas = areas;
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, SeriesChanges> context) {
        this.context = context;
        this.ledger = context.getStateStore(StateStores.WORKFORCE_LEDGER);
        this.pending = new PendingCells(context.getStateStore(StateStores.WORKFORCE_PENDING), areas, true);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, WorkforceEvent> record) {
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
            Facts after = postFacts.compute(facts.effectiveFacts());
            pending.append(context, Facts.difference(postFacts.compute(before), after), knownThrough, fact.getRecordedAt());
        }
        ledger.put(subject, new WorkforceState(facts.versions(), knownThrough));
    }

    private void flush(long wallClockTime) {
        SeriesBatches series = new SeriesBatches();
        pending.flush(series::add);
        series.sendTo(changes -> context.forward(new Record<>(changes.getIndicatorId(), changes, wallClockTime)));
    }
}
