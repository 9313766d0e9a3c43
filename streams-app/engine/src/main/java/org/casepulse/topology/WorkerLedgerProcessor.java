package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.indicators.RecordedChanges;
import org.casepulse.indicators.WorkerHoldings;
import org.casepulse.indicators.figures.RecordedDays;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.HoldingState;
import org.casepulse.state.LedgerDelta;
import org.casepulse.state.SeriesChanges;

/**
 * Counts distinct workers: keyed by indicator, area (at every level) and worker, it keeps how
 * many cases the worker holds there over time and sends +1/-1 to the area's denominator on the
 * days the worker starts or stops holding any. A worker with cases in two teams is one worker in
 * their region, because the region's key sees both teams' holdings. Changes are sent day by day
 * of recording (WorkerHoldings), so revisions do not depend on the order in which holdings from
 * different case partitions arrive.
 */
final class WorkerLedgerProcessor implements Processor<String, LedgerDelta, String, SeriesChanges> {

    private final AreaHierarchy areas;
    private final BusinessClock clock;
    private final int reportingMonths;
    private final int lookBackMonths;
    private final FlushCadence cadence;
    private FlushSchedule flushes;

    private ProcessorContext<String, SeriesChanges> context;
    private UnwrittenStates<HoldingState, WorkerHoldings> holdings;
    private PendingCells pending;

    WorkerLedgerProcessor(AreaHierarchy areas, BusinessClock clock, int reportingMonths, int lookBackMonths,
                          FlushCadence cadence) {
        this.lookBackMonths = lookBackMonths;
        this.areas = areas;
        this.clock = clock;
        this.reportingMonths = reportingMonths;
        this.cadence = cadence;
    }

    @Override
    public void init(ProcessorContext<String, SeriesChanges> context) {
        this.context = context;
        // A key's holdings change a dozen times between two commits in a backfill: kept decoded
        // between flushes, and encoded once per flush.
        this.holdings = UnwrittenStates.decoded(context.getStateStore(StateStores.WORKER_HOLDINGS),
                WorkerLedgerProcessor::decode, WorkerLedgerProcessor::encode);
        this.pending = new PendingCells(areas, false);
        this.flushes = FlushSchedule.withFlushBeforeEachCommit(context, cadence, this::flush,
                context.getStateStore(StateStores.WORKER_BEFORE_COMMIT));
    }

    @Override
    public void process(Record<String, LedgerDelta> record) {
        flushes.received(record);
        LedgerDelta change = record.value();
        ReportingWindow window = new ReportingWindow(clock.today(context.currentSystemTimeMs()), reportingMonths, lookBackMonths);
        LocalDate lastUncounted = RecordedDays.lastUncounted(window);
        WorkerHoldings worker = Objects.requireNonNullElseGet(holdings.get(record.key()),
                () -> WorkerHoldings.of(List.of(), List.of()));
        worker.foldBefore(window.horizon());
        worker.forgetRecordedThrough(lastUncounted);

        String indicatorId = change.getIndicatorId();
        String areaCode = change.getAreaCode();
        // A change recorded on a day no figure counts any more is as if known from the start.
        LocalDate recordedOn = change.getRecordedOn() != null && change.getRecordedOn().isAfter(lastUncounted)
                ? change.getRecordedOn() : null;
        // The presence can differ as it stood on the change's recorded day and on every later one.
        List<LocalDate> days = new ArrayList<>();
        days.add(recordedOn);
        days.addAll(recordedOn == null ? worker.recordedDays() : worker.recordedDays().tailSet(recordedOn, false));
        // A worker's history older than any published figure needs is kept as one opening count.
        LocalDate bucket = change.getBucket().isBefore(window.horizon()) ? window.horizon() : change.getBucket();
        pending.append(RecordedChanges.ofChangeInPlace(days, d -> worker.presence(indicatorId, areaCode, d),
                () -> worker.apply(bucket, recordedOn, change.getNumerator())), change.getKnownAt());

        if (worker.isEmpty()) {
            holdings.delete(record.key());
        } else {
            holdings.put(record.key(), worker);
        }
    }

    private static WorkerHoldings decode(HoldingState state) {
        return WorkerHoldings.of(state.getDates(), state.getDeltas(), state.getRecordedOn());
    }

    private static HoldingState encode(WorkerHoldings worker) {
        List<LocalDate> dates = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        List<LocalDate> recorded = new ArrayList<>();
        worker.forEach((date, recordedDay, delta) -> {
            dates.add(date);
            recorded.add(recordedDay);
            deltas.add(delta);
        });
        return new HoldingState(dates, deltas, recorded);
    }

    private boolean flush(long wallClockTime, long timestamp) {
        SeriesBatches series = new SeriesBatches();
        pending.flush(series::add);
        boolean sent = series.sendTo(changes -> context.forward(new Record<>(changes.getIndicatorId(), changes, timestamp)));
        holdings.write();
        return sent;
    }
}
