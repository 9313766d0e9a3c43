package org.casepulse.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.indicators.measures.CaseFacts;
import org.casepulse.indicators.measures.ChildSummaries;
import org.casepulse.metrics.PipelineMetrics;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.CaseState;
import org.casepulse.state.ChildSummary;

/**
 * Keeps each case's events and sends the exact change of what the case contributes: its facts
 * are computed from its events before and after each event, and the difference goes to the
 * cells. An amendment that moves an allocation to another month or area takes it out of the old
 * cells and puts it in the new, whatever order events arrive in. We chose a processor that emits
 * retractions over KTable groupBy/aggregate because one case feeds many cells (indicators,
 * months, areas at every level), which a KTable re-key (one row, one key) cannot express.
 * Deriving the old facts rather than storing them keeps the per-case state (and its changelog)
 * to the events alone; it assumes the catalogue and areas do not change under a running
 * application (changing them means reprocessing, see README).
 */
final class CaseLedgerProcessor implements Processor<String, CaseEvent, String, CaseOutput> {

    /** Cases kept decoded in memory with their facts: those with events in flight in a backfill. */
    private static final int RECENT_CASES = 20_000;

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
    private PendingCells pending;
    private LocalDate lastExpiryDay;
    private RecentCases recent;

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
        this.pending = new PendingCells(context.getStateStore(StateStores.CASE_PENDING), areas, true);
        this.recent = new RecentCases(RECENT_CASES);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flushAndExpire);
    }

    @Override
    public void process(Record<String, CaseEvent> record) {
        String caseId = record.key();
        CaseEvent event = record.value();
        RecentCases.Entry cached = recent.get(caseId);
        CaseState state = cached != null ? cached.state() : ledger.get(caseId);
        if (state != null && state.getExpired()) {
            metrics.expiredCaseEventIgnored();
            return;
        }
        metrics.processed(event.getType());
        CaseLedger caseLedger = state == null ? CaseLedger.empty() : CaseLedger.of(state.getEvents());
        CaseHistory before = CaseHistory.of(caseLedger.effectiveEvents());
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
        CaseHistory after = CaseHistory.of(caseLedger.effectiveEvents());

        Facts factsBefore = cached != null ? cached.facts() : caseFacts.compute(before);
        Facts factsAfter = caseFacts.compute(after);
        pending.append(context, Facts.difference(factsBefore, factsAfter), event.getRecordedAt());
        for (Anomaly anomaly : factsAfter.anomalies()) {
            if (!factsBefore.anomalies().contains(anomaly)) {
                metrics.anomaly(anomaly.code());
            }
        }
        if (childMeasuresInCatalogue) {
            updateChild(caseId, before, after, record);
        }

        LocalDate expiresOn = after.closure() == null ? null : latestDate(caseLedger.versions());
        expiry.reindex(caseId, state == null ? null : state.getExpiresOn(), expiresOn);
        CaseState updated = new CaseState(caseLedger.versions(), expiresOn, false);
        ledger.put(caseId, updated);
        recent.put(caseId, updated, factsAfter);
    }

    /** Tells the child's ledger what changed about this case. */
    private void updateChild(String caseId, CaseHistory before, CaseHistory after, Record<String, CaseEvent> record) {
        Instant knownAt = record.value().getRecordedAt();
        ChildSummary sent = ChildSummaries.of(caseId, before, knownAt, caseFacts.childTimelines());
        ChildSummary summary = ChildSummaries.of(caseId, after, knownAt, caseFacts.childTimelines());
        boolean childChanged = sent != null && (summary == null || !sent.getChildId().equals(summary.getChildId()));
        if (childChanged) {
            forwardToChild(ChildSummaries.withdrawal(caseId, sent.getChildId(), knownAt), record);
        }
        if (summary != null && (childChanged || !ChildSummaries.sameContent(sent, summary))) {
            forwardToChild(summary, record);
        }
    }

    private void forwardToChild(ChildSummary summary, Record<String, CaseEvent> record) {
        context.forward(new Record<>(summary.getChildId(), new CaseOutput.ChildUpdate(summary), record.timestamp()));
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

    private void flushAndExpire(long wallClockTime) {
        pending.flush(delta -> {
            if (delta.getWorkerId() == null) {
                context.forward(new Record<>(PendingCells.seriesKey(delta.getIndicatorId(), delta.getAreaCode()),
                        new CaseOutput.SeriesChange(delta), wallClockTime));
            } else {
                context.forward(new Record<>(PendingCells.holdingKey(delta), new CaseOutput.HoldingChange(delta), wallClockTime));
            }
        });
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
            if (ledger.get(caseId) != null) {
                recent.remove(caseId);
                ledger.put(caseId, new CaseState(List.of(), null, true));
                metrics.caseExpired();
            }
        }
    }
}
