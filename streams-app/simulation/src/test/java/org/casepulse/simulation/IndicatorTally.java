package org.casepulse.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.PlanType;

/**
 * A deliberately simple count of a clean event history (no faults), written from DOMAIN.md
 * without the engine's code, to check what the simulation produces. Figures cover the facts dated
 * within a window, nationally ({@code "NATIONAL"}) and per lowest area.
 */
final class IndicatorTally {
    static final String NATIONAL = "NATIONAL";

    private final WorkingDayCalendar calendar;
    private final Map<String, CaseRecord> cases = new TreeMap<>();

    IndicatorTally(WorkingDayCalendar calendar, Iterable<CaseEvent> events) {
        this.calendar = calendar;
        for (CaseEvent event : events) {
            cases.computeIfAbsent(event.getCaseId(), id -> new CaseRecord()).add(event);
        }
    }

    /** A proportion: numerator over denominator. */
    record Ratio(long numerator, long denominator) {
        double value() {
            return denominator == 0 ? Double.NaN : (double) numerator / denominator;
        }
    }

    Map<String, Ratio> reReferrals(LocalDate from, LocalDate to) {
        Map<String, List<LocalDate>> byChild = new HashMap<>();
        cases.values().forEach(c -> byChild.computeIfAbsent(c.referral.getChildId(), k -> new ArrayList<>())
                .add(c.referral.getOccurredOn()));
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            LocalDate date = c.referral.getOccurredOn();
            if (within(date, from, to)) {
                boolean again = byChild.get(c.referral.getChildId()).stream()
                        .anyMatch(e -> !e.isBefore(date.minusMonths(12)) && e.isBefore(date));
                counter.count(c.referral.getAreaCode(), again);
            }
        }
        return counter.ratios;
    }

    Map<String, Ratio> referralToAssessment(LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            LocalDate date = c.referral.getOccurredOn();
            if (within(date, from, to)) {
                counter.count(c.referral.getAreaCode(), c.assessmentStarts.stream().anyMatch(s -> !s.isBefore(date)));
            }
        }
        return counter.ratios;
    }

    Map<String, Ratio> assessmentsWithin(int workingDays, LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (CaseEvent completion : c.completions) {
                if (within(completion.getOccurredOn(), from, to)) {
                    counter.count(completion.getAreaCode(),
                            wd(c.referral.getOccurredOn(), completion.getOccurredOn()) <= workingDays);
                }
            }
        }
        return counter.ratios;
    }

    Map<String, Ratio> childrenSeen(LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (CaseEvent completion : c.completions) {
                if (within(completion.getOccurredOn(), from, to)) {
                    counter.count(completion.getAreaCode(), completion.getChildSeen());
                }
            }
        }
        return counter.ratios;
    }

    Map<String, Ratio> allocationsWithin(int workingDays, LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            if (!c.allocations.isEmpty()) {
                CaseEvent first = c.allocations.get(0);
                if (within(first.getOccurredOn(), from, to)) {
                    counter.count(first.getAreaCode(), wd(c.referral.getOccurredOn(), first.getOccurredOn()) <= workingDays);
                }
            }
        }
        return counter.ratios;
    }

    /** Visits inside a CP plan within {@code interval} working days of the previous one (or the plan start). */
    Map<String, Ratio> cpVisitsInTimescale(int interval, LocalDate from, LocalDate to) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (Plan plan : c.plans.values()) {
                if (plan.type != PlanType.CP || plan.start == null) {
                    continue;
                }
                LocalDate previous = plan.start;
                for (CaseEvent visit : c.visits) {
                    LocalDate date = visit.getOccurredOn();
                    if (date.isBefore(plan.start) || (plan.end != null && date.isAfter(plan.end))) {
                        continue;
                    }
                    if (within(date, from, to)) {
                        counter.count(visit.getAreaCode(), wd(previous, date) <= interval);
                    }
                    previous = date;
                }
            }
        }
        return counter.ratios;
    }

    Map<String, Ratio> repeatCpPlans(LocalDate from, LocalDate to) {
        Map<String, List<LocalDate>> starts = new HashMap<>();
        for (CaseRecord c : cases.values()) {
            for (Plan plan : c.plans.values()) {
                if (plan.type == PlanType.CP && plan.start != null) {
                    starts.computeIfAbsent(c.referral.getChildId(), k -> new ArrayList<>()).add(plan.start);
                }
            }
        }
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            for (Plan plan : c.plans.values()) {
                if (plan.type == PlanType.CP && plan.start != null && within(plan.start, from, to)) {
                    boolean repeat = starts.get(c.referral.getChildId()).stream().anyMatch(s -> s.isBefore(plan.start));
                    counter.count(plan.startArea, repeat);
                }
            }
        }
        return counter.ratios;
    }

    /** Open allocated cases over distinct workers holding them, at the end of {@code date}, by the case's area then. */
    Map<String, Ratio> averageCaseload(LocalDate date) {
        Map<String, Long> casesByArea = new TreeMap<>();
        Map<String, Set<String>> workersByArea = new TreeMap<>();
        for (CaseRecord c : cases.values()) {
            if (!c.openAt(date)) {
                continue;
            }
            CaseEvent allocation = c.allocations.stream().filter(a -> !a.getOccurredOn().isAfter(date))
                    .reduce((a, b) -> b).orElse(null);
            if (allocation == null) {
                continue;
            }
            for (String area : List.of(c.areaAt(date), NATIONAL)) {
                casesByArea.merge(area, 1L, Long::sum);
                workersByArea.computeIfAbsent(area, a -> new HashSet<>()).add(allocation.getWorkerId());
            }
        }
        Map<String, Ratio> ratios = new TreeMap<>();
        casesByArea.forEach((area, count) -> ratios.put(area, new Ratio(count, workersByArea.get(area).size())));
        return ratios;
    }

    /** Open cases with an allocation over open cases, at the end of {@code date}. */
    Map<String, Ratio> workloadAllocated(LocalDate date) {
        Counter counter = new Counter();
        for (CaseRecord c : cases.values()) {
            if (c.openAt(date)) {
                counter.count(c.areaAt(date), c.allocations.stream().anyMatch(a -> !a.getOccurredOn().isAfter(date)));
            }
        }
        return counter.ratios;
    }

    private int wd(LocalDate a, LocalDate b) {
        return calendar.workingDaysBetween(a, b);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Counts facts by area and nationally. */
    private static final class Counter {
        final Map<String, Ratio> ratios = new TreeMap<>();

        void count(String area, boolean numerator) {
            for (String key : List.of(area, NATIONAL)) {
                ratios.merge(key, new Ratio(numerator ? 1 : 0, 1),
                        (a, b) -> new Ratio(a.numerator + b.numerator, a.denominator + b.denominator));
            }
        }
    }

    private static final class Plan {
        PlanType type;
        LocalDate start;
        String startArea;
        LocalDate end;
    }

    private static final class CaseRecord {
        CaseEvent referral;
        final List<CaseEvent> all = new ArrayList<>();
        final List<CaseEvent> allocations = new ArrayList<>();
        final List<LocalDate> assessmentStarts = new ArrayList<>();
        final List<CaseEvent> completions = new ArrayList<>();
        final List<CaseEvent> visits = new ArrayList<>();
        final Map<String, Plan> plans = new TreeMap<>();
        LocalDate closed;

        void add(CaseEvent event) {
            all.add(event);
            switch (event.getType()) {
                case REFERRAL_RECEIVED -> referral = event;
                case ALLOCATION_MADE -> {
                    allocations.add(event);
                    allocations.sort(Comparator.comparing(CaseEvent::getOccurredOn));
                }
                case ASSESSMENT_STARTED -> assessmentStarts.add(event.getOccurredOn());
                case ASSESSMENT_COMPLETED -> completions.add(event);
                case VISIT_RECORDED -> {
                    visits.add(event);
                    visits.sort(Comparator.comparing(CaseEvent::getOccurredOn));
                }
                case PLAN_STARTED -> {
                    Plan plan = plans.computeIfAbsent(event.getPlanId(), id -> new Plan());
                    plan.type = event.getPlanType();
                    plan.start = event.getOccurredOn();
                    plan.startArea = event.getAreaCode();
                }
                case PLAN_ENDED -> plans.computeIfAbsent(event.getPlanId(), id -> new Plan()).end = event.getOccurredOn();
                case CASE_CLOSED -> closed = event.getOccurredOn();
                case EVENT_RETRACTED -> throw new IllegalArgumentException("the tally counts clean histories only");
            }
        }

        boolean openAt(LocalDate date) {
            return referral != null && !referral.getOccurredOn().isAfter(date) && (closed == null || closed.isAfter(date));
        }

        String areaAt(LocalDate date) {
            return all.stream().filter(e -> !e.getOccurredOn().isAfter(date))
                    .max(Comparator.comparing(CaseEvent::getOccurredOn).thenComparing(CaseEvent::getRecordedAt))
                    .orElseThrow().getAreaCode();
        }
    }
}
