package org.casepulse.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.measures.ChildFacts;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.ChildState;
import org.casepulse.state.ChildSummary;
import org.casepulse.state.SeriesChanges;

/**
 * Keeps, per child, the summary of each of its cases, and sends the exact change of the
 * cross-case facts (re-referrals, repeat child protection plans) on every change, as the case
 * ledger does.
 */
final class ChildLedgerProcessor implements Processor<String, ChildSummary, String, SeriesChanges> {

    private final ChildFacts childFacts;
    private final AreaHierarchy areas;
    private final Duration flushInterval;

    private ProcessorContext<String, SeriesChanges> context;
    private KeyValueStore<String, ChildState> ledger;
    private PendingCells pending;

    ChildLedgerProcessor(ChildFacts childFacts, AreaHierarchy areas, Duration flushInterval) {
        this.childFacts = childFacts;
        this.areas = areas;
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, SeriesChanges> context) {
        this.context = context;
        this.ledger = context.getStateStore(StateStores.CHILD_LEDGER);
        this.pending = new PendingCells(context.getStateStore(StateStores.CHILD_PENDING), areas, true);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, ChildSummary> record) {
        String childId = record.key();
        ChildSummary update = record.value();
        ChildState state = ledger.get(childId);

        Map<String, ChildSummary> cases = new LinkedHashMap<>();
        if (state != null) {
            state.getCases().forEach(summary -> cases.put(summary.getCaseId(), summary));
        }
        if (update.getReferralDate() == null) {
            cases.remove(update.getCaseId());
        } else {
            cases.put(update.getCaseId(), update);
        }

        Facts after = childFacts.compute(cases.values());
        Facts before = childFacts.compute(state == null ? List.of() : state.getCases());
        pending.append(context, Facts.difference(before, after), update.getKnownAt());
        if (cases.isEmpty()) {
            ledger.delete(childId);
        } else {
            ledger.put(childId, new ChildState(new ArrayList<>(cases.values())));
        }
    }

    private void flush(long wallClockTime) {
        SeriesBatches series = new SeriesBatches();
        pending.flush(series::add);
        series.sendTo(changes -> context.forward(new Record<>(changes.getIndicatorId(), changes, wallClockTime)));
    }
}
