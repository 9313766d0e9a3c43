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
import org.casepulse.indicators.figures.RecordedDays;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.indicators.measures.ChildFacts;
import org.casepulse.indicators.measures.ChildVersions;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.ChildState;
import org.casepulse.state.ChildSummary;
import org.casepulse.state.SeriesChanges;

/**
 * Keeps, per child, the summaries of each of its cases, and sends the exact change of the
 * cross-case facts (re-referrals, repeat child protection plans) on every change, as the case
 * ledger does: day by day of recording (ChildVersions), so that revisions do not depend on the
 * order in which cases from different partitions reach the child.
 */
final class ChildLedgerProcessor implements Processor<String, ChildSummary, String, SeriesChanges> {

    private final ChildFacts childFacts;
    private final AreaHierarchy areas;
    private final FlushCadence cadence;
    private FlushSchedule flushes;
    private final BusinessClock clock;
    private final int reportingMonths;

    private ProcessorContext<String, SeriesChanges> context;
    private UnwrittenStates<ChildState, ChildVersions> ledger;
    private PendingCells pending;

    ChildLedgerProcessor(ChildFacts childFacts, AreaHierarchy areas, BusinessClock clock, int reportingMonths,
                         FlushCadence cadence) {
        this.childFacts = childFacts;
        this.areas = areas;
        this.clock = clock;
        this.reportingMonths = reportingMonths;
        this.cadence = cadence;
    }

    @Override
    public void init(ProcessorContext<String, SeriesChanges> context) {
        this.context = context;
        // A child changes several times between two commits in a backfill: kept decoded between
        // flushes, and encoded once per flush.
        this.ledger = UnwrittenStates.decoded(context.getStateStore(StateStores.CHILD_LEDGER),
                state -> ChildVersions.of(state.getCases()), versions -> new ChildState(versions.all()));
        this.pending = new PendingCells(areas, true);
        this.flushes = FlushSchedule.withFlushBeforeEachCommit(context, cadence, this::flush,
                context.getStateStore(StateStores.CHILD_BEFORE_COMMIT));
    }

    @Override
    public void process(Record<String, ChildSummary> record) {
        flushes.received(record);
        String childId = record.key();
        ChildSummary update = record.value();
        LocalDate lastUncounted = RecordedDays.lastUncounted(
                new ReportingWindow(clock.today(context.currentSystemTimeMs()), reportingMonths));
        ChildVersions versions = Objects.requireNonNullElseGet(ledger.get(childId), () -> ChildVersions.of(List.of()));
        versions.forgetThrough(lastUncounted);
        LocalDate day = ChildVersions.dayOf(update);
        if (!day.isAfter(lastUncounted)) {
            day = lastUncounted;
            update.setKnownOn(day);
        }

        // The facts can differ on the update's day and on every later day another case changed on.
        List<LocalDate> days = new ArrayList<>();
        days.add(day);
        days.addAll(versions.days().tailSet(day, false));
        pending.append(RecordedChanges.ofChangeInPlace(days, d -> childFacts.compute(versions.on(d)),
                () -> versions.put(update)), update.getKnownAt());
        if (versions.isEmpty()) {
            ledger.delete(childId);
        } else {
            ledger.put(childId, versions);
        }
    }

    private boolean flush(long wallClockTime, long timestamp) {
        SeriesBatches series = new SeriesBatches();
        pending.flush(series::add);
        ledger.write();
        return series.sendTo(changes -> context.forward(new Record<>(changes.getIndicatorId(), changes, timestamp)));
    }
}
