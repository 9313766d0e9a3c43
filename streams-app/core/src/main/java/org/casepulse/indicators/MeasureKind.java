package org.casepulse.indicators;

import static org.casepulse.indicators.MeasureParameters.ALLOCATION;
import static org.casepulse.indicators.MeasureParameters.ANCHOR;
import static org.casepulse.indicators.MeasureParameters.ASSESSMENT_TYPES;
import static org.casepulse.indicators.MeasureParameters.CASE_ALLOCATION;
import static org.casepulse.indicators.MeasureParameters.CONDITION;
import static org.casepulse.indicators.MeasureParameters.COUNT;
import static org.casepulse.indicators.MeasureParameters.ELEMENT;
import static org.casepulse.indicators.MeasureParameters.EXCLUDE_PROGRESSED_TO_STRATEGY;
import static org.casepulse.indicators.MeasureParameters.FROM;
import static org.casepulse.indicators.MeasureParameters.INTERVAL_WORKING_DAYS;
import static org.casepulse.indicators.MeasureParameters.LESS_THAN;
import static org.casepulse.indicators.MeasureParameters.STARTED_IN_SAME_MONTH;
import static org.casepulse.indicators.MeasureParameters.TO;
import static org.casepulse.indicators.MeasureParameters.WITHIN;
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
            Set.of(), Set.of(ASSESSMENT_TYPES), NONE),
    ASSESSMENT_TIMELINESS("assessment-timeliness", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(WITHIN_WORKING_DAYS), Set.of(ANCHOR, ASSESSMENT_TYPES, STARTED_IN_SAME_MONTH),
            NONE.withAnchor(AssessmentAnchor.REFERRAL)),
    /** Dated filters (unborn, age band) judge the child at the completion. */
    CHILDREN_SEEN_AT_ASSESSMENT("children-seen-at-assessment", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(), Set.of(ASSESSMENT_TYPES, EXCLUDE_PROGRESSED_TO_STRATEGY), NONE),
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
    /**
     * Referrals of the year to date against the same months of the previous year, or (baselineYears
     * 2) against the mean of the same months of the two previous years.
     */
    DEMAND_CHANGE("demand-change", Set.of(PeriodType.YTD), List.of(Unit.PERCENT_CHANGE),
            Set.of(), Set.of(MeasureParameters.BASELINE_YEARS, ELEMENT), NONE.withBaselineYears(1)),
    /** Each element, over the area's under-18 population (as referral-rate). */
    EVENT_RATE("event-rate", PeriodSets.EVENT, List.of(Unit.RATE_PER_10K, Unit.COUNT),
            Set.of(ELEMENT), Set.of(), NONE),
    /** Each element, counted when its condition holds. */
    EVENT_SHARE("event-share", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(ELEMENT, CONDITION), Set.of(), NONE),
    /** Each {@code to} element paired with a {@code from}, timely within one of the three limits. */
    INTERVAL_TIMELINESS("interval-timeliness", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(FROM, TO), Set.of(WITHIN_WORKING_DAYS, WITHIN, LESS_THAN), NONE),
    /** Each {@code from} element, counted when some {@code to} element pairs with it. */
    FOLLOWED_BY("followed-by", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(FROM, TO), Set.of(MeasureParameters.LAG_MONTHS), NONE),
    /**
     * Each participant of a case, placed by the referral (plus lagMonths), counted when it has a
     * safeguarding check of the type (within N working days of the referral) (COUNTING.md 13).
     */
    PARTICIPANT_CHECKS("participant-checks", PeriodSets.EVENT, Units.PROPORTION,
            Set.of(MeasureParameters.CHECK),
            Set.of(WITHIN_WORKING_DAYS, MeasureParameters.HARM_INDICATED, MeasureParameters.LAG_MONTHS), NONE),
    /** Each {@code to} element paired with a {@code from}: the average time between them (COUNTING.md 13). */
    INTERVAL_AVERAGE("interval-average", PeriodSets.EVENT, List.of(Unit.RATIO),
            Set.of(FROM, TO), Set.of(MeasureParameters.IN), NONE),

    /** Open cases allocated; YTD sums the month-end counts of April to the month (COUNTING.md 8.6). */
    WORKLOAD_ALLOCATED("workload-allocated", PeriodSets.SNAPSHOT_AND_YTD, Units.PROPORTION,
            Set.of(), Set.of(), NONE),
    UNALLOCATED_CASES("unallocated-cases", PeriodSets.SNAPSHOT, List.of(Unit.COUNT, Unit.PERCENT),
            Set.of(), Set.of(OVER_WORKING_DAYS), NONE.withOverWorkingDays(7)),
    ASSESSMENTS_OPEN_OVER("assessments-open-over", PeriodSets.SNAPSHOT, List.of(Unit.COUNT, Unit.PERCENT),
            Set.of(), Set.of(OVER_WORKING_DAYS, ANCHOR, ASSESSMENT_TYPES, CASE_ALLOCATION),
            NONE.withOverWorkingDays(45).withAnchor(AssessmentAnchor.REFERRAL)
                    .withCaseAllocation(MeasureParameters.Allocation.ANY)),
    /** Open cases, those (not) allocated among them; RATE_PER_10K over the under-18 population. */
    OPEN_CASES("open-cases", PeriodSets.SNAPSHOT, List.of(Unit.COUNT, Unit.PERCENT, Unit.RATE_PER_10K),
            Set.of(), Set.of(ALLOCATION, COUNT),
            NONE.withAllocation(MeasureParameters.Allocation.ANY).withCount(MeasureParameters.Counted.CASES)),
    CP_VISIT_OVERDUE("cp-visit-overdue", PeriodSets.SNAPSHOT, List.of(Unit.COUNT),
            Set.of(), Set.of(INTERVAL_WORKING_DAYS), NONE.withIntervalWorkingDays(10)),
    /** Children with an active plan of the type, each once (COUNTING.md 8.2 and 10). */
    ACTIVE_PLANS("active-plans", PeriodSets.SNAPSHOT, List.of(Unit.COUNT, Unit.PERCENT, Unit.RATE_PER_10K),
            Set.of(MeasureParameters.PLAN_TYPE), Set.of(MeasureParameters.PLACEMENT_TYPES, MeasureParameters.SUBSET),
            NONE),
    /** Children with an active plan of the type whose representative plan is at least D old. */
    ACTIVE_PLAN_DURATION("active-plan-duration", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(MeasureParameters.PLAN_TYPE, MeasureParameters.MINIMUM_DURATION), Set.of(), NONE),
    /** Children in care with at least K placements in the window to T. */
    PLACEMENT_MOVES("placement-moves", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(MeasureParameters.WINDOW, MeasureParameters.MINIMUM_PLACEMENTS), Set.of(), NONE),
    /** Children in care long enough, in the same placement long enough (adoption: the one before counts). */
    PLACEMENT_STABILITY("placement-stability", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(MeasureParameters.MINIMUM_IN_CARE, MeasureParameters.MINIMUM_IN_PLACEMENT), Set.of(), NONE),
    /** Children in care with a check of the type in the window to T. */
    CHILD_CHECK_CURRENT("child-check-current", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(MeasureParameters.CHECK_TYPE, WITHIN),
            Set.of(MeasureParameters.WITHIN_UNDER_5, MeasureParameters.IN_CARE_AT_LEAST), NONE),
    /** Children with an active plan of the type whose first review was due; the numerator those reviewed in time. */
    REVIEWS_IN_TIMESCALE("reviews-in-timescale", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(MeasureParameters.PLAN_TYPE, MeasureParameters.INTERVALS), Set.of(), NONE),
    /**
     * Private fostering visits of the arrangements active at T in open cases (population current),
     * of the first or later years, timely against the first-visit limit or the interval.
     */
    VISIT_TIMELINESS("visit-timeliness", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(MeasureParameters.CONTEXT, MeasureParameters.ARRANGEMENT_YEAR, MeasureParameters.INTERVAL,
                    MeasureParameters.POPULATION),
            Set.of(MeasureParameters.FIRST_WITHIN_WORKING_DAYS), NONE),
    /**
     * Plans of the type due a visit in the month (active all month, in a case open on its last
     * day), those visited in it. Kept as a state on a date, like the snapshot kinds: the month's
     * figure is the state on its last day (today for the month in progress), YTD the sum of those.
     */
    PLANS_VISITED_IN_MONTH("plans-visited-in-month", Set.of(PeriodType.MONTH, PeriodType.YTD), Units.PROPORTION,
            Set.of(MeasureParameters.PLAN_TYPE), Set.of(), NONE),
    /** Open allocated cases over the distinct workers holding them. */
    AVERAGE_CASELOAD("average-caseload", PeriodSets.SNAPSHOT, List.of(Unit.RATIO),
            Set.of(), Set.of(), NONE),
    /**
     * Workforce (COUNTING.md 14.3): posts in establishment at T, by FTE or count, and those filled
     * as the parameters say. Counted from the workforce topic, not from cases.
     */
    POSTS("posts", PeriodSets.SNAPSHOT, List.of(Unit.PERCENT, Unit.COUNT),
            Set.of(MeasureParameters.POSTS), Set.of(), NONE),
    /**
     * Staff in post at T (COUNTING.md 14.4), those with an appraisal in the window to T; with
     * {@code population: newly-qualified} (14.7), the staff in their first year after qualifying;
     * with {@code ratedAtLeast} (14.7), the numerator only those whose latest appraisal is rated so.
     */
    STAFF_APPRAISED("staff-appraised", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(), Set.of(WITHIN, MeasureParameters.POPULATION, MeasureParameters.RATED_AT_LEAST),
            NONE.withWithin(Period.ofMonths(12))),
    /** Staff in post at T, those with diversity monitoring recorded by T. */
    STAFF_DIVERSITY_RECORDED("staff-diversity-recorded", PeriodSets.SNAPSHOT, Units.PROPORTION,
            Set.of(), Set.of(), NONE),
    /**
     * FTE working days of staff in post lost to absence of the type (COUNTING.md 14.5): a state
     * on a date (the month to the date), so the month's figure is its state on the last day and
     * YTD the sum of those, as plans-visited-in-month. {@code population: newly-qualified} (14.7)
     * counts only the days a worker is in their first year after qualifying.
     */
    SICKNESS_ABSENCE("sickness-absence", Set.of(PeriodType.MONTH, PeriodType.YTD), List.of(Unit.PERCENT),
            Set.of(MeasureParameters.ABSENCE_TYPE), Set.of(MeasureParameters.POPULATION), NONE),
    /**
     * A figure of figures (COUNTING.md 13.1): of the lowest areas under an area with a figure of
     * the indicator {@code of} for the period, those whose published value lies in the band.
     * Counted from the published figures, not from cases; its periods are the source's.
     */
    TEAM_BAND_SHARE("team-band-share", Set.of(PeriodType.MONTH, PeriodType.YTD, PeriodType.R12M, PeriodType.SNAPSHOT),
            Units.PROPORTION, Set.of(MeasureParameters.OF, MeasureParameters.BAND), Set.of(), NONE),
    /**
     * Open allocated cases of the team types at T over the FTE of the posts of those team types
     * filled at T (COUNTING.md 14.8): a ratio whose numerator the case ledger sends and whose
     * denominator the workforce ledger sends, into the same cells.
     */
    CASELOAD_PER_FTE("caseload-per-fte", PeriodSets.SNAPSHOT, List.of(Unit.RATIO),
            Set.of(MeasureParameters.POSTS), Set.of(), NONE),
    /**
     * Audits (the element, an audit completion) completed in the window to T over the staff in
     * post at T (COUNTING.md 14.9): the case ledger sends the numerator, the staff ledger the
     * denominator, into the same cells.
     */
    AUDITS_PER_WORKER("audits-per-worker", PeriodSets.SNAPSHOT, List.of(Unit.RATIO),
            Set.of(ELEMENT), Set.of(WITHIN), NONE.withWithin(Period.ofMonths(3)));

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

    /**
     * Whether the kind counts a state on a date, kept as day deltas: the snapshot kinds, and
     * plans-visited-in-month, whose month figure is its state on the month's last day. Their
     * MONTH and YTD figures add up the states on the months' last days (IndicatorSeries).
     */
    public boolean isSnapshot() {
        // A team-band-share may band any period, snapshots included, but keeps no state of its own.
        return (periods.contains(PeriodType.SNAPSHOT) && this != TEAM_BAND_SHARE)
                || this == PLANS_VISITED_IN_MONTH || this == SICKNESS_ABSENCE;
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

    /** Whether the kind applies the dated filters (unborn, age band) at the date of what it counts. */
    public boolean appliesDatedFilters() {
        return switch (this) {
            case CHILDREN_SEEN_AT_ASSESSMENT, EVENT_RATE, EVENT_SHARE, INTERVAL_TIMELINESS, FOLLOWED_BY,
                    PARTICIPANT_CHECKS, INTERVAL_AVERAGE,
                    ACTIVE_PLANS, ACTIVE_PLAN_DURATION, PLACEMENT_MOVES, PLACEMENT_STABILITY, CHILD_CHECK_CURRENT,
                    REVIEWS_IN_TIMESCALE -> true;
            default -> false;
        };
    }

    /** Cross-case kinds, computed per child from case summaries: only case-type filters apply. */
    public boolean isCrossCase() {
        return this == RE_REFERRAL || this == REPEAT_CP_PLAN;
    }

    /** Whether the kind counts workforce facts (the workforce ledger), not cases. */
    public boolean isWorkforce() {
        return this == POSTS || isStaff();
    }

    /** Whether the numerator counts cases and the denominator posts (caseload-per-fte). */
    public boolean isCasesOverPosts() {
        return this == CASELOAD_PER_FTE;
    }

    /** Whether the numerator counts case elements and the denominator staff in post (audits-per-worker). */
    public boolean isCasesOverStaff() {
        return this == AUDITS_PER_WORKER;
    }

    /** Workforce kinds counted per worker (staff in post), from the posts they hold and their own facts. */
    public boolean isStaff() {
        return this == STAFF_APPRAISED || this == STAFF_DIVERSITY_RECORDED || this == SICKNESS_ABSENCE;
    }

    /** Whether the kind is counted from another indicator's published figures (the team-bands stage), not from facts. */
    public boolean isFigureOfFigures() {
        return this == TEAM_BAND_SHARE;
    }

    /** Whether the denominator is the area's under-18 population, supplied when the figure is made. */
    public boolean isPopulationRate() {
        return this == REFERRAL_RATE || this == EVENT_RATE;
    }

    public static Optional<MeasureKind> fromYamlName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName.equals(name)).findFirst();
    }

    /** Named sets, held apart because an enum's constants cannot refer to its own static fields. */
    private static final class PeriodSets {
        static final Set<PeriodType> EVENT = Set.of(PeriodType.MONTH, PeriodType.YTD, PeriodType.R12M);
        static final Set<PeriodType> SNAPSHOT = Set.of(PeriodType.SNAPSHOT);
        static final Set<PeriodType> SNAPSHOT_AND_YTD = Set.of(PeriodType.SNAPSHOT, PeriodType.YTD);
    }

    private static final class Units {
        static final List<Unit> PROPORTION = List.of(Unit.PERCENT, Unit.COUNT);
    }
}
