package org.casepulse.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.WorkerHoldings;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.HoldingState;
import org.casepulse.state.LedgerDelta;
import org.casepulse.state.SeriesChanges;

/**
 * Counts distinct workers: keyed by indicator, area (at every level) and worker, it keeps how
 * many cases the worker holds there over time and sends +1/-1 to the area's denominator on the
 * days the worker starts or stops holding any. A worker with cases in two teams is one worker in
 * their region, because the region's key sees both teams' holdings.
 */
final class WorkerLedgerProcessor implements Processor<String, LedgerDelta, String, SeriesChanges> {

    private final AreaHierarchy areas;
    private final BusinessClock clock;
    private final int reportingMonths;
    private final int lookBackMonths;
    private final Duration flushInterval;

    private ProcessorContext<String, SeriesChanges> context;
    private KeyValueStore<String, HoldingState> holdings;
    private PendingCells pending;

    WorkerLedgerProcessor(AreaHierarchy areas, BusinessClock clock, int reportingMonths, int lookBackMonths,
                          Duration flushInterval) {
        this.lookBackMonths = lookBackMonths;
        this.areas = areas;
        this.clock = clock;
        this.reportingMonths = reportingMonths;
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, SeriesChanges> context) {
        this.context = context;
        this.holdings = context.getStateStore(StateStores.WORKER_HOLDINGS);
        this.pending = new PendingCells(context.getStateStore(StateStores.WORKER_PENDING), areas, false);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, LedgerDelta> record) {
        LedgerDelta change = record.value();
        HoldingState state = holdings.get(record.key());
        WorkerHoldings worker = state == null
                ? WorkerHoldings.of(List.of(), List.of())
                : WorkerHoldings.of(state.getDates(), state.getDeltas());

        String indicatorId = change.getIndicatorId();
        String areaCode = change.getAreaCode();
        Facts before = worker.presence(indicatorId, areaCode);
        worker.apply(change.getBucket(), change.getNumerator());
        // A worker's history older than any published figure needs is kept as one opening count.
        worker.foldBefore(new ReportingWindow(clock.today(context.currentSystemTimeMs()), reportingMonths, lookBackMonths).horizon());
        Facts after = worker.presence(indicatorId, areaCode);
        pending.append(context, Facts.difference(before, after), change.getKnownAt());

        if (worker.isEmpty()) {
            holdings.delete(record.key());
        } else {
            List<LocalDate> dates = new ArrayList<>();
            List<Long> deltas = new ArrayList<>();
            for (Map.Entry<LocalDate, Long> day : worker.deltas().entrySet()) {
                dates.add(day.getKey());
                deltas.add(day.getValue());
            }
            holdings.put(record.key(), new HoldingState(dates, deltas));
        }
    }

    private void flush(long wallClockTime) {
        SeriesBatches series = new SeriesBatches();
        pending.flush(series::add);
        series.sendTo(changes -> context.forward(new Record<>(changes.getIndicatorId(), changes, wallClockTime)));
    }
}
