package org.casepulse.indicators;

import java.time.Period;
import java.util.List;
import java.util.Set;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.CheckType;
import org.casepulse.events.PlacementType;
import org.casepulse.events.PlanType;
import org.casepulse.events.SafeguardingCheckType;

/**
 * The settings of a measure; which a kind takes, requires and defaults is {@link MeasureKind}'s
 * to say, and a catalogue's definitions carry them with the defaults filled in (null = not used
 * by the kind, except {@code lookback}, where null on repeat-cp-plan means any earlier plan, and
 * {@code assessmentTypes}, where null means every type).
 *
 * @param withinWorkingDays           timeliness measures: counted when at most this many working days
 * @param intervalWorkingDays         CP visits: the most working days allowed between visits
 * @param overWorkingDays             open-too-long snapshots: counted when more than this many working days
 * @param anchor                      assessment timeliness and open assessments: what the working days count from
 * @param lookback                    re-referral and repeat plans: how far back an earlier one counts
 * @param minimumDuration             plan duration: counted when the plan lasted at least this long
 * @param assessmentTypes             assessment measures: only assessments of these types (null: every type)
 * @param caseAllocation              open assessments: counted only when the case is (not) allocated at T
 * @param startedInSameMonth          assessment timeliness: only assessments started in their completion's month
 * @param excludeProgressedToStrategy children seen: leaves out assessments that went to a strategy discussion
 * @param element                     event-rate and event-share: the case element counted
 * @param from                        interval-timeliness and followed-by: the element timed from
 * @param to                          interval-timeliness and followed-by: the element timed to
 * @param condition                   event-share: what makes an element count in the numerator
 * @param within                      interval-timeliness: counted when {@code to <= from + within}
 * @param lessThan                    interval-timeliness: counted when {@code to < from + lessThan}
 * @param allocation                  open-cases: which open cases the numerator holds
 * @param count                       open-cases: whether cases or children are counted
 * @param planType                    plan snapshots: the plan type
 * @param placementTypes              active-plans: only children whose placement at T is of these types
 * @param subset                      active-plans: which of the counted children the numerator holds
 * @param window placement-moves: the window placements are counted in
 * @param minimumPlacements placement-moves: counted with at least this many placements in the window
 * @param minimumInCare placement-stability: only children in care at least this long
 * @param minimumInPlacement placement-stability: counted when in the placement at least this long
 * @param checkType child-check-current: the kind of check
 * @param withinUnder5 child-check-current: the window for children under 5
 * @param inCareAtLeast child-check-current: only children in care at least this long
 * @param intervals reviews-in-timescale: the longest gaps, from the plan's start, between reviews (the last repeats)
 * @param context visit-timeliness: whose visits (private-fostering)
 * @param arrangementYear visit-timeliness: first or later years of the arrangement
 * @param firstWithinWorkingDays visit-timeliness: the first visit within this many working days of the start
 * @param interval visit-timeliness: the longest gap between visits
 * @param population visit-timeliness: current (the visits of arrangements active at T); staff-appraised,
 *                   sickness-absence: newly-qualified (staff in their first year after qualifying, COUNTING.md 14.7)
 * @param baselineYears demand-change: how many previous years the period is compared with (their mean)
 * @param check participant-checks: the safeguarding step looked for
 * @param harmIndicated participant-checks: only participants with harm indicated (true)
 * @param lagMonths followed-by and participant-checks: the cohort of cases received this many months before
 *                  the figure's month, counted as at its end (COUNTING.md 13)
 * @param in interval-average: the unit of the average, days or weeks
 * @param posts posts (workforce, COUNTING.md 14.3): which posts, which fillings count, and their weight
 * @param absenceType sickness-absence (COUNTING.md 14.5): the kind of absence counted
 * @param of team-band-share (COUNTING.md 13.1): the indicator whose lowest areas' figures are banded
 * @param band team-band-share: the range of the source's published value that counts
 * @param ratedAtLeast staff-appraised (COUNTING.md 14.7): the numerator holds only staff whose latest appraisal in the window is rated this or better
 */
public record MeasureParameters(Integer withinWorkingDays,
                                Integer intervalWorkingDays,
                                Integer overWorkingDays,
                                AssessmentAnchor anchor,
                                Lookback lookback,
                                Period minimumDuration,
                                Set<AssessmentType> assessmentTypes,
                                Allocation caseAllocation,
                                Boolean startedInSameMonth,
                                Boolean excludeProgressedToStrategy,
                                Element element,
                                Element from,
                                Element to,
                                Condition condition,
                                Period within,
                                Period lessThan,
                                Allocation allocation,
                                Counted count,
                                PlanType planType,
                                Set<PlacementType> placementTypes,
                                Subset subset,
                                Period window,
                                Integer minimumPlacements,
                                Period minimumInCare,
                                Period minimumInPlacement,
                                CheckType checkType,
                                Period withinUnder5,
                                Period inCareAtLeast,
                                List<ReviewInterval> intervals,
                                String context,
                                String arrangementYear,
                                Integer firstWithinWorkingDays,
                                Period interval,
                                String population,
                                Integer baselineYears,
                                SafeguardingCheckType check,
                                Boolean harmIndicated,
                                Integer lagMonths,
                                String in,
                                PostSelection posts,
                                org.casepulse.workforce.AbsenceType absenceType,
                                String of,
                                Band band,
                                org.casepulse.workforce.AppraisalRating ratedAtLeast) {
    static final String WITHIN_WORKING_DAYS = "withinWorkingDays";
    static final String INTERVAL_WORKING_DAYS = "intervalWorkingDays";
    static final String OVER_WORKING_DAYS = "overWorkingDays";
    static final String ANCHOR = "anchor";
    static final String LOOKBACK = "lookback";
    static final String MINIMUM_DURATION = "minimumDuration";
    static final String ASSESSMENT_TYPES = "assessmentTypes";
    static final String CASE_ALLOCATION = "caseAllocation";
    static final String STARTED_IN_SAME_MONTH = "startedInSameMonth";
    static final String EXCLUDE_PROGRESSED_TO_STRATEGY = "excludeProgressedToStrategy";
    static final String ELEMENT = "element";
    static final String FROM = "from";
    static final String TO = "to";
    static final String CONDITION = "condition";
    static final String WITHIN = "within";
    static final String LESS_THAN = "lessThan";
    static final String ALLOCATION = "allocation";
    static final String COUNT = "count";
    static final String PLAN_TYPE = "planType";
    static final String PLACEMENT_TYPES = "placementTypes";
    static final String SUBSET = "subset";
    static final String WINDOW = "window";
    static final String MINIMUM_PLACEMENTS = "minimumPlacements";
    static final String MINIMUM_IN_CARE = "minimumInCare";
    static final String MINIMUM_IN_PLACEMENT = "minimumInPlacement";
    static final String CHECK_TYPE = "checkType";
    static final String WITHIN_UNDER_5 = "withinUnder5";
    static final String IN_CARE_AT_LEAST = "inCareAtLeast";
    static final String INTERVALS = "intervals";
    static final String CONTEXT = "context";
    static final String ARRANGEMENT_YEAR = "arrangementYear";
    static final String FIRST_WITHIN_WORKING_DAYS = "firstWithinWorkingDays";
    static final String INTERVAL = "interval";
    static final String POPULATION = "population";
    static final String BASELINE_YEARS = "baselineYears";
    static final String CHECK = "check";
    static final String HARM_INDICATED = "harmIndicated";
    static final String LAG_MONTHS = "lagMonths";
    static final String IN = "in";
    static final String POSTS = "posts";
    static final String ABSENCE_TYPE = "absenceType";
    static final String OF = "of";
    static final String BAND = "band";
    static final String RATED_AT_LEAST = "ratedAtLeast";

    /** No parameters. */
    public static final MeasureParameters NONE = new MeasureParameters(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** What a catalogue written before issue 12 can set. */
    public MeasureParameters(Integer withinWorkingDays, Integer intervalWorkingDays, Integer overWorkingDays,
                             AssessmentAnchor anchor, Lookback lookback, Period minimumDuration) {
        this(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public MeasureParameters {
        assessmentTypes = assessmentTypes == null ? null : Set.copyOf(assessmentTypes);
        placementTypes = placementTypes == null ? null : Set.copyOf(placementTypes);
        intervals = intervals == null ? null : List.copyOf(intervals);
    }

    /**
     * active-plans: the children of the population the numerator holds (all of it when null):
     * aged within the band at T, only the asylum-seeking, placed in one of the types at T, or
     * placed at most this far from home (a known distance).
     */
    public record Subset(CaseFilter.AgeBand ageBand, boolean onlyAsylumSeeking, Set<PlacementType> placementTypes,
                         Double maxDistanceMiles) {
        public Subset {
            placementTypes = placementTypes == null ? null : Set.copyOf(placementTypes);
        }
    }

    public MeasureParameters withWithinWorkingDays(Integer value) {
        return new MeasureParameters(value, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withIntervalWorkingDays(Integer value) {
        return new MeasureParameters(withinWorkingDays, value, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withOverWorkingDays(Integer value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, value, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withAnchor(AssessmentAnchor value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, value, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withLookback(Lookback value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, value, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withMinimumDuration(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, value, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withAssessmentTypes(Set<AssessmentType> value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, value, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withCaseAllocation(Allocation value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, value, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withStartedInSameMonth(Boolean value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, value, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withExcludeProgressedToStrategy(Boolean value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, value, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withElement(Element value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, value, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withFrom(Element value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, value, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withTo(Element value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, value, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withCondition(Condition value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, value, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withWithin(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, value, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withLessThan(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, value, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withAllocation(Allocation value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, value, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withCount(Counted value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, value, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withPlanType(PlanType value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, value, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withPlacementTypes(Set<PlacementType> value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, value, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withSubset(Subset value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, value, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withWindow(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, value, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withMinimumPlacements(Integer value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, value, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withMinimumInCare(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, value, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withMinimumInPlacement(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, value, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withCheckType(CheckType value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, value, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withWithinUnder5(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, value, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withInCareAtLeast(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, value, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withIntervals(List<ReviewInterval> value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, value, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withContext(String value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, value, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withArrangementYear(String value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, value, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withFirstWithinWorkingDays(Integer value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, value, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withInterval(Period value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, value, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withPopulation(String value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, value, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withBaselineYears(Integer value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, value, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withPosts(PostSelection value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, value, absenceType, of, band, ratedAtLeast);
    }

    public MeasureParameters withAbsenceType(org.casepulse.workforce.AbsenceType value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, value, of, band, ratedAtLeast);
    }

    public MeasureParameters withRatedAtLeast(org.casepulse.workforce.AppraisalRating value) {
        return new MeasureParameters(withinWorkingDays, intervalWorkingDays, overWorkingDays, anchor, lookback, minimumDuration, assessmentTypes, caseAllocation, startedInSameMonth, excludeProgressedToStrategy, element, from, to, condition, within, lessThan, allocation, count, planType, placementTypes, subset, window, minimumPlacements, minimumInCare, minimumInPlacement, checkType, withinUnder5, inCareAtLeast, intervals, context, arrangementYear, firstWithinWorkingDays, interval, population, baselineYears, check, harmIndicated, lagMonths, in, posts, absenceType, of, band, value);
    }

    /**
     * staff-appraised (COUNTING.md 14.7): whether an appraisal's rating counts in the numerator;
     * without the parameter every appraisal does, with it only one rated {@code ratedAtLeast} or
     * better (symbols run best first), never an unrated one.
     */
    public boolean countsRating(org.casepulse.workforce.AppraisalRating rating) {
        return ratedAtLeast == null || (rating != null && rating.ordinal() <= ratedAtLeast.ordinal());
    }

    /**
     * posts (COUNTING.md 14.3): the population is the posts in establishment whose role is in
     * {@code roles} and whose team type is in {@code teamTypes} (null: any); the numerator those filled
     * as {@code filledBy} says, with a role in {@code filledRoles} (null: any); each weighs its FTE in
     * hundredths, or 1 with {@code byPosts}. caseload-per-fte (COUNTING.md 14.8) takes the posts
     * filled as {@code filledBy} says as its denominator.
     */
    public record PostSelection(Set<org.casepulse.workforce.PostFilling> filledBy,
                                Set<org.casepulse.workforce.StaffRole> roles,
                                Set<org.casepulse.workforce.StaffRole> filledRoles,
                                boolean byPosts,
                                Set<org.casepulse.workforce.TeamType> teamTypes) {
        public PostSelection {
            filledBy = Set.copyOf(filledBy);
            roles = roles == null ? null : Set.copyOf(roles);
            filledRoles = filledRoles == null ? null : Set.copyOf(filledRoles);
            teamTypes = teamTypes == null ? null : Set.copyOf(teamTypes);
        }

        /** Whether a post of this role and team type is in the population (before its filling is looked at). */
        public boolean selects(org.casepulse.workforce.StaffRole role, org.casepulse.workforce.TeamType teamType) {
            return (roles == null || roles.contains(role)) && (teamTypes == null || teamTypes.contains(teamType));
        }
    }

    /**
     * team-band-share (COUNTING.md 13.1): a range of published values, each end open or closed or
     * absent (unbounded), such as {@code {atLeast: 12, upTo: 16}}.
     */
    public record Band(java.math.BigDecimal lower, boolean lowerIncluded, java.math.BigDecimal upper,
                       boolean upperIncluded) {
        public boolean contains(java.math.BigDecimal value) {
            if (lower != null) {
                int c = value.compareTo(lower);
                if (c < 0 || (c == 0 && !lowerIncluded)) {
                    return false;
                }
            }
            if (upper != null) {
                int c = value.compareTo(upper);
                return c < 0 || (c == 0 && upperIncluded);
            }
            return true;
        }
    }

    /** interval-average: days in the unit the average is published in (7 for weeks, else 1). */
    public int daysPerUnit() {
        return "weeks".equals(in) ? 7 : 1;
    }

    /** followed-by and participant-checks: months between the cohort's month and the figure's (0 when not lagged). */
    public int cohortLag() {
        return lagMonths == null ? 0 : lagMonths;
    }

    /** demand-change: the previous years compared with (one unless the catalogue says two). */
    public int yearsOfBaseline() {
        return baselineYears == null ? 1 : baselineYears;
    }

    /** Whether the assessment type counts here (no set: every type does). */
    public boolean countsAssessmentType(AssessmentType type) {
        return assessmentTypes == null || assessmentTypes.contains(type);
    }

    /** These parameters, with each one {@code given} sets replacing this one's. */
    MeasureParameters overriddenBy(MeasureParameters given) {
        return new MeasureParameters(
                given.withinWorkingDays != null ? given.withinWorkingDays : withinWorkingDays,
                given.intervalWorkingDays != null ? given.intervalWorkingDays : intervalWorkingDays,
                given.overWorkingDays != null ? given.overWorkingDays : overWorkingDays,
                given.anchor != null ? given.anchor : anchor,
                given.lookback != null ? given.lookback : lookback,
                given.minimumDuration != null ? given.minimumDuration : minimumDuration,
                given.assessmentTypes != null ? given.assessmentTypes : assessmentTypes,
                given.caseAllocation != null ? given.caseAllocation : caseAllocation,
                given.startedInSameMonth != null ? given.startedInSameMonth : startedInSameMonth,
                given.excludeProgressedToStrategy != null ? given.excludeProgressedToStrategy : excludeProgressedToStrategy,
                given.element != null ? given.element : element,
                given.from != null ? given.from : from,
                given.to != null ? given.to : to,
                given.condition != null ? given.condition : condition,
                given.within != null ? given.within : within,
                given.lessThan != null ? given.lessThan : lessThan,
                given.allocation != null ? given.allocation : allocation,
                given.count != null ? given.count : count,
                given.planType != null ? given.planType : planType,
                given.placementTypes != null ? given.placementTypes : placementTypes,
                given.subset != null ? given.subset : subset,
                given.window != null ? given.window : window,
                given.minimumPlacements != null ? given.minimumPlacements : minimumPlacements,
                given.minimumInCare != null ? given.minimumInCare : minimumInCare,
                given.minimumInPlacement != null ? given.minimumInPlacement : minimumInPlacement,
                given.checkType != null ? given.checkType : checkType,
                given.withinUnder5 != null ? given.withinUnder5 : withinUnder5,
                given.inCareAtLeast != null ? given.inCareAtLeast : inCareAtLeast,
                given.intervals != null ? given.intervals : intervals,
                given.context != null ? given.context : context,
                given.arrangementYear != null ? given.arrangementYear : arrangementYear,
                given.firstWithinWorkingDays != null ? given.firstWithinWorkingDays : firstWithinWorkingDays,
                given.interval != null ? given.interval : interval,
                given.population != null ? given.population : population,
                given.baselineYears != null ? given.baselineYears : baselineYears,
                given.check != null ? given.check : check,
                given.harmIndicated != null ? given.harmIndicated : harmIndicated,
                given.lagMonths != null ? given.lagMonths : lagMonths,
                given.in != null ? given.in : in,
                given.posts != null ? given.posts : posts,
                given.absenceType != null ? given.absenceType : absenceType,
                given.of != null ? given.of : of,
                given.band != null ? given.band : band,
                given.ratedAtLeast != null ? given.ratedAtLeast : ratedAtLeast);
    }

    /** Which open cases (or assessments in them) count, by their allocation at T. */
    public enum Allocation {
        ANY("any"), ALLOCATED("allocated"), UNALLOCATED("unallocated");

        private final String yamlName;

        Allocation(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        public boolean admits(boolean allocated) {
            return this == ANY || (this == ALLOCATED) == allocated;
        }
    }

    /** What a snapshot count counts: cases, or children once each (COUNTING.md 8.2). */
    public enum Counted {
        CASES("cases"), CHILDREN("children");

        private final String yamlName;

        Counted(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
