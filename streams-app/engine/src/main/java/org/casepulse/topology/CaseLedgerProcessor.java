package org.casepulse.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.indicators.Anomaly;
import org.casepulse.indicators.CaseChange;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.indicators.measures.CaseFacts;
import org.casepulse.indicators.measures.ChildSummaries;
import org.casepulse.indicators.measures.ChildTimelines;
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
final class CaseLedgerProcessor implements Processor<String, Admission, String, CaseOutput> {

    /** Cases kept decoded in memory with their facts: those with events in flight in a backfill. */
    private static final int RECENT_CASES = 20_000;
    /** Dead-letter reason and anomaly kind of an event refused because of its case's size. */
    static final String CASE_STATE_LIMIT = PipelineMetrics.CASE_STATE_LIMIT;

    private final CaseFacts caseFacts;
    private final AreaHierarchy areas;
    private final boolean childMeasuresInCatalogue;
    private final BusinessClock clock;
    private final int reportingMonths;
    private final FlushCadence cadence;
    private final PipelineMetrics metrics;
    private final CaseStateBudget budget;

    private ProcessorContext<String, CaseOutput> context;
    private UnwrittenStates<CaseState, CaseState> ledger;
    private CaseExpiry expiry;
    private PendingCells pending;
    private LocalDate lastExpiryDay;
    private RecentCases recent;
    private FlushSchedule flushes;

    CaseLedgerProcessor(CaseFacts caseFacts, AreaHierarchy areas, boolean childMeasuresInCatalogue, BusinessClock clock,
                        int reportingMonths, FlushCadence cadence, PipelineMetrics metrics, CaseStateBudget budget) {
        this.caseFacts = caseFacts;
        this.areas = areas;
        this.childMeasuresInCatalogue = childMeasuresInCatalogue;
        this.clock = clock;
        this.reportingMonths = reportingMonths;
        this.cadence = cadence;
        this.metrics = metrics;
        this.budget = budget;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.ledger = UnwrittenStates.of(context.getStateStore(StateStores.CASE_LEDGER));
        this.expiry = new CaseExpiry(context.getStateStore(StateStores.CASE_EXPIRY));
        this.pending = new PendingCells(areas, true);
        this.recent = new RecentCases(RECENT_CASES);
        this.flushes = FlushSchedule.withFlushBeforeEachCommit(context, cadence, this::flush,
                context.getStateStore(StateStores.CASE_BEFORE_COMMIT));
        context.schedule(cadence.live(), PunctuationType.WALL_CLOCK_TIME, this::expireOnANewDay);
    }

    @Override
    public void process(Record<String, Admission> record) {
        flushes.received(record);
        String caseId = record.key();
        CaseEvent event = record.value().event();
        RecentCases.Entry cached = recent.get(caseId);
        CaseState state = cached != null ? cached.state() : ledger.get(caseId);
        if (state != null && state.getExpired()) {
            metrics.expiredCaseEventIgnored();
            return;
        }
        CaseLedger caseLedger = cached != null ? cached.ledger()
                : state == null ? CaseLedger.empty() : CaseLedger.of(state.getEvents());
        CaseHistory before = cached != null ? cached.history() : null;
        List<CaseEvent> effectiveBefore = before == null ? caseLedger.effectiveEvents() : null;
        CaseLedger.Admission admission = caseLedger.admit(event);
        if (admission == CaseLedger.Admission.DUPLICATE) {
            metrics.processed(event.getType());
            metrics.duplicateIgnored();
            return;
        }
        CaseHistory after = CaseHistory.of(caseLedger.effectiveEvents());
        List<CaseEvent> versions = caseLedger.versions();
        LocalDate expiresOn = after.closure() == null ? null : latestDate(versions);
        LocalDate knownThrough = knownThrough(state, event);
        CaseState updated = new CaseState(versions, expiresOn, false, knownThrough);
        int oversize = budget.sizeIfOverLimit(updated);
        if (oversize > 0) {
            recent.remove(caseId); // its ledger holds the refused event
            refuseOverLimit(record, oversize);
            return;
        }

        if (before == null) {
            before = CaseHistory.of(effectiveBefore);
        }
        metrics.processed(event.getType());
        if (admission == CaseLedger.Admission.AMENDED) {
            metrics.amended();
        }
        if (event.getType() == EventType.EVENT_RETRACTED) {
            metrics.retracted();
        }
        // The case's state before the change's date is unchanged: facts and timelines are evaluated
        // from it on, and only for the indicators that read the kinds of events it touched.
        CaseChange change = CaseChange.between(before, after);
        Facts factsBefore = cached != null ? cached.facts() : caseFacts.compute(before);
        Facts factsAfter = caseFacts.computeAfter(after, factsBefore, change);
        pending.append(Facts.difference(factsBefore, factsAfter), knownThrough, event.getRecordedAt());
        for (Anomaly anomaly : factsAfter.anomalies()) {
            if (!factsBefore.anomalies().contains(anomaly)) {
                metrics.anomaly(anomaly.code());
            }
        }
        ChildSummary summary = null;
        ChildTimelines.Reads timelineReads = cached != null ? cached.timelineReads() : caseFacts.childTimelines().newReads();
        if (childMeasuresInCatalogue) {
            ChildSummary sent = cached != null ? cached.summary()
                    : ChildSummaries.of(caseId, before, event.getRecordedAt(), caseFacts.childTimelines(), timelineReads);
            summary = updateChild(caseId, sent, after, change, timelineReads, knownThrough, record);
        }

        expiry.reindex(caseId, state == null ? null : state.getExpiresOn(), expiresOn);
        ledger.put(caseId, updated);
        recent.put(caseId, new RecentCases.Entry(updated, caseLedger, after, factsAfter, summary, timelineReads));
    }

    /**
     * The event would take its case's state past the limit: it is not applied (the case keeps
     * counting with what it had) and goes to the dead-letter topic with the reason, like a record
     * refused at admission, and counts as an anomaly of the case.
     */
    private void refuseOverLimit(Record<String, Admission> record, int size) {
        String message = "the case's stored state would be " + size + " bytes with this event, over the limit of "
                + budget.limitBytes() + "; the event is not applied";
        metrics.deadLettered(CASE_STATE_LIMIT);
        metrics.anomaly(CASE_STATE_LIMIT);
        context.forward(new Record<>(record.key(), new CaseOutput.Refused(record.value().raw()), record.timestamp(),
                DeadLetterHeaders.of(record.headers(), CASE_STATE_LIMIT, null, message, context.recordMetadata(), null)));
    }

    /**
     * Tells the child's ledger what changed about this case, given the summary sent before and
     * what its timelines were made from (updated to those of now); returns the summary now.
     */
    private ChildSummary updateChild(String caseId, ChildSummary sent, CaseHistory after, CaseChange change,
                                     ChildTimelines.Reads timelineReads, LocalDate knownOn,
                                     Record<String, Admission> record) {
        Instant knownAt = record.value().event().getRecordedAt();
        ChildSummary summary = ChildSummaries.after(caseId, sent, after, change, knownAt, caseFacts.childTimelines(),
                timelineReads);
        boolean childChanged = sent != null && (summary == null || !sent.getChildId().equals(summary.getChildId()));
        if (childChanged) {
            ChildSummary withdrawal = ChildSummaries.withdrawal(caseId, sent.getChildId(), knownAt);
            withdrawal.setKnownOn(knownOn);
            forwardToChild(withdrawal, record);
        }
        if (summary != null && (childChanged || !ChildSummaries.sameContent(sent, summary))) {
            summary.setKnownOn(knownOn);
            forwardToChild(summary, record);
        }
        return summary;
    }

    /**
     * The day this event's changes are attributed to (COUNTING.md 6): the latest recorded day of
     * the case's events admitted so far, this one included, so a case's days never go backwards
     * and its state on a day is the state after the last event attributed to it.
     */
    private static LocalDate knownThrough(CaseState state, CaseEvent event) {
        LocalDate recordedOn = BusinessClock.dateInLondon(event.getRecordedAt().toEpochMilli());
        LocalDate previous = state == null ? null : state.getKnownThrough();
        return previous != null && previous.isAfter(recordedOn) ? previous : recordedOn;
    }

    private void forwardToChild(ChildSummary summary, Record<String, Admission> record) {
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

    /** Sends the summed changes and writes the changed case states; it also runs before each commit. */
    private boolean flush(long wallClockTime, long timestamp) {
        SeriesBatches series = new SeriesBatches();
        boolean[] holdingsSent = {false};
        pending.flush(delta -> {
            if (delta.getWorkerId() == null) {
                series.add(delta);
            } else {
                context.forward(new Record<>(PendingCells.holdingKey(delta), new CaseOutput.HoldingChange(delta), timestamp));
                holdingsSent[0] = true;
            }
        });
        boolean seriesSent = series.sendTo(changes -> context.forward(
                new Record<>(changes.getIndicatorId(), new CaseOutput.SeriesChange(changes), timestamp)));
        ledger.write();
        return seriesSent || holdingsSent[0];
    }

    private void expireOnANewDay(long wallClockTime) {
        LocalDate today = clock.today(wallClockTime);
        if (!today.equals(lastExpiryDay)) {
            lastExpiryDay = today;
            expireClosedCases(new ReportingWindow(today, reportingMonths, caseFacts.lookBackMonths()).horizon());
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
                ledger.put(caseId, new CaseState(List.of(), null, true, null));
                metrics.caseExpired();
            }
        }
    }
}
