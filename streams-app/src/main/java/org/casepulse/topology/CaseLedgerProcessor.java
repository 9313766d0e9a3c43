package org.casepulse.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.indicators.measures.CaseFacts;
import org.casepulse.indicators.measures.ChildSummaries;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.CaseState;
import org.casepulse.state.ChildSummary;
import org.casepulse.state.LedgerDelta;

/**
 * Keeps each case's events and the facts the case contributes. Every change recomputes the
 * case's facts from its events and sends the exact difference with what it contributed before:
 * an amendment that moves an allocation to another month or area takes it out of the old cells
 * and puts it in the new, whatever order events arrive in. We chose a processor that emits
 * retractions over KTable groupBy/aggregate because one case feeds many cells (indicators,
 * months, areas at every level), which a KTable re-key (one row, one key) cannot express.
 */
final class CaseLedgerProcessor implements Processor<String, CaseEvent, String, CaseOutput> {

    private final CaseFacts caseFacts;
    private final AreaHierarchy areas;
    private final boolean childMeasuresInCatalogue;
    private final BusinessClock clock;
    private final int reportingMonths;
    private final Duration flushInterval;
    private final PipelineMetrics metrics;

    private ProcessorContext<String, CaseOutput> context;
    private KeyValueStore<String, CaseState> ledger;
    private CaseExpiry expiry;
    private PendingDeltas pending;
    private LocalDate lastExpiryDay;

    CaseLedgerProcessor(CaseFacts caseFacts, AreaHierarchy areas, boolean childMeasuresInCatalogue, BusinessClock clock,
                        int reportingMonths, Duration flushInterval, PipelineMetrics metrics) {
        this.caseFacts = caseFacts;
        this.areas = areas;
        this.childMeasuresInCatalogue = childMeasuresInCatalogue;
        this.clock = clock;
        this.reportingMonths = reportingMonths;
        this.flushInterval = flushInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.ledger = context.getStateStore(StateStores.CASE_LEDGER);
        this.expiry = new CaseExpiry(context.getStateStore(StateStores.CASE_EXPIRY));
        this.pending = new PendingDeltas(context.getStateStore(StateStores.CASE_PENDING), areas);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flushAndExpire);
    }

    @Override
    public void process(Record<String, CaseEvent> record) {
        String caseId = record.key();
        CaseEvent event = record.value();
        CaseState state = ledger.get(caseId);
        if (state != null && state.getExpired()) {
            metrics.expiredCaseEventIgnored();
            return;
        }
        CaseLedger caseLedger = state == null ? CaseLedger.empty() : CaseLedger.of(state.getEvents());

        metrics.processed(event.getType());
        switch (caseLedger.admit(event)) {
            case DUPLICATE -> {
                metrics.duplicateIgnored();
                return;
            }
            case AMENDED -> metrics.amended();
            case NEW -> { }
        }
        if (event.getType() == EventType.EVENT_RETRACTED) {
            metrics.retracted();
        }

        CaseHistory history = CaseHistory.of(caseLedger.effectiveEvents());
        Facts facts = caseFacts.compute(history);
        List<Fact> contributions = facts.toList();
        List<Fact> before = state == null ? List.of() : FactRecords.fromState(state.getContributions());
        Instant knownAt = event.getRecordedAt();
        for (Fact change : Facts.difference(before, contributions)) {
            pending.addRollingUp(change, knownAt);
        }

        List<String> anomalies = countNewAnomalies(facts.anomalies(), state == null ? List.of() : state.getAnomalies());
        ChildSummary sent = state == null ? null : state.getSentSummary();
        if (childMeasuresInCatalogue) {
            sent = updateChild(caseId, history, sent, record);
        }
        LocalDate expiresOn = history.closure() == null ? null : latestDate(caseLedger.versions());
        expiry.reindex(caseId, state == null ? null : state.getExpiresOn(), expiresOn);
        ledger.put(caseId, new CaseState(caseLedger.versions(), FactRecords.toState(contributions), sent, anomalies,
                expiresOn, false));
    }

    private static LocalDate latestDate(List<CaseEvent> events) {
        LocalDate latest = null;
        for (CaseEvent event : events) {
            if (latest == null || event.getOccurredOn().isAfter(latest)) {
                latest = event.getOccurredOn();
            }
        }
        return latest;
    }

    /** Tells the child's ledger what changed about this case; returns the summary now standing. */
    private ChildSummary updateChild(String caseId, CaseHistory history, ChildSummary sent, Record<String, CaseEvent> record) {
        Instant knownAt = record.value().getRecordedAt();
        ChildSummary summary = ChildSummaries.of(caseId, history, knownAt);
        boolean childChanged = sent != null && (summary == null || !sent.getChildId().equals(summary.getChildId()));
        if (childChanged) {
            forwardToChild(ChildSummaries.withdrawal(caseId, sent.getChildId(), knownAt), record);
        }
        if (summary != null && (childChanged || !ChildSummaries.sameContent(sent, summary))) {
            forwardToChild(summary, record);
        }
        return summary;
    }

    private void forwardToChild(ChildSummary summary, Record<String, CaseEvent> record) {
        context.forward(new Record<>(summary.getChildId(), new CaseOutput.ChildUpdate(summary), record.timestamp()));
    }

    private List<String> countNewAnomalies(Set<Anomaly> found, List<String> known) {
        Set<String> codes = new LinkedHashSet<>();
        for (Anomaly anomaly : found) {
            codes.add(anomaly.code());
            if (!known.contains(anomaly.code())) {
                metrics.anomaly(anomaly.code());
            }
        }
        return new ArrayList<>(codes);
    }

    private void flushAndExpire(long wallClockTime) {
        flush(wallClockTime);
        LocalDate today = clock.today(wallClockTime);
        if (!today.equals(lastExpiryDay)) {
            lastExpiryDay = today;
            expireClosedCases(new ReportingWindow(today, reportingMonths).horizon());
        }
    }

    /**
     * Reduces every case closed before the retention horizon to a marker: all its facts lie before
     * the horizon, where no published figure reaches, so its events need not be kept. Cost per day:
     * the cases that expire that day, found through the expiry index, not a scan of all cases.
     */
    private void expireClosedCases(LocalDate horizon) {
        for (String caseId : expiry.expiringBefore(horizon)) {
            CaseState state = ledger.get(caseId);
            if (state != null) {
                ledger.put(caseId, new CaseState(List.of(), List.of(), null, List.of(), null, true));
                metrics.caseExpired();
            }
        }
    }

    private void flush(long wallClockTime) {
        pending.flush(delta -> {
            if (delta.getWorkerId() == null) {
                context.forward(new Record<>(PendingDeltas.seriesKey(delta.getIndicatorId(), delta.getAreaCode()),
                        new CaseOutput.SeriesChange(delta), wallClockTime));
            } else {
                context.forward(new Record<>(PendingDeltas.holdingKey(delta), new CaseOutput.HoldingChange(delta), wallClockTime));
            }
        });
    }
}
