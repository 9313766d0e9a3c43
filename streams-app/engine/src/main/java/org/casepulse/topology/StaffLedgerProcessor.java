package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.indicators.CaseLedger;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.RecordedChanges;
import org.casepulse.indicators.figures.RecordedDays;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.indicators.workforce.StaffFacts;
import org.casepulse.indicators.workforce.SubjectLedger;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.PostTenure;
import org.casepulse.state.SeriesChanges;
import org.casepulse.state.StaffInput;
import org.casepulse.state.StaffState;
import org.casepulse.state.TenureSpan;
import org.casepulse.workforce.WorkforceEvent;

/**
 * Per worker (COUNTING.md 14.4): joins the spans in which the worker holds posts (told by each
 * post's ledger) with the worker's own facts (appraisals, diversity, absences) and sends the
 * change of the staff indicators' day deltas. Like the child ledger it keeps every version with
 * the recorded day it came on, and sends the change as it stood on each recorded day
 * ({@link RecordedChanges}), so revisions do not depend on the order in which posts and the
 * worker's facts reach it from different partitions.
 */
final class StaffLedgerProcessor implements Processor<String, StaffInput, String, SeriesChanges> {

    private final StaffFacts staffFacts;
    private final AreaHierarchy areas;
    private final BusinessClock clock;
    private final int reportingMonths;
    private final int lookBackMonths;
    private final FlushCadence cadence;
    private FlushSchedule flushes;

    private ProcessorContext<String, SeriesChanges> context;
    private KeyValueStore<String, StaffState> ledger;
    private PendingCells pending;

    StaffLedgerProcessor(StaffFacts staffFacts, AreaHierarchy areas, BusinessClock clock, int reportingMonths,
                         int lookBackMonths, FlushCadence cadence) {
        this.staffFacts = staffFacts;
        this.areas = areas;
        this.clock = clock;
        this.reportingMonths = reportingMonths;
        this.lookBackMonths = lookBackMonths;
        this.cadence = cadence;
    }

    @Override
    public void init(ProcessorContext<String, SeriesChanges> context) {
        this.context = context;
        this.ledger = context.getStateStore(StateStores.STAFF_LEDGER);
        this.pending = new PendingCells(areas, true);
        this.flushes = FlushSchedule.withFlushBeforeEachCommit(context, cadence, this::flush,
                context.getStateStore(StateStores.STAFF_BEFORE_COMMIT));
    }

    @Override
    public void process(Record<String, StaffInput> record) {
        flushes.received(record);
        StaffState before = ledger.get(record.key());
        if (before == null) {
            before = new StaffState(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
        }
        StaffState after = new StaffState(new ArrayList<>(before.getFacts()), new ArrayList<>(before.getFactDays()),
                new ArrayList<>(before.getTenures()), before.getKnownThrough());
        LocalDate day;
        java.time.Instant knownAt;
        WorkforceEvent fact = record.value().getFact();
        if (fact != null) {
            if (SubjectLedger.of(before.getFacts()).admit(fact) == CaseLedger.Admission.DUPLICATE) {
                return;
            }
            LocalDate recordedOn = BusinessClock.dateInLondon(fact.getRecordedAt().toEpochMilli());
            day = before.getKnownThrough() != null && before.getKnownThrough().isAfter(recordedOn)
                    ? before.getKnownThrough() : recordedOn;
            after.getFacts().add(fact);
            after.getFactDays().add(day);
            after.setKnownThrough(day);
            knownAt = fact.getRecordedAt();
        } else {
            PostTenure tenure = record.value().getTenure();
            day = tenure.getKnownOn();
            after.getTenures().removeIf(held -> held.getPostId().equals(tenure.getPostId())
                    && java.util.Objects.equals(held.getKnownOn(), tenure.getKnownOn()));
            after.getTenures().add(tenure);
            knownAt = java.time.Instant.ofEpochMilli(record.timestamp());
        }

        ReportingWindow window = new ReportingWindow(clock.today(context.currentSystemTimeMs()), reportingMonths, lookBackMonths);
        LocalDate lastUncounted = RecordedDays.lastUncounted(window);
        LocalDate changed = counted(day, lastUncounted);
        // The change as it stood on its own day and on every later recorded day the worker has.
        TreeSet<LocalDate> later = new TreeSet<>();
        after.getFactDays().forEach(d -> addIfAfter(later, counted(d, lastUncounted), changed));
        after.getTenures().forEach(t -> addIfAfter(later, counted(t.getKnownOn(), lastUncounted), changed));
        List<LocalDate> days = new ArrayList<>();
        days.add(changed);
        days.addAll(later);
        StaffState was = before;
        pending.append(RecordedChanges.of(days, d -> factsAsOf(was, d, lastUncounted),
                d -> factsAsOf(after, d, lastUncounted)), knownAt);
        ledger.put(record.key(), after);
    }

    private static void addIfAfter(TreeSet<LocalDate> days, LocalDate day, LocalDate changed) {
        if (day != null && (changed == null || day.isAfter(changed))) {
            days.add(day);
        }
    }

    /** A day no figure can count as a restatement is "known from the start" (null). */
    private static LocalDate counted(LocalDate day, LocalDate lastUncounted) {
        return day == null || !day.isAfter(lastUncounted) ? null : day;
    }

    /** The worker's facts as they stood with what was recorded by {@code asOf} (null: known from the start). */
    private Facts factsAsOf(StaffState state, LocalDate asOf, LocalDate lastUncounted) {
        List<WorkforceEvent> held = new ArrayList<>();
        for (int i = 0; i < state.getFacts().size(); i++) {
            if (notAfter(counted(state.getFactDays().get(i), lastUncounted), asOf)) {
                held.add(state.getFacts().get(i));
            }
        }
        SubjectLedger facts = SubjectLedger.of(List.of());
        held.forEach(facts::admit);
        // A post's tenures arrive in the order of its recorded days (one post, one partition): the
        // last one held by the day is the post as it stood then.
        Map<String, PostTenure> latest = new HashMap<>();
        for (PostTenure tenure : state.getTenures()) {
            if (notAfter(counted(tenure.getKnownOn(), lastUncounted), asOf)) {
                latest.put(tenure.getPostId(), tenure);
            }
        }
        List<StaffFacts.Span> spans = new ArrayList<>();
        latest.values().forEach(tenure -> {
            for (TenureSpan span : tenure.getSpans()) {
                spans.add(new StaffFacts.Span(tenure.getPostId(), span.getFrom(), span.getUntil(), span.getAreaCode(),
                        span.getFteHundredths()));
            }
        });
        return staffFacts.compute(spans, facts.effectiveFacts());
    }

    /** {@code day <= asOf}, null being before every date. */
    private static boolean notAfter(LocalDate day, LocalDate asOf) {
        return day == null || (asOf != null && !day.isAfter(asOf));
    }

    private boolean flush(long wallClockTime, long timestamp) {
        SeriesBatches series = new SeriesBatches();
        pending.flush(series::add);
        return series.sendTo(changes -> context.forward(new Record<>(changes.getIndicatorId(), changes, timestamp)));
    }
}
