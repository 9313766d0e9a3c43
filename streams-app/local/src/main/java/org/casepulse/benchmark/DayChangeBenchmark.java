package org.casepulse.benchmark;

import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.events.PlanType;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.figures.IndicatorSeries;
import org.casepulse.indicators.figures.SeriesKey;
import org.casepulse.indicators.figures.ReportingWindow;
import org.casepulse.indicators.figures.SeriesPublisher;
import org.casepulse.indicators.measures.CaseFacts;
import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;

/**
 * What a new day costs with many open cases. Builds the snapshot series of {@code openCases}
 * open cases (referred over the last 18 months, most allocated, some with open assessments, some
 * on child protection plans visited every two weeks or so), as the series stage holds them, then
 * times re-evaluating every series for the next day, which is all the series stage does at
 * midnight. The cost follows the number of series and of days with changes, not of cases.
 */
public final class DayChangeBenchmark {

    private final int openCases;
    private final PrintStream out;

    public DayChangeBenchmark(int openCases, PrintStream out) {
        this.openCases = openCases;
        this.out = out;
    }

    public void run() {
        ReferenceData reference = ReferenceData.defaults();
        LocalDate today = BusinessClock.wall().today();
        CaseFacts caseFacts = new CaseFacts(reference.catalogue(), reference.calendar());
        List<Area> lowest = reference.areas().lowest();
        SplittableRandom random = new SplittableRandom(7);
        Map<SeriesKey, IndicatorSeries> series = new HashMap<>();

        long started = System.nanoTime();
        for (int i = 0; i < openCases; i++) {
            String area = lowest.get(random.nextInt(lowest.size())).code();
            for (Fact fact : caseFacts.compute(CaseHistory.of(openCase(i, area, today, random))).toList()) {
                IndicatorDefinition indicator = reference.catalogue().indicator(fact.indicatorId());
                if (fact.isHolding() || !indicator.measure().isSnapshot()) {
                    continue;
                }
                for (Area level : reference.areas().lineage(fact.areaCode())) {
                    series.computeIfAbsent(new SeriesKey(fact.indicatorId(), level.code()), key -> IndicatorSeries.of(indicator,
                                    reference.areas().population(level.code()), List.of(), List.of(), List.of()))
                            .apply(fact.bucket(), fact.numerator(), fact.denominator());
                }
            }
        }
        out.printf("built the snapshot series of %,d open cases in %.1f s%n", openCases, (System.nanoTime() - started) / 1e9);

        Map<SeriesKey, List<IndicatorSnapshot>> published = new HashMap<>();
        republish(series, published, reference, today.minusDays(1), 13);
        long cells = series.values().stream().mapToLong(s -> s.cells().size()).sum();
        for (int round = 1; round <= 3; round++) {
            long begin = System.nanoTime();
            int figures = republish(series, published, reference, today.plusDays(round - 1L), 13);
            out.printf("day change %d: %,d series (%,d day cells) re-evaluated in %.0f ms, %,d figures changed%n",
                    round, series.size(), cells, (System.nanoTime() - begin) / 1e6, figures);
        }
    }

    /** Publishes every series for {@code day} over what was published before; returns the figures that changed. */
    static int republish(Map<SeriesKey, IndicatorSeries> series, Map<SeriesKey, List<IndicatorSnapshot>> published,
                         ReferenceData reference, LocalDate day, int reportingMonths) {
        ReportingWindow window = new ReportingWindow(day, reportingMonths, reference.catalogue().lookBackMonths());
        int figures = 0;
        for (Map.Entry<SeriesKey, IndicatorSeries> entry : series.entrySet()) {
            Area area = reference.areas().area(entry.getKey().areaCode());
            var publication = SeriesPublisher.publish(entry.getValue(), area,
                    published.getOrDefault(entry.getKey(), List.of()), window, Instant.now());
            published.put(entry.getKey(), publication.published());
            figures += publication.changes().size();
        }
        return figures;
    }

    private static List<CaseEvent> openCase(int number, String area, LocalDate today, SplittableRandom random) {
        String caseId = "case-" + number;
        LocalDate referral = workingDay(today.minusDays(random.nextInt(540)));
        List<CaseEvent> events = new ArrayList<>();
        events.add(event(caseId, events.size(), EventType.REFERRAL_RECEIVED, area, referral).build());
        LocalDate allocated = referral.plusDays(random.nextInt(12));
        if (random.nextDouble() < 0.95 && !allocated.isAfter(today)) {
            events.add(event(caseId, events.size(), EventType.ALLOCATION_MADE, area, allocated)
                    .setWorkerId("worker-" + area + "-" + random.nextInt(40)).build());
        }
        if (random.nextDouble() < 0.3) {
            LocalDate started = referral.plusDays(random.nextInt(5));
            if (!started.isAfter(today)) {
                events.add(event(caseId, events.size(), EventType.ASSESSMENT_STARTED, area, started)
                        .setAssessmentId(caseId + "-a").build());
            }
        }
        if (random.nextDouble() < 0.15) {
            LocalDate start = referral.plusDays(20 + random.nextInt(20));
            if (!start.isAfter(today)) {
                events.add(event(caseId, events.size(), EventType.PLAN_STARTED, area, start)
                        .setPlanId(caseId + "-p").setPlanType(PlanType.CP).build());
                for (LocalDate visit = start.plusDays(7 + random.nextInt(10)); !visit.isAfter(today);
                     visit = visit.plusDays(7 + random.nextInt(10))) {
                    events.add(event(caseId, events.size(), EventType.VISIT_RECORDED, area, workingDay(visit)).build());
                }
            }
        }
        return events;
    }

    private static CaseEvent.Builder event(String caseId, int n, EventType type, String area, LocalDate date) {
        return CaseEvent.newBuilder().setEventId(caseId + "-" + n).setRevision(0).setType(type).setCaseId(caseId)
                .setChildId("child-" + caseId).setAreaCode(area).setOccurredOn(date)
                .setRecordedAt(BusinessClock.startOf(date));
    }

    private static LocalDate workingDay(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY ? date.minusDays(1)
                : date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.minusDays(2) : date;
    }
}
