package org.casepulse.simulation;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.events.CaseEvent;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.serde.AvroTrust;

/**
 * A deterministic simulation of the case-management systems of children's services: children,
 * cases and workers spread over the area hierarchy, referrals and early help day by day on working
 * days (fewer at weekends and on bank holidays) in proportion to population, re-referrals,
 * assessments, allocations, section 47 enquiries and conferences, child protection, child in need
 * and care plans with their visits, placements, reviews, checks and adoptions, private fostering,
 * transfers, closures with their reasons, an opening caseload of children already in care or on
 * plans, and optionally injected faults. Areas differ: some are hotspots, some do well.
 *
 * <p>Every run of one simulation yields the same records, in send order (by recordedAt; late events
 * therefore out of date order; duplicates shortly after their original). Free of Kafka: callers
 * send the records where they like. Calibration is described in {@code Calibration}.
 */
public final class Simulation implements Iterable<SimulatedRecord> {
    /** Referrals a working day of the pilot run that sizes a simulation to a number of records. */
    private static final double PILOT_REFERRALS = 20;

    private final SimulationSettings settings;
    private final AreaHierarchy hierarchy;
    private final List<Area> selected;
    private final DayIndex days;
    /** The years before the history that the opening caseload's earlier events fall in; null if the calendar has none. */
    private final DayIndex before;

    /**
     * @throws IllegalArgumentException for an unknown area code
     * @throws org.casepulse.calendar.CalendarGapException when the calendar does not cover the history
     */
    public Simulation(SimulationSettings settings, AreaHierarchy hierarchy, WorkingDayCalendar calendar) {
        // Faults copy events with Avro's builders, which load the generated classes by name.
        AvroTrust.ensure();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        this.selected = AreaSelection.resolve(hierarchy, settings.areaCodes());
        this.days = new DayIndex(settings.from(), settings.to(), calendar);
        LocalDate earliest = settings.from().minusYears(OpeningCaseload.YEARS_BEFORE);
        LocalDate start = earliest.isBefore(calendar.firstCoveredDate()) ? calendar.firstCoveredDate() : earliest;
        this.before = start.isBefore(settings.from()) ? new DayIndex(start, settings.from().minusDays(1), calendar) : null;
    }

    /**
     * The referrals a working day at which a simulation with these settings yields about
     * {@code records} records, found by a small pilot run (records grow in proportion to referrals).
     */
    public static double referralsPerWorkingDayFor(long records, SimulationSettings settings, AreaHierarchy hierarchy,
                                                   WorkingDayCalendar calendar) {
        if (records < 1) {
            throw new IllegalArgumentException("the number of records must be positive, got " + records);
        }
        Simulation pilot = new Simulation(settings.withReferralsPerWorkingDay(PILOT_REFERRALS), hierarchy, calendar);
        long pilotRecords = 0;
        for (Iterator<SimulatedRecord> run = pilot.start(); run.hasNext(); run.next()) {
            pilotRecords++;
        }
        return PILOT_REFERRALS * records / Math.max(1, pilotRecords);
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** The lowest areas referrals arrive in. */
    public List<Area> areas() {
        return selected;
    }

    /** The referrals a working day each of {@link #areas()} receives, by population (the workforce is sized to them). */
    public java.util.Map<String, Double> referralsByArea() {
        return WorkforceSimulation.referralsByArea(selected, hierarchy.population(hierarchy.national().code()),
                settings.referralsPerWorkingDay());
    }

    /** A new run from the first day; every run yields the same records. */
    public SimulationRun start() {
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<AreaProfile> profiles = AreaProfile.build(hierarchy, selected, settings.referralsPerWorkingDay(),
                settings.framework(), root.split());
        Output output = new Output(days);
        FaultInjector faults = new FaultInjector(settings.faults(), root.nextLong(), days, output, hierarchy);
        World world = new World(days, before, profiles, root.split(), output, faults, root.split());
        return new SimulationRun(world, output, days);
    }

    @Override
    public Iterator<SimulatedRecord> iterator() {
        return start();
    }

    /** The records of a new run, lazily, in send order. */
    public Stream<SimulatedRecord> records() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(start(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The valid events of a new run, in send order (malformed records left out). */
    public Stream<CaseEvent> events() {
        return records().mapMulti((record, sink) -> {
            if (record instanceof SimulatedRecord.Good good) {
                sink.accept(good.event());
            }
        });
    }
}
