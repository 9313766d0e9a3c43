package org.casepulse.simulation;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One pass through a simulation, a day at a time: each day is simulated when the records before
 * it have been taken, so memory holds the open cases, not the history. Not thread-safe.
 */
public final class SimulationRun implements Iterator<SimulatedRecord> {
    private final World world;
    private final Output output;
    private final DayIndex days;
    private int nextDay;
    private List<SimulatedRecord> batch = List.of();
    private int position;
    private long taken;

    SimulationRun(World world, Output output, DayIndex days) {
        this.world = world;
        this.output = output;
        this.days = days;
    }

    @Override
    public boolean hasNext() {
        while (position == batch.size()) {
            if (nextDay == days.days()) {
                return false;
            }
            world.simulate(nextDay);
            batch = output.release(nextDay);
            position = 0;
            nextDay++;
        }
        return true;
    }

    @Override
    public SimulatedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        taken++;
        return batch.get(position++);
    }

    /** Records taken so far. */
    public long recordsTaken() {
        return taken;
    }

    /** The share of the history's days simulated so far, 0 to 1. */
    public double fractionDone() {
        return (double) nextDay / days.days();
    }

    /** The last day simulated, or null before the first. */
    public LocalDate simulatedThrough() {
        return nextDay == 0 ? null : days.date(nextDay - 1);
    }
}
