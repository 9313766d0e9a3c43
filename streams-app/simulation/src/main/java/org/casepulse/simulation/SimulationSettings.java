package org.casepulse.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate. The same settings (and the same reference data) always give the same records.
 *
 * @param seed                   seeds every random choice
 * @param from                   the first day of the history: the case-management system holds only the
 *                               children in care and on child protection plans then (migrated, their earlier
 *                               events dated before it), so the first months build up the rest of the caseload
 * @param to                     the last day of the history (the "now" of the data): nothing dated or
 *                               recorded after it is emitted
 * @param areaCodes              the areas referrals arrive in: lowest areas, or higher ones standing
 *                               for every lowest area beneath them; empty for every lowest area
 * @param referralsPerWorkingDay referrals a working day across the whole hierarchy; a subset of areas
 *                               receives its population's share of them
 * @param faults                 the faults to inject
 * @param framework              how statutory assessments are typed: single assessments (today's
 *                               framework), initial assessments followed by core ones, or both (the
 *                               default: one region still on initial and core)
 */
public record SimulationSettings(long seed, LocalDate from, LocalDate to, List<String> areaCodes,
                                 double referralsPerWorkingDay, FaultRates faults, AssessmentFramework framework) {

    /**
     * The default national demand: 200 referrals a working day give about 0.9 million events over
     * 18 months (the seed service received 100-150 public-law cases a working day).
     */
    public static final double DEFAULT_REFERRALS_PER_WORKING_DAY = 200;
    /** The default history: the 18 months ending today. */
    public static final int DEFAULT_HISTORY_MONTHS = 18;
    public static final long DEFAULT_SEED = 1;

    /** The default framework: single assessments, one region still on initial and core. */
    public static final AssessmentFramework DEFAULT_FRAMEWORK = AssessmentFramework.MIXED;

    /** With the default framework. */
    public SimulationSettings(long seed, LocalDate from, LocalDate to, List<String> areaCodes,
                              double referralsPerWorkingDay, FaultRates faults) {
        this(seed, from, to, areaCodes, referralsPerWorkingDay, faults, DEFAULT_FRAMEWORK);
    }

    public SimulationSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        areaCodes = List.copyOf(areaCodes);
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(framework, "framework");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the history ends (" + to + ") before it starts (" + from + ")");
        }
        if (!(referralsPerWorkingDay > 0) || Double.isInfinite(referralsPerWorkingDay)) {
            throw new IllegalArgumentException("referrals per working day must be positive, got " + referralsPerWorkingDay);
        }
    }

    /** Seed 1, the 18 months ending {@code today}, every area, the default demand and framework, no faults. */
    public static SimulationSettings defaults(LocalDate today) {
        return new SimulationSettings(DEFAULT_SEED, today.minusMonths(DEFAULT_HISTORY_MONTHS).plusDays(1), today,
                List.of(), DEFAULT_REFERRALS_PER_WORKING_DAY, FaultRates.NONE, DEFAULT_FRAMEWORK);
    }

    public SimulationSettings withSeed(long newSeed) {
        return new SimulationSettings(newSeed, from, to, areaCodes, referralsPerWorkingDay, faults, framework);
    }

    public SimulationSettings withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new SimulationSettings(seed, newFrom, newTo, areaCodes, referralsPerWorkingDay, faults, framework);
    }

    public SimulationSettings withAreas(List<String> newAreaCodes) {
        return new SimulationSettings(seed, from, to, newAreaCodes, referralsPerWorkingDay, faults, framework);
    }

    public SimulationSettings withReferralsPerWorkingDay(double referrals) {
        return new SimulationSettings(seed, from, to, areaCodes, referrals, faults, framework);
    }

    public SimulationSettings withFaults(FaultRates newFaults) {
        return new SimulationSettings(seed, from, to, areaCodes, referralsPerWorkingDay, newFaults, framework);
    }

    public SimulationSettings withFramework(AssessmentFramework newFramework) {
        return new SimulationSettings(seed, from, to, areaCodes, referralsPerWorkingDay, faults, newFramework);
    }
}
