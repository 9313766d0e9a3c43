package org.casepulse.indicators;

import static org.casepulse.indicators.MeasureParameters.ANCHOR;
import static org.casepulse.indicators.MeasureParameters.INTERVAL_WORKING_DAYS;
import static org.casepulse.indicators.MeasureParameters.LOOKBACK;
import static org.casepulse.indicators.MeasureParameters.MINIMUM_DURATION;
import static org.casepulse.indicators.MeasureParameters.NONE;
import static org.casepulse.indicators.MeasureParameters.OVER_WORKING_DAYS;
import static org.casepulse.indicators.MeasureParameters.WITHIN_WORKING_DAYS;

import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Unit;

/**
 * What an indicator counts (DOMAIN.md's measures), with the periods, units and parameters each
 * allows. Event kinds count facts dated in a period (MONTH, YTD, R12M); snapshot kinds count the
 * state of open cases at an instant (SNAPSHOT only).
 */
public enum MeasureKind {
    ALLOCATION_TIMELINESS("allocation-timeliness", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(WITHIN_WORKING_DAYS), Set.of(), NONE),
    RE_REFERRAL("re-referral", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(), Set.of(LOOKBACK), NONE.withLookback(Lookback.months(12))),
    REFERRAL_TO_ASSESSMENT("referral-to-assessment", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(), Set.of(), NONE),
    ASSESSMENT_TIMELINESS("assessment-timeliness", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(WITHIN_WORKING_DAYS), Set.of(ANCHOR), NONE.withAnchor(AssessmentAnchor.REFERRAL)),
    CHILDREN_SEEN_AT_ASSESSMENT("children-seen-at-assessment", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(), Set.of(), NONE),
    CP_VISIT_TIMELINESS("cp-visit-timeliness", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(), Set.of(INTERVAL_WORKING_DAYS), NONE.withIntervalWorkingDays(10)),
    /** Without a lookback, any earlier plan of the child counts. */
    REPEAT_CP_PLAN("repeat-cp-plan", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(), Set.of(LOOKBACK), NONE),
    CP_PLAN_DURATION_AT_END("cp-plan-duration-at-end", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(), Set.of(MINIMUM_DURATION), NONE.withMinimumDuration(Period.ofYears(2))),
    /** The denominator is the area's under-18 population. */
    REFERRAL_RATE("referral-rate", PeriodSets.EVENT, List.of(Unit.RATE_PER_10K, Unit.COUNT),
            Set.of(), Set.of(), NONE),
    /** Referrals of the year to date against the same months of the previous year. */
    DEMAND_CHANGE("demand-change", Set.of(PeriodType.YTD), List.of(Unit.PERCENT_CHANGE),
            Set.of(), Set.of(), NONE),

    WORKLOAD_ALLOCATED("workload-allocated", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(), Set.of(), NONE),
    UNALLOCATED_CASES("unallocated-cases", PeriodSets.SNAPSHOT, List.of(Unit.COUNT),
            Set.of(), Set.of(OVER_WORKING_DAYS), NONE.withOverWorkingDays(7)),
    ASSESSMENTS_OPEN_OVER("assessments-open-over", PeriodSets.SNAPSHOT, List.of(Unit.COUNT),
            Set.of(), Set.of(OVER_WORKING_DAYS), NONE.withOverWorkingDays(45)),
    CP_VISIT_OVERDUE("cp-visit-overdue", PeriodSets.SNAPSHOT, List.of(Unit.COUNT),
            Set.of(), Set.of(INTERVAL_WORKING_DAYS), NONE.withIntervalWorkingDays(10)),
    /** Open allocated cases over the distinct workers holding them. */
    AVERAGE_CASELOAD("average-caseload", PeriodSets.SNAPSHOT, List.of(Unit.RATIO),
            Set.of(), Set.of(), NONE);

    private final String yamlName;
    private final Set<PeriodType> periods;
    private final List<Unit> units;
    private final Set<String> requiredParameters;
    private final Set<String> optionalParameters;
    private final MeasureParameters defaults;

    MeasureKind(String yamlName, Set<PeriodType> periods, List<Unit> units, Set<String> requiredParameters,
                Set<String> optionalParameters, MeasureParameters defaults) {
        this.yamlName = yamlName;
        this.periods = periods;
        this.units = units;
        this.requiredParameters = requiredParameters;
        this.optionalParameters = optionalParameters;
        this.defaults = defaults;
    }

    /** The name used in the catalogue file, such as {@code allocation-timeliness}. */
    public String yamlName() {
        return yamlName;
    }

    /** Whether the kind counts the state of open cases at an instant (period SNAPSHOT only). */
    public boolean isSnapshot() {
        return periods.contains(PeriodType.SNAPSHOT);
    }

    /** The period types an indicator of this kind may be published for. */
    public Set<PeriodType> allowedPeriods() {
        return periods;
    }

    /** The units this kind can be published in; the first is the default. */
    public List<Unit> allowedUnits() {
        return units;
    }

    public Unit defaultUnit() {
        return units.get(0);
    }

    /** The parameters an indicator of this kind must set. */
    public Set<String> requiredParameters() {
        return requiredParameters;
    }

    /** The parameters an indicator of this kind may set (each has a default, or none means "any"). */
    public Set<String> optionalParameters() {
        return optionalParameters;
    }

    /** The values of the optional parameters when the catalogue leaves them out. */
    public MeasureParameters defaultParameters() {
        return defaults;
    }

    public static Optional<MeasureKind> fromYamlName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName.equals(name)).findFirst();
    }

    /** Named sets, held apart because an enum's constants cannot refer to its own static fields. */
    private static final class PeriodSets {
        static final Set<PeriodType> EVENT = Set.of(PeriodType.MONTH, PeriodType.YTD, PeriodType.R12M);
        static final Set<PeriodType> SNAPSHOT = Set.of(PeriodType.SNAPSHOT);
    }

    private static final class Units {
        static final List<Unit> PROPORTION = List.of(Unit.PERCENT, Unit.COUNT);
    }
}
