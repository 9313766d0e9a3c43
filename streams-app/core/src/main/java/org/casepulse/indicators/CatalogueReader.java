package org.casepulse.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casepulse.reference.file.ReferenceFile;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Unit;

/**
 * Reads a catalogue file: Jackson binds its shape (an unknown field or a value of the wrong kind
 * fails there), then each indicator is checked against its measure kind, and the first mistake
 * stops start-up naming its line and field.
 */
final class CatalogueReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_DECIMALS = 6;
    private static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");
    private static final List<String> TARGET_KEYS = List.of("all", "years", "by");
    private static final List<String> ALL_TARGET_KEYS = List.of("Q1", "Q2", "Q3", "Q4", "all", "years", "by");
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");

    private final ReferenceFile file;
    /** The catalogue's named case-type sets ({@code caseTypeSets: {public-law: [S31, ...]}}), by name. */
    private final Map<String, Set<String>> caseTypeSets = new LinkedHashMap<>();

    private CatalogueReader(ReferenceFile file) {
        this.file = file;
    }

    static IndicatorCatalogue read(ReferenceFile file) {
        return new CatalogueReader(file).read();
    }

    private IndicatorCatalogue read() {
        CatalogueFile content = file.bind(CatalogueFile.class);
        if (content.version() == null || content.version().isBlank()) {
            throw file.error("version", "missing: give the catalogue a version, such as version: \"2025.1\"");
        }
        DefaultsEntry defaults = content.defaults() == null ? DefaultsEntry.NONE : content.defaults();
        if (content.caseTypeSets() != null) {
            content.caseTypeSets().forEach((name, types) -> {
                if (!ID.matcher(name).matches()) {
                    throw file.error("caseTypeSets." + name, "a set's name is lower-case words joined by hyphens,"
                            + " such as public-law");
                }
                if (types == null) {
                    throw file.error("caseTypeSets." + name, "must list at least one case type");
                }
                caseTypeSets.put(name, textSet("caseTypeSets." + name, types));
            });
        }
        checkDefaults(defaults);
        if (content.indicators() == null || content.indicators().isEmpty()) {
            throw file.error("indicators", "missing: list at least one indicator");
        }
        List<IndicatorDefinition> indicators = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < content.indicators().size(); i++) {
            String at = "indicators[" + i + "]";
            IndicatorEntry entry = content.indicators().get(i);
            if (entry == null) {
                throw file.error(at, "empty entry");
            }
            IndicatorDefinition indicator = indicator(at, entry, defaults);
            Integer earlier = firstIndexOfId.putIfAbsent(indicator.id(), i);
            if (earlier != null) {
                throw file.error(at + ".id", "duplicate id " + indicator.id() + ", already used by indicators["
                        + earlier + "] on line " + file.lineOf("indicators[" + earlier + "].id"));
            }
            indicators.add(indicator);
        }
        checkBandSources(indicators);
        return new IndicatorCatalogue(content.version().strip(), indicators);
    }

    private void checkDefaults(DefaultsEntry defaults) {
        if (defaults.tolerance() != null && defaults.tolerance().signum() < 0) {
            throw file.error("defaults.tolerance", "must not be negative, got " + defaults.tolerance());
        }
        if (defaults.smallNumberThreshold() != null && defaults.smallNumberThreshold() < 0) {
            throw file.error("defaults.smallNumberThreshold", "must not be negative, got "
                    + defaults.smallNumberThreshold());
        }
        if (defaults.decimals() != null) {
            checkDecimals("defaults.decimals", defaults.decimals());
        }
    }

    private IndicatorDefinition indicator(String at, IndicatorEntry entry, DefaultsEntry defaults) {
        String id = required(at, "id", entry.id());
        if (!ID.matcher(id).matches()) {
            throw file.error(at + ".id", "must be lower-case words joined by hyphens, such as allocation-within-2wd, got "
                    + id);
        }
        String title = required(at, "title", entry.title());
        MeasureKind measure = measure(at, entry.measure());
        MeasureParameters parameters = parameters(at + ".parameters", measure, entry.parameters());
        Polarity polarity = enumValue(at + ".polarity", required(at, "polarity", entry.polarity()), Polarity.class);
        Unit unit = unit(at, measure, entry.unit());
        if (measure == MeasureKind.POSTS && unit == Unit.COUNT && !parameters.posts().byPosts()) {
            throw file.error(at + ".unit", "COUNT of posts needs parameters.posts.weight: posts (a count of FTE hundredths would mislead)");
        }
        if (measure == MeasureKind.CASELOAD_PER_FTE && parameters.posts().filledRoles() != null) {
            throw file.error(at + ".parameters.posts.filledRoles", "not used by caseload-per-fte: its denominator is "
                    + "the posts of the roles and team types filled as filledBy says");
        }
        if (measure == MeasureKind.AUDITS_PER_WORKER
                && parameters.element().name() != Element.Name.AUDIT_COMPLETION) {
            throw file.error(at + ".parameters.element", "audits-per-worker counts audit completions: "
                    + "name audit-completion, got " + parameters.element().name().yamlName());
        }
        Target target = target(at + ".target", entry.target());
        // H and L entries may go without a target (rated NOT_RATED, direction still judged); T
        // cannot, as closeness needs something to be close to. A NONE entry's target is shown only.
        if (target == null && polarity == Polarity.T) {
            throw file.error(at + ".target", "missing: polarity T judges closeness to a target");
        }
        BigDecimal tolerance = orDefault(at, "tolerance", entry.tolerance(), defaults.tolerance());
        if (tolerance.signum() < 0) {
            throw file.error(at + ".tolerance", "must not be negative, got " + tolerance);
        }
        List<PeriodType> periods = periods(at + ".periods", measure, entry.periods());
        Optional<String> caseType = Optional.ofNullable(entry.caseType());
        if (caseType.isPresent() && caseType.get().isBlank()) {
            throw file.error(at + ".caseType", "must not be blank: leave it out to count every case");
        }
        int threshold = orDefault(at, "smallNumberThreshold", entry.smallNumberThreshold(),
                defaults.smallNumberThreshold());
        if (threshold < 0) {
            throw file.error(at + ".smallNumberThreshold", "must not be negative, got " + threshold);
        }
        int decimals = orDefault(at, "decimals", entry.decimals(), defaults.decimals());
        checkDecimals(at + ".decimals", decimals);
        String description = entry.description() == null ? "" : entry.description().strip();
        String label = optionalText(at, "label", entry.label());
        List<String> seedRefs = seedRefs(at + ".seedRefs", entry.seedRefs());
        String section = optionalText(at, "section", entry.section());
        CaseFilter filter = filter(at, measure, entry, caseType.map(String::strip));
        Comparisons comparisons = comparisons(at, measure, unit, periods, entry);
        return new IndicatorDefinition(id, title.strip(), measure, parameters, polarity, unit, target, tolerance,
                periods, caseType.map(String::strip), threshold, decimals, description, label, seedRefs,
                section == null ? IndicatorDefinition.NO_SECTION : section, filter, comparisons);
    }

    /**
     * {@code compare} lists lastYear and outturn; {@code sixMonths} is cumulative or average (for
     * MONTH and SNAPSHOT figures; not for demand change, itself a comparison); {@code trend}
     * gives noChange and much, else the unit's defaults.
     */
    private Comparisons comparisons(String at, MeasureKind measure, Unit unit, List<PeriodType> periods,
                                    IndicatorEntry entry) {
        boolean lastYear = false;
        boolean outturn = false;
        List<String> compare = entry.compare() == null ? List.of() : entry.compare();
        for (int i = 0; i < compare.size(); i++) {
            String name = compare.get(i) == null ? "" : compare.get(i).strip();
            switch (name) {
                case "lastYear" -> lastYear = true;
                case "outturn" -> outturn = true;
                default -> throw file.error(at + ".compare[" + i + "]", "must be lastYear or outturn, got " + name
                        + org.casepulse.settings.Closest.to(name, List.of("lastYear", "outturn"))
                                .map(n -> " (did you mean " + n + "?)").orElse(""));
            }
        }
        if (outturn && periods.stream().allMatch(p -> p == PeriodType.MONTH)) {
            throw file.error(at + ".compare", "outturn is the year's final YTD, R12M or snapshot figure; "
                    + "a MONTH figure has none");
        }
        Comparisons.SixMonths sixMonths = Comparisons.SixMonths.NONE;
        if (entry.sixMonths() != null) {
            sixMonths = switch (entry.sixMonths().strip()) {
                case "cumulative" -> Comparisons.SixMonths.CUMULATIVE;
                case "average" -> Comparisons.SixMonths.AVERAGE;
                default -> throw file.error(at + ".sixMonths", "must be cumulative or average, got " + entry.sixMonths());
            };
            if (measure == MeasureKind.DEMAND_CHANGE) {
                throw file.error(at + ".sixMonths", "demand change is already a comparison with past years");
            }
            if (!periods.contains(PeriodType.MONTH) && !periods.contains(PeriodType.SNAPSHOT)) {
                throw file.error(at + ".sixMonths", "the six months before are shown beside MONTH and SNAPSHOT figures,"
                        + " and this entry publishes neither");
            }
        }
        TrendThresholds trend = TrendThresholds.defaultFor(unit);
        if (entry.trend() != null) {
            BigDecimal noChange = entry.trend().noChange() == null ? trend.noChange() : entry.trend().noChange();
            BigDecimal much = entry.trend().much() == null ? trend.much() : entry.trend().much();
            if (noChange.signum() < 0 || much.compareTo(noChange) <= 0) {
                throw file.error(at + ".trend", "needs 0 <= noChange < much, got noChange " + noChange + " and much " + much);
            }
            trend = new TrendThresholds(noChange, much);
        }
        return new Comparisons(lastYear, outturn, sixMonths, trend);
    }

    private String optionalText(String at, String name, String value) {
        if (value != null && value.isBlank()) {
            throw file.error(at + "." + name, "must not be blank: leave it out instead");
        }
        return value == null ? null : value.strip();
    }

    /** Ids of SEED-INDICATORS.md rows, each once. */
    private List<String> seedRefs(String field, List<String> refs) {
        if (refs == null) {
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i) == null ? "" : refs.get(i).strip();
            if (!SeedIndicators.isKnown(ref)) {
                throw file.error(field + "[" + i + "]", "not a row of SEED-INDICATORS.md (such as AL1, CP13), got "
                        + (ref.isEmpty() ? "nothing" : ref));
            }
            if (checked.contains(ref)) {
                throw file.error(field + "[" + i + "]", ref + " is listed twice");
            }
            checked.add(ref);
        }
        return checked;
    }

    private MeasureKind measure(String at, String name) {
        String given = required(at, "measure", name);
        return MeasureKind.fromYamlName(given).orElseThrow(() -> file.error(at + ".measure", "unknown measure "
                + given + "; expected one of " + Arrays.stream(MeasureKind.values()).map(MeasureKind::yamlName).toList()));
    }

    private MeasureParameters parameters(String at, MeasureKind measure, ParametersEntry entry) {
        Map<String, Object> given = entry == null ? Map.of() : entry.given();
        Set<String> allowed = new TreeSet<>(measure.requiredParameters());
        allowed.addAll(measure.optionalParameters());
        for (String name : given.keySet()) {
            if (!allowed.contains(name)) {
                throw file.error(at + "." + name, "not a parameter of measure " + measure.yamlName()
                        + (allowed.isEmpty() ? ", which takes none" : "; it takes " + allowed));
            }
        }
        for (String name : new TreeSet<>(measure.requiredParameters())) {
            if (!given.containsKey(name)) {
                throw file.error(at + "." + name, "missing: measure " + measure.yamlName() + " needs it");
            }
        }
        if (entry == null) {
            return measure.defaultParameters();
        }
        MeasureParameters parsed = new MeasureParameters(
                positive(at + "." + MeasureParameters.WITHIN_WORKING_DAYS, entry.withinWorkingDays()),
                positive(at + "." + MeasureParameters.INTERVAL_WORKING_DAYS, entry.intervalWorkingDays()),
                positive(at + "." + MeasureParameters.OVER_WORKING_DAYS, entry.overWorkingDays()),
                anchor(at + "." + MeasureParameters.ANCHOR, entry.anchor()),
                lookback(at + "." + MeasureParameters.LOOKBACK, entry.lookback()),
                duration(at + "." + MeasureParameters.MINIMUM_DURATION, entry.minimumDuration()),
                enumSet(at + "." + MeasureParameters.ASSESSMENT_TYPES, entry.assessmentTypes(),
                        org.casepulse.events.AssessmentType.class),
                allocation(at + "." + MeasureParameters.CASE_ALLOCATION, entry.caseAllocation()),
                entry.startedInSameMonth(),
                entry.excludeProgressedToStrategy(),
                element(at + "." + MeasureParameters.ELEMENT, entry.element()),
                element(at + "." + MeasureParameters.FROM, entry.from()),
                element(at + "." + MeasureParameters.TO, entry.to()),
                condition(at + "." + MeasureParameters.CONDITION, entry.condition()),
                duration(at + "." + MeasureParameters.WITHIN, entry.within()),
                duration(at + "." + MeasureParameters.LESS_THAN, entry.lessThan()),
                allocation(at + "." + MeasureParameters.ALLOCATION, entry.allocation()),
                counted(at + "." + MeasureParameters.COUNT, entry.count()),
                entry.planType() == null ? null : enumValue(at + "." + MeasureParameters.PLAN_TYPE, entry.planType(),
                        org.casepulse.events.PlanType.class),
                enumSet(at + "." + MeasureParameters.PLACEMENT_TYPES, entry.placementTypes(),
                        org.casepulse.events.PlacementType.class),
                subset(at + "." + MeasureParameters.SUBSET, entry.subset()),
                duration(at + "." + MeasureParameters.WINDOW, entry.window()),
                positive(at + "." + MeasureParameters.MINIMUM_PLACEMENTS, entry.minimumPlacements()),
                duration(at + "." + MeasureParameters.MINIMUM_IN_CARE, entry.minimumInCare()),
                duration(at + "." + MeasureParameters.MINIMUM_IN_PLACEMENT, entry.minimumInPlacement()),
                entry.checkType() == null ? null : enumValue(at + "." + MeasureParameters.CHECK_TYPE,
                        entry.checkType(), org.casepulse.events.CheckType.class),
                duration(at + "." + MeasureParameters.WITHIN_UNDER_5, entry.withinUnder5()),
                duration(at + "." + MeasureParameters.IN_CARE_AT_LEAST, entry.inCareAtLeast()),
                intervals(at + "." + MeasureParameters.INTERVALS, entry.intervals()),
                oneOf(at + "." + MeasureParameters.CONTEXT, entry.context(), List.of("private-fostering")),
                oneOf(at + "." + MeasureParameters.ARRANGEMENT_YEAR, entry.arrangementYear(), List.of("first", "later")),
                positive(at + "." + MeasureParameters.FIRST_WITHIN_WORKING_DAYS, entry.firstWithinWorkingDays()),
                duration(at + "." + MeasureParameters.INTERVAL, entry.interval()),
                oneOf(at + "." + MeasureParameters.POPULATION, entry.population(), measure.isStaff()
                        ? List.of(org.casepulse.indicators.workforce.StaffFacts.NEWLY_QUALIFIED) : List.of("current")),
                baselineYears(at + "." + MeasureParameters.BASELINE_YEARS, entry.baselineYears()),
                entry.check() == null ? null : enumValue(at + "." + MeasureParameters.CHECK, entry.check(),
                        org.casepulse.events.SafeguardingCheckType.class),
                onlyTrue(at + "." + MeasureParameters.HARM_INDICATED, entry.harmIndicated()),
                lagMonths(at + "." + MeasureParameters.LAG_MONTHS, entry.lagMonths()),
                oneOf(at + "." + MeasureParameters.IN, entry.in(), List.of("days", "weeks")),
                posts(at + "." + MeasureParameters.POSTS, entry.posts()),
                entry.absenceType() == null ? null : enumValue(at + "." + MeasureParameters.ABSENCE_TYPE,
                        entry.absenceType(), org.casepulse.workforce.AbsenceType.class),
                entry.of(),
                band(at + "." + MeasureParameters.BAND, entry.band()),
                entry.ratedAtLeast() == null ? null : enumValue(at + "." + MeasureParameters.RATED_AT_LEAST,
                        entry.ratedAtLeast(), org.casepulse.workforce.AppraisalRating.class));
        if (measure == MeasureKind.INTERVAL_TIMELINESS && given.size() != 3) {
            throw file.error(at, "measure interval-timeliness needs exactly one of withinWorkingDays, within "
                    + "and lessThan");
        }
        return measure.defaultParameters().overriddenBy(parsed);
    }

    /** team-band-share (COUNTING.md 13.1): one lower end (over, atLeast) at most, one upper (below, upTo) at most. */
    private MeasureParameters.Band band(String field, BandEntry entry) {
        if (entry == null) {
            return null;
        }
        if (entry.over() != null && entry.atLeast() != null) {
            throw file.error(field, "give one lower end: over or atLeast");
        }
        if (entry.below() != null && entry.upTo() != null) {
            throw file.error(field, "give one upper end: below or upTo");
        }
        BigDecimal lower = entry.over() != null ? entry.over() : entry.atLeast();
        BigDecimal upper = entry.below() != null ? entry.below() : entry.upTo();
        if (lower == null && upper == null) {
            throw file.error(field, "missing: give over or atLeast, below or upTo (the range of the source's value)");
        }
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw file.error(field, "the lower end " + lower + " is above the upper end " + upper);
        }
        return new MeasureParameters.Band(lower, entry.atLeast() != null, upper, entry.upTo() != null);
    }

    /**
     * A team-band-share entry bands the published figures of another entry of the same file, at
     * its lowest areas, for periods that entry publishes (COUNTING.md 13.1).
     */
    private void checkBandSources(List<IndicatorDefinition> indicators) {
        Map<String, IndicatorDefinition> byId = new HashMap<>();
        indicators.forEach(indicator -> byId.put(indicator.id(), indicator));
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorDefinition indicator = indicators.get(i);
            if (indicator.measure() != MeasureKind.TEAM_BAND_SHARE) {
                continue;
            }
            Comparisons asked = indicator.comparisons();
            if (asked.lastYear() || asked.outturn() || asked.sixMonths() != Comparisons.SixMonths.NONE) {
                throw file.error("indicators[" + i + "].compare", "a team-band-share carries no comparisons "
                        + "(lastYear, outturn, sixMonths): its teams' figures of other periods are not kept");
            }
            String at = "indicators[" + i + "].parameters.of";
            IndicatorDefinition source = byId.get(indicator.parameters().of());
            if (source == null) {
                throw file.error(at, "no indicator " + indicator.parameters().of() + " in this catalogue");
            }
            if (source.measure().isFigureOfFigures()) {
                throw file.error(at, source.id() + " is itself a team-band-share: band a counted indicator");
            }
            for (PeriodType period : indicator.periods()) {
                if (!source.publishes(period)) {
                    throw file.error("indicators[" + i + "].periods", "period " + period + " is not published by "
                            + source.id() + ", which publishes " + source.periods());
                }
            }
        }
    }

    /** A cohort lagged by 1 to 12 months (COUNTING.md 13). */
    private Integer lagMonths(String field, Integer value) {
        if (value != null && (value < 1 || value > 12)) {
            throw file.error(field, "must be 1 to 12 months, got " + value);
        }
        return value;
    }

    private Boolean onlyTrue(String field, Boolean value) {
        if (Boolean.FALSE.equals(value)) {
            throw file.error(field, "narrows to the participants with harm indicated: write true, or leave it out");
        }
        return value;
    }

    /** posts (COUNTING.md 14.3): filledBy required; roles and filledRoles optional; weight fte (default) or posts. */
    private MeasureParameters.PostSelection posts(String field, PostsEntry entry) {
        if (entry == null) {
            return null;
        }
        if (entry.filledBy() == null) {
            throw file.error(field + ".filledBy", "missing: which fillings the numerator counts (PERMANENT, AGENCY, VACANT)");
        }
        String weight = oneOf(field + ".weight", entry.weight(), List.of("fte", "posts"));
        return new MeasureParameters.PostSelection(
                enumSet(field + ".filledBy", entry.filledBy(), org.casepulse.workforce.PostFilling.class),
                enumSet(field + ".roles", entry.roles(), org.casepulse.workforce.StaffRole.class),
                enumSet(field + ".filledRoles", entry.filledRoles(), org.casepulse.workforce.StaffRole.class),
                "posts".equals(weight),
                enumSet(field + ".teamTypes", entry.teamTypes(), org.casepulse.workforce.TeamType.class));
    }

    /** One or two years: the history kept reaches back three years before the window (ReportingWindow#horizon). */
    private Integer baselineYears(String field, Integer value) {
        if (value != null && (value < 1 || value > 2)) {
            throw file.error(field, "must be 1 or 2, got " + value);
        }
        return value;
    }

    private Integer positive(String field, Integer value) {
        if (value != null && value < 1) {
            throw file.error(field, "must be a positive integer, got " + value);
        }
        return value;
    }

    private AssessmentAnchor anchor(String field, String value) {
        if (value == null) {
            return null;
        }
        return AssessmentAnchor.fromYamlName(value.strip()).orElseThrow(() -> file.error(field, "must be one of "
                + Arrays.stream(AssessmentAnchor.values()).map(AssessmentAnchor::yamlName).toList() + ", got " + value));
    }

    private Lookback lookback(String field, String value) {
        if (value == null) {
            return null;
        }
        return Lookback.parse(value).orElseThrow(() -> file.error(field, "must be " + DurationText.EXAMPLES
                + ", got " + value));
    }

    private java.time.Period duration(String field, String value) {
        if (value == null) {
            return null;
        }
        return DurationText.parse(value).orElseThrow(() -> file.error(field, "must be " + DurationText.EXAMPLES
                + ", got " + value));
    }

    private <E extends Enum<E>> Set<E> enumSet(String field, List<String> names, Class<E> type) {
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            throw file.error(field, "must list at least one, or be left out for every one");
        }
        Set<E> values = new java.util.LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            values.add(enumValue(field + "[" + i + "]", names.get(i), type));
        }
        return values;
    }

    private String oneOf(String field, String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        if (!allowed.contains(value.strip())) {
            throw file.error(field, "must be one of " + allowed + ", got " + value);
        }
        return value.strip();
    }

    private List<ReviewInterval> intervals(String field, List<String> texts) {
        if (texts == null) {
            return null;
        }
        if (texts.isEmpty()) {
            throw file.error(field, "list at least one interval, such as [3 months, 6 months]");
        }
        List<ReviewInterval> intervals = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i);
            int at = i;
            intervals.add(ReviewInterval.parse(text).orElseThrow(() -> file.error(field + "[" + at + "]",
                    "must be " + DurationText.EXAMPLES + ", or a number of working days such as '20 working days', got "
                            + text)));
        }
        return intervals;
    }

    private MeasureParameters.Subset subset(String field, SubsetEntry entry) {
        if (entry == null) {
            return null;
        }
        boolean onlyAsylum = false;
        List<String> only = entry.only() == null ? List.of() : entry.only();
        for (int i = 0; i < only.size(); i++) {
            if (!"unaccompanied-asylum-seeking".equals(only.get(i) == null ? null : only.get(i).strip())) {
                throw file.error(field + ".only[" + i + "]", "must be unaccompanied-asylum-seeking, got " + only.get(i));
            }
            onlyAsylum = true;
        }
        if (entry.maxDistanceMiles() != null && entry.maxDistanceMiles() < 0) {
            throw file.error(field + ".maxDistanceMiles", "must be 0 or more, got " + entry.maxDistanceMiles());
        }
        MeasureParameters.Subset subset = new MeasureParameters.Subset(ageBand(field + ".ageBand", entry.ageBand()),
                onlyAsylum, enumSet(field + ".placementTypes", entry.placementTypes(),
                        org.casepulse.events.PlacementType.class), entry.maxDistanceMiles());
        if (subset.ageBand() == null && !onlyAsylum && subset.placementTypes() == null
                && subset.maxDistanceMiles() == null) {
            throw file.error(field, "give ageBand, only, placementTypes or maxDistanceMiles, or leave subset out");
        }
        return subset;
    }

    private CaseFilter.AgeBand ageBand(String field, AgeBandEntry given) {
        if (given == null) {
            return null;
        }
        if (given.from() == null && given.to() == null) {
            throw file.error(field, "give from, to or both (completed years)");
        }
        if ((given.from() != null && given.from() < 0) || (given.to() != null && given.to() < 0)
                || (given.from() != null && given.to() != null && given.from() > given.to())) {
            throw file.error(field, "from and to are 0 or more, from not above to");
        }
        String unknown = given.unknownAge() == null ? "exclude" : given.unknownAge().strip();
        if (!unknown.equals("exclude") && !unknown.equals("include")) {
            throw file.error(field + ".unknownAge", "must be exclude or include, got " + unknown);
        }
        return new CaseFilter.AgeBand(given.from(), given.to(), unknown.equals("include"));
    }

    private MeasureParameters.Allocation allocation(String field, String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(MeasureParameters.Allocation.values()).filter(a -> a.yamlName().equals(value.strip()))
                .findFirst().orElseThrow(() -> file.error(field, "must be one of any, allocated, unallocated, got "
                        + value));
    }

    private MeasureParameters.Counted counted(String field, String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(MeasureParameters.Counted.values()).filter(c -> c.yamlName().equals(value.strip()))
                .findFirst().orElseThrow(() -> file.error(field, "must be cases or children, got " + value));
    }

    /** An element name and the narrowing (type set) its name takes, and no other. */
    private Element element(String field, ElementEntry entry) {
        if (entry == null) {
            return null;
        }
        if (entry.name() == null) {
            throw file.error(field + ".name", "missing: name the element, one of " + elementNames());
        }
        Element.Name name = Element.Name.fromYamlName(entry.name().strip()).orElseThrow(() -> file.error(
                field + ".name", "unknown element " + entry.name() + "; expected one of " + elementNames()));
        Map<String, Object> narrowings = new LinkedHashMap<>();
        narrowings.put("assessmentTypes", entry.assessmentTypes());
        narrowings.put("conferenceTypes", entry.conferenceTypes());
        narrowings.put("reviewTypes", entry.reviewTypes());
        narrowings.put("planType", entry.planType());
        narrowings.put("checkTypes", entry.checkTypes());
        narrowings.put("hearingTypes", entry.hearingTypes());
        narrowings.put("reportTypes", entry.reportTypes());
        narrowings.put("orderTypes", entry.orderTypes());
        narrowings.put("safeguardingChecks", entry.safeguardingChecks());
        narrowings.put("auditTypes", entry.auditTypes());
        narrowings.forEach((key, value) -> {
            if (value != null && !key.equals(name.narrowing())) {
                throw file.error(field + "." + key, "element " + name.yamlName() + " takes "
                        + (name.narrowing() == null ? "no narrowing" : "only " + name.narrowing()));
            }
        });
        return new Element(name,
                enumSet(field + ".assessmentTypes", entry.assessmentTypes(), org.casepulse.events.AssessmentType.class),
                enumSet(field + ".conferenceTypes", entry.conferenceTypes(), org.casepulse.events.ConferenceType.class),
                enumSet(field + ".reviewTypes", entry.reviewTypes(), org.casepulse.events.ReviewType.class),
                entry.planType() == null ? null
                        : enumValue(field + ".planType", entry.planType(), org.casepulse.events.PlanType.class),
                enumSet(field + ".checkTypes", entry.checkTypes(), org.casepulse.events.CheckType.class),
                enumSet(field + ".hearingTypes", entry.hearingTypes(), org.casepulse.events.HearingType.class),
                enumSet(field + ".reportTypes", entry.reportTypes(), org.casepulse.events.ReportType.class),
                enumSet(field + ".orderTypes", entry.orderTypes(), org.casepulse.events.OrderType.class),
                enumSet(field + ".safeguardingChecks", entry.safeguardingChecks(),
                        org.casepulse.events.SafeguardingCheckType.class),
                enumSet(field + ".auditTypes", entry.auditTypes(), org.casepulse.events.AuditType.class));
    }

    private static List<String> elementNames() {
        return Arrays.stream(Element.Name.values()).map(Element.Name::yamlName).toList();
    }

    private Condition condition(String field, ConditionEntry entry) {
        if (entry == null) {
            return null;
        }
        Condition condition = new Condition(entry.childSeen(), entry.childParticipated(),
                entry.conferenceOutcome() == null ? null : enumValue(field + ".conferenceOutcome",
                        entry.conferenceOutcome(), org.casepulse.events.ConferenceOutcome.class),
                enumSet(field + ".planEndReasons", entry.planEndReasons(), org.casepulse.events.PlanEndReason.class),
                enumSet(field + ".closureReasons", entry.closureReasons(), org.casepulse.events.ClosureReason.class),
                enumSet(field + ".agreements", entry.agreements(), org.casepulse.events.Agreement.class),
                entry.referredForReport(),
                enumSet(field + ".auditGrades", entry.auditGrades(), org.casepulse.events.AuditGrade.class),
                entry.satisfied(),
                element(field + ".caseHas", entry.caseHas()));
        if (condition.fieldsSet() != 1) {
            throw file.error(field, "must set exactly one of childSeen, childParticipated, conferenceOutcome, "
                    + "planEndReasons, closureReasons, agreements, referredForReport, auditGrades, satisfied, caseHas");
        }
        if (Boolean.FALSE.equals(condition.childSeen()) || Boolean.FALSE.equals(condition.childParticipated())
                || Boolean.FALSE.equals(condition.satisfied())) {
            throw file.error(field, "childSeen, childParticipated and satisfied count when true: write true");
        }
        return condition;
    }

    /** caseType or caseTypes, excludeCaseTypes, ageBand, exclude (COUNTING.md 8.1), as far as the kind applies them. */
    private CaseFilter filter(String at, MeasureKind measure, IndicatorEntry entry, Optional<String> caseType) {
        if (caseType.isPresent() && entry.caseTypes() != null) {
            throw file.error(at + ".caseTypes", "give caseType or caseTypes, not both");
        }
        Set<String> caseTypes = caseType.map(Set::of).orElse(null);
        if (entry.caseTypes() != null) {
            caseTypes = textSet(at + ".caseTypes", entry.caseTypes());
        }
        if (entry.caseTypeSet() != null) {
            if (caseTypes != null) {
                throw file.error(at + ".caseTypeSet", "give caseTypeSet, caseTypes or caseType, one of them");
            }
            caseTypes = caseTypeSets.get(entry.caseTypeSet().strip());
            if (caseTypes == null) {
                throw file.error(at + ".caseTypeSet", "no set " + entry.caseTypeSet() + " in caseTypeSets; the sets are "
                        + caseTypeSets.keySet());
            }
        }
        Set<String> excluded = entry.excludeCaseTypes() == null ? Set.of()
                : textSet(at + ".excludeCaseTypes", entry.excludeCaseTypes());
        CaseFilter.AgeBand band = ageBand(at + ".ageBand", entry.ageBand());
        boolean unborn = false;
        boolean asylum = false;
        List<String> exclude = entry.exclude() == null ? List.of() : entry.exclude();
        for (int i = 0; i < exclude.size(); i++) {
            String what = exclude.get(i) == null ? "" : exclude.get(i).strip();
            switch (what) {
                case "unborn" -> unborn = true;
                case "unaccompanied-asylum-seeking" -> asylum = true;
                default -> throw file.error(at + ".exclude[" + i + "]", "must be unborn or "
                        + "unaccompanied-asylum-seeking, got " + what);
            }
        }
        CaseFilter filter = new CaseFilter(caseTypes, excluded, band, unborn, asylum);
        if (filter.isDated() && !measure.appliesDatedFilters()) {
            throw file.error(at + (band != null ? ".ageBand" : ".exclude"), "measure " + measure.yamlName()
                    + " does not apply the unborn and age-band filters");
        }
        if (asylum && measure.isCrossCase()) {
            throw file.error(at + ".exclude", "measure " + measure.yamlName() + " is cross-case: only case-type "
                    + "filters apply");
        }
        return filter;
    }

    private Set<String> textSet(String field, List<String> values) {
        if (values.isEmpty()) {
            throw file.error(field, "must list at least one case type");
        }
        Set<String> set = new java.util.LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                throw file.error(field + "[" + i + "]", "must not be blank");
            }
            set.add(values.get(i).strip());
        }
        return set;
    }

    private Unit unit(String at, MeasureKind measure, String name) {
        if (name == null) {
            return measure.defaultUnit();
        }
        Unit unit = enumValue(at + ".unit", name, Unit.class);
        if (!measure.allowedUnits().contains(unit)) {
            throw file.error(at + ".unit", "measure " + measure.yamlName() + " is published as one of "
                    + measure.allowedUnits() + ", got " + unit);
        }
        return unit;
    }

    /**
     * A number, or Q1 to Q4 numbers for a target phased by financial quarter; or {@code all} (either
     * of those), {@code years} (financial year such as 2016/17 to either of those) and {@code by}
     * (due date to a number), each optional but not all absent.
     */
    private Target target(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject() && TARGET_KEYS.containsAll(fieldNames(node))) {
            if (!node.fieldNames().hasNext()) {
                throw file.error(field, "empty: give all, years or by, or leave the target out");
            }
            Target standing = node.has("all") ? standingTarget(field + ".all", node.get("all")) : null;
            Map<Integer, Target> years = new TreeMap<>();
            JsonNode yearsNode = node.get("years");
            if (yearsNode != null) {
                if (!yearsNode.isObject() || !yearsNode.fieldNames().hasNext()) {
                    throw file.error(field + ".years", "must map financial years such as 2016/17 to targets");
                }
                for (String year : fieldNames(yearsNode)) {
                    years.put(financialYear(field + ".years." + year, year),
                            standingTarget(field + ".years." + year, yearsNode.get(year)));
                }
            }
            Map<LocalDate, BigDecimal> dated = new TreeMap<>();
            JsonNode byNode = node.get("by");
            if (byNode != null) {
                if (!byNode.isObject() || !byNode.fieldNames().hasNext()) {
                    throw file.error(field + ".by", "must map due dates such as 2017-03-31 to targets");
                }
                for (String date : fieldNames(byNode)) {
                    LocalDate due;
                    try {
                        due = LocalDate.parse(date);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw file.error(field + ".by." + date, "not a date (YYYY-MM-DD)");
                    }
                    JsonNode value = byNode.get(date);
                    if (!value.isNumber()) {
                        throw file.error(field + ".by." + date, "must be a number, got " + value.asText());
                    }
                    dated.put(due, value.decimalValue());
                }
            }
            return Target.of(standing, years, dated);
        }
        return standingTarget(field, node);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** 2016 for {@code 2016/17}. */
    private int financialYear(String field, String name) {
        java.util.regex.Matcher matcher = FINANCIAL_YEAR.matcher(name);
        if (!matcher.matches() || (Integer.parseInt(matcher.group(1)) + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw file.error(field, "not a financial year such as 2016/17");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** A number, or Q1 to Q4 numbers for a target phased by financial quarter. */
    private Target standingTarget(String field, JsonNode node) {
        if (node.isNumber()) {
            return Target.of(node.decimalValue());
        }
        if (!node.isObject()) {
            throw file.error(field, "must be a number, or Q1 to Q4 numbers for a target phased by financial quarter"
                    + " (or all, years and by)");
        }
        for (String key : (Iterable<String>) node::fieldNames) {
            if (!QUARTERS.contains(key)) {
                Optional<String> near = org.casepulse.settings.Closest.to(key, ALL_TARGET_KEYS);
                throw file.error(field + "." + key, "not a financial quarter; a phased target has Q1, Q2, Q3 and Q4"
                        + "; a target by year or date has all, years and by" + near.map(n -> " (did you mean " + n + "?)").orElse(""));
            }
        }
        BigDecimal[] values = new BigDecimal[QUARTERS.size()];
        for (int q = 0; q < QUARTERS.size(); q++) {
            JsonNode value = node.get(QUARTERS.get(q));
            if (value == null || value.isNull()) {
                throw file.error(field, "missing " + QUARTERS.get(q) + ": a phased target has Q1, Q2, Q3 and Q4");
            }
            if (!value.isNumber()) {
                throw file.error(field + "." + QUARTERS.get(q), "must be a number, got " + value.asText());
            }
            values[q] = value.decimalValue();
        }
        return Target.phased(values[0], values[1], values[2], values[3]);
    }

    private List<PeriodType> periods(String field, MeasureKind measure, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw file.error(field, "missing: list the periods to publish, from " + sorted(measure.allowedPeriods()));
        }
        List<PeriodType> periods = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String at = field + "[" + i + "]";
            PeriodType period = enumValue(at, names.get(i), PeriodType.class);
            if (!measure.allowedPeriods().contains(period)) {
                throw file.error(at, "period " + period + " is not allowed for measure " + measure.yamlName()
                        + (measure.isSnapshot() ? ", a snapshot measure" : "") + "; it allows "
                        + sorted(measure.allowedPeriods()));
            }
            if (periods.contains(period)) {
                throw file.error(at, "period " + period + " is listed twice");
            }
            periods.add(period);
        }
        return periods;
    }

    private <E extends Enum<E>> E enumValue(String field, String name, Class<E> type) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (name != null && constant.name().equals(name.strip())) {
                return constant;
            }
        }
        throw file.error(field, "must be one of " + Arrays.toString(constants) + ", got " + name);
    }

    private String required(String at, String name, String value) {
        if (value == null || value.isBlank()) {
            throw file.error(at + "." + name, "missing");
        }
        return value.strip();
    }

    private <T> T orDefault(String at, String name, T value, T fallback) {
        if (value != null) {
            return value;
        }
        if (fallback == null) {
            throw file.error(at + "." + name, "missing, and the defaults block gives none");
        }
        return fallback;
    }

    private void checkDecimals(String field, int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw file.error(field, "must be 0 to " + MAX_DECIMALS + ", got " + decimals);
        }
    }

    private static <E extends Enum<E>> String sorted(Set<E> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The file's shape, as Jackson binds it; meaning is checked afterwards, with lines. */
    record CatalogueFile(String version, DefaultsEntry defaults, Map<String, List<String>> caseTypeSets,
                         List<IndicatorEntry> indicators) {}

    record DefaultsEntry(BigDecimal tolerance, Integer smallNumberThreshold, Integer decimals) {
        static final DefaultsEntry NONE = new DefaultsEntry(null, null, null);
    }

    record IndicatorEntry(String id, String title, String measure, ParametersEntry parameters, String polarity,
                          String unit, JsonNode target, BigDecimal tolerance, List<String> periods, String caseType,
                          Integer smallNumberThreshold, Integer decimals, String description, String label,
                          List<String> seedRefs, String section, List<String> caseTypes,
                          List<String> excludeCaseTypes, AgeBandEntry ageBand, List<String> exclude,
                          List<String> compare, String sixMonths, TrendEntry trend, String caseTypeSet) {}

    record TrendEntry(BigDecimal noChange, BigDecimal much) {}

    record BandEntry(BigDecimal over, BigDecimal atLeast, BigDecimal below, BigDecimal upTo) {}

    record PostsEntry(List<String> filledBy, List<String> roles, List<String> filledRoles, String weight,
                      List<String> teamTypes) {}

    record AgeBandEntry(Integer from, Integer to, String unknownAge) {}

    record SubsetEntry(AgeBandEntry ageBand, List<String> only, List<String> placementTypes, Double maxDistanceMiles) {}

    record ElementEntry(String name, List<String> assessmentTypes, List<String> conferenceTypes,
                        List<String> reviewTypes, String planType, List<String> checkTypes,
                        List<String> hearingTypes, List<String> reportTypes, List<String> orderTypes,
                        List<String> safeguardingChecks, List<String> auditTypes) {}

    record ConditionEntry(Boolean childSeen, Boolean childParticipated, String conferenceOutcome,
                          List<String> planEndReasons, List<String> closureReasons, List<String> agreements,
                          Boolean referredForReport, List<String> auditGrades, Boolean satisfied,
                          ElementEntry caseHas) {}

    record ParametersEntry(Integer withinWorkingDays, Integer intervalWorkingDays, Integer overWorkingDays,
                           String anchor, String lookback, String minimumDuration, List<String> assessmentTypes,
                           String caseAllocation, Boolean startedInSameMonth, Boolean excludeProgressedToStrategy,
                           ElementEntry element, ElementEntry from, ElementEntry to, ConditionEntry condition,
                           String within, String lessThan, String allocation, String count, String planType,
                           List<String> placementTypes, SubsetEntry subset, String window,
                           Integer minimumPlacements, String minimumInCare, String minimumInPlacement,
                           String checkType, String withinUnder5, String inCareAtLeast, List<String> intervals,
                           String context, String arrangementYear, Integer firstWithinWorkingDays, String interval,
                           String population, Integer baselineYears, String check, Boolean harmIndicated,
                           Integer lagMonths, String in, PostsEntry posts, String absenceType, String of,
                           BandEntry band, String ratedAtLeast) {

        /** The parameters the file sets, by name. */
        Map<String, Object> given() {
            Map<String, Object> given = new LinkedHashMap<>();
            putIfSet(given, MeasureParameters.WITHIN_WORKING_DAYS, withinWorkingDays);
            putIfSet(given, MeasureParameters.INTERVAL_WORKING_DAYS, intervalWorkingDays);
            putIfSet(given, MeasureParameters.OVER_WORKING_DAYS, overWorkingDays);
            putIfSet(given, MeasureParameters.ANCHOR, anchor);
            putIfSet(given, MeasureParameters.LOOKBACK, lookback);
            putIfSet(given, MeasureParameters.MINIMUM_DURATION, minimumDuration);
            putIfSet(given, MeasureParameters.ASSESSMENT_TYPES, assessmentTypes);
            putIfSet(given, MeasureParameters.CASE_ALLOCATION, caseAllocation);
            putIfSet(given, MeasureParameters.STARTED_IN_SAME_MONTH, startedInSameMonth);
            putIfSet(given, MeasureParameters.EXCLUDE_PROGRESSED_TO_STRATEGY, excludeProgressedToStrategy);
            putIfSet(given, MeasureParameters.ELEMENT, element);
            putIfSet(given, MeasureParameters.FROM, from);
            putIfSet(given, MeasureParameters.TO, to);
            putIfSet(given, MeasureParameters.CONDITION, condition);
            putIfSet(given, MeasureParameters.WITHIN, within);
            putIfSet(given, MeasureParameters.LESS_THAN, lessThan);
            putIfSet(given, MeasureParameters.ALLOCATION, allocation);
            putIfSet(given, MeasureParameters.COUNT, count);
            putIfSet(given, MeasureParameters.PLAN_TYPE, planType);
            putIfSet(given, MeasureParameters.PLACEMENT_TYPES, placementTypes);
            putIfSet(given, MeasureParameters.SUBSET, subset);
            putIfSet(given, MeasureParameters.WINDOW, window);
            putIfSet(given, MeasureParameters.MINIMUM_PLACEMENTS, minimumPlacements);
            putIfSet(given, MeasureParameters.MINIMUM_IN_CARE, minimumInCare);
            putIfSet(given, MeasureParameters.MINIMUM_IN_PLACEMENT, minimumInPlacement);
            putIfSet(given, MeasureParameters.CHECK_TYPE, checkType);
            putIfSet(given, MeasureParameters.WITHIN_UNDER_5, withinUnder5);
            putIfSet(given, MeasureParameters.IN_CARE_AT_LEAST, inCareAtLeast);
            putIfSet(given, MeasureParameters.INTERVALS, intervals);
            putIfSet(given, MeasureParameters.CONTEXT, context);
            putIfSet(given, MeasureParameters.ARRANGEMENT_YEAR, arrangementYear);
            putIfSet(given, MeasureParameters.FIRST_WITHIN_WORKING_DAYS, firstWithinWorkingDays);
            putIfSet(given, MeasureParameters.INTERVAL, interval);
            putIfSet(given, MeasureParameters.POPULATION, population);
            putIfSet(given, MeasureParameters.BASELINE_YEARS, baselineYears);
            putIfSet(given, MeasureParameters.CHECK, check);
            putIfSet(given, MeasureParameters.HARM_INDICATED, harmIndicated);
            putIfSet(given, MeasureParameters.LAG_MONTHS, lagMonths);
            putIfSet(given, MeasureParameters.IN, in);
            putIfSet(given, MeasureParameters.POSTS, posts);
            putIfSet(given, MeasureParameters.ABSENCE_TYPE, absenceType);
            putIfSet(given, MeasureParameters.OF, of);
            putIfSet(given, MeasureParameters.BAND, band);
            putIfSet(given, MeasureParameters.RATED_AT_LEAST, ratedAtLeast);
            return given;
        }

        private static void putIfSet(Map<String, Object> given, String name, Object value) {
            if (value != null) {
                given.put(name, value);
            }
        }
    }
}
